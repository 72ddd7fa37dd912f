"""Agreements domain room: a signed document's bytes, judged by their content — never by the
file name or the Content-Type a client claims — and the errors of a refused upload."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from domain.agreements.limits import (
    DOCUMENT_MAX_BYTES,
    PDF_MAGIC,
    PDF_MEDIA_TYPE,
    PDF_TAIL_BYTES,
)
from domain.shared.errors import DomainError

# PDF/A declares itself in its XMP metadata: <pdfaid:part>2</pdfaid:part> or pdfaid:part="2".
_PDFA = re.compile(rb"pdfaid:part\s*(?:=\s*[\"']|>)\s*[1-4]")
_EOF = b"%%EOF"


class DocumentTooLarge(DomainError):
    """The upload passed the size limit; nothing was read beyond it, nothing was stored."""

    code = "content-too-large"
    title = "The document is too large"


class UnsupportedDocument(DomainError):
    """The bytes are not a (whole) PDF, whatever the name or the declared type says."""

    code = "unsupported-media-type"
    title = "The document must be a PDF"


class EmptyDocument(UnsupportedDocument):
    code = "empty-document"
    title = "The document is empty"


def too_large() -> DocumentTooLarge:
    mb = DOCUMENT_MAX_BYTES // (1024 * 1024)
    return DocumentTooLarge(
        f"A signed document may be at most {mb} MB ({DOCUMENT_MAX_BYTES} bytes)."
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class SignedDocument:
    """An accepted upload: its bytes, type, digest and whether it declares PDF/A."""

    content: bytes
    media_type: str
    sha256: str
    pdfa: bool

    @property
    def size(self) -> int:
        return len(self.content)


def inspect(content: bytes) -> SignedDocument:
    """Accept ``content`` as a PDF or raise: too large, empty, not a PDF by its magic bytes, or cut
    off (no ``%%EOF`` in its last kilobyte). PDF/A is reported, not required (a scan from the
    town hall's copier rarely is one; the archive will want one, so the SPA warns)."""
    if len(content) > DOCUMENT_MAX_BYTES:
        raise too_large()
    if not content:
        raise EmptyDocument("The upload has no content.")
    if not content.startswith(PDF_MAGIC):
        raise UnsupportedDocument("Only PDF documents are accepted (the content is not a PDF).")
    if _EOF not in content[-PDF_TAIL_BYTES:]:
        raise UnsupportedDocument("The PDF is incomplete (no end-of-file marker).")
    return SignedDocument(
        content=content,
        media_type=PDF_MEDIA_TYPE,
        sha256=hashlib.sha256(content).hexdigest(),
        pdfa=_PDFA.search(content) is not None,
    )
