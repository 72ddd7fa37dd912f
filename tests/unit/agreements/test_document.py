"""Uploads are judged by their content: size, PDF magic bytes, a whole file, PDF/A noted."""

from __future__ import annotations

import hashlib

import pytest

from domain.agreements.document import (
    DocumentTooLarge,
    EmptyDocument,
    UnsupportedDocument,
    inspect,
)
from domain.agreements.limits import DOCUMENT_MAX_BYTES
from tests.unit.agreements.conftest import PDF


def test_a_pdf_is_accepted_with_its_digest() -> None:
    doc = inspect(PDF)
    assert doc.media_type == "application/pdf"
    assert doc.sha256 == hashlib.sha256(PDF).hexdigest()
    assert doc.size == len(PDF)
    assert doc.pdfa is False


def test_pdfa_is_recognised_from_its_metadata() -> None:
    xmp = b"<rdf:Description><pdfaid:part>2</pdfaid:part><pdfaid:conformance>B"
    assert inspect(PDF[:-7] + xmp + b"\n%%EOF\n").pdfa is True
    assert inspect(PDF[:-7] + b'pdfaid:part="1"' + b"\n%%EOF\n").pdfa is True


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04 a zip or docx renamed to .pdf",
        b"\x89PNG\r\n\x1a\n%PDF-1.4 %%EOF",
        b"<html>%PDF-</html>%%EOF",
        b" %PDF-1.4\n%%EOF",
        PDF[:40],  # cut off: no end-of-file marker
    ],
)
def test_anything_else_is_refused(content: bytes) -> None:
    with pytest.raises(UnsupportedDocument):
        inspect(content)


def test_empty_is_refused() -> None:
    with pytest.raises(EmptyDocument):
        inspect(b"")


def test_too_large_is_refused() -> None:
    with pytest.raises(DocumentTooLarge):
        inspect(PDF + b"0" * DOCUMENT_MAX_BYTES)
