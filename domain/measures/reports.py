"""Measures domain room: an evaluation's attached report — judged by its bytes (PDF, DOCX or ODT
by their magic, never by the name or the claimed type), at most 20 MiB, stored with the
evaluation's version moved on; and its download."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import zipfile
from uuid import UUID

from domain.measures import policies as pol
from domain.measures.base import UseCases
from domain.measures.errors import ReportTooLarge, UnsupportedReport
from domain.measures.evaluation import Evaluation, ReportInfo
from domain.measures.limits import FILENAME_MAX, REPORT_MAX_BYTES
from domain.shared import validation as v
from domain.shared.changes import expect_version
from domain.shared.errors import NotFound
from domain.shared.policies import require
from domain.shared.principal import Principal

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
EXTENSION = {PDF: ".pdf", DOCX: ".docx", ODT: ".odt"}


def media_type(content: bytes) -> str:
    """What the bytes are, or ``UnsupportedReport``/``ReportTooLarge``."""
    if len(content) > REPORT_MAX_BYTES:
        mib = REPORT_MAX_BYTES // (1024 * 1024)
        raise ReportTooLarge(f"A report may be at most {mib} MiB ({REPORT_MAX_BYTES} bytes).")
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as z:
                names = set(z.namelist())
                if "word/document.xml" in names:
                    return DOCX
                small = "mimetype" in names and z.getinfo("mimetype").file_size < 100
                if small and z.read("mimetype").strip() == ODT.encode():
                    return ODT
        except (zipfile.BadZipFile, KeyError, ValueError, RuntimeError, OSError):
            pass
    raise UnsupportedReport("A report is a PDF, DOCX or ODT document (the content is neither).")


def clean_filename(name: str | None, media: str) -> str:
    """A display name: the last path segment, no control characters or quotes, bounded, with
    the extension of what the content is."""
    raw = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    kept = "".join(c for c in raw if v.plain(c) and v.storable(c) and c not in '"\r\n\t')
    ext = EXTENSION[media]
    stem = kept.strip().strip(".")
    if stem.lower().endswith(ext):
        stem = stem[: -len(ext)]
    stem = stem[: FILENAME_MAX - len(ext)].strip() or "evalueringsrapport"
    return stem + ext


class ReportUseCases(UseCases):
    async def attach_report(
        self,
        p: Principal,
        id: UUID,
        filename: str | None,
        content: bytes,
        expected_version: int | None,
    ) -> Evaluation:
        uow_ = self._read(p)
        at = self._clock.now()
        async with uow_ as uow:
            old = await uow.evaluations.get(id)
            m = await uow.measures.get(old.measure_id)
            require(pol.can_follow_up(p, m), "attach this evaluation's report")
            expected = expect_version(old.version, expected_version)
            media = media_type(content)  # judged before anything is written
            name = clean_filename(filename, media)
            digest = hashlib.sha256(content).hexdigest()
            info = ReportInfo(
                filename=name, media_type=media, size=len(content), sha256=digest, uploaded_at=at
            )
            new = dataclasses.replace(old, report=info, version=old.version + 1)
            await uow.evaluations.update(new, expected)
            await uow.reports.put(id, name, media, content, digest, at)
            await uow.commit()
        return new

    async def report(self, p: Principal, id: UUID) -> tuple[ReportInfo, bytes]:
        async with self._read(p) as uow:
            ev = await uow.evaluations.get(id)
            content = await uow.reports.content(id)
        if ev.report is None or content is None:
            raise NotFound("The evaluation has no report yet.")
        return ev.report, content
