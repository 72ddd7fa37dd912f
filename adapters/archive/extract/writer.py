"""Archive adapters room: ``NoarkExtractWriter`` — the ``ExtractWriter`` port: records in, the
arkivuttrekk zip out (documents streamed into ``DOKUMENT/`` as the structure is built), each XML
validated against its XSD before it is written, progress per record."""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import BinaryIO

from adapters.archive.blanks import filled
from adapters.archive.extract.addml import arkivuttrekk
from adapters.archive.extract.changelog import endringslogg
from adapters.archive.extract.numbering import folders, journal_numbers
from adapters.archive.extract.structure import Context, arkivstruktur
from adapters.archive.schemas import (
    ADDML_XSD,
    ARKIVSTRUKTUR_XSD,
    ENDRINGSLOGG_XSD,
    EXTRACT_SCHEMAS,
    validate,
)
from adapters.archive.xml import serialise
from domain.archive.extracts import Period
from domain.archive.ports import Progress
from domain.archive.records import ArchiveDocument, ArchiveRecord
from domain.archive.settings import ArchiveSettings

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class NoarkExtractWriter:
    def __init__(self, now: datetime | None = None) -> None:
        self._now = now  # fixed in tests; the wall clock otherwise

    def write(
        self,
        records: Sequence[ArchiveRecord],
        settings: ArchiveSettings,
        period: Period,
        out: BinaryIO,
        progress: Progress | None = None,
    ) -> None:
        now = (self._now or datetime.now(UTC)).replace(microsecond=0)
        records = [filled(r) for r in records]
        ordered = folders(records)
        total = len(records)
        done = 0
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
            count = 0

            def file_of(r: ArchiveRecord, n: int, doc: ArchiveDocument) -> str:
                nonlocal count
                count += 1
                stem = _UNSAFE.sub("-", doc.filename).strip("-.") or "dokument"
                path = f"DOKUMENT/{count:06d}-{stem}"[:150]
                z.writestr(path, doc.content)
                return path

            def step(n: int) -> None:
                nonlocal done
                done += n
                if progress is not None:
                    progress(done, total)

            ctx = Context(settings, period, now, journal_numbers(ordered), file_of)
            structure = arkivstruktur(ordered, ctx, step)
            validate(ARKIVSTRUKTUR_XSD, structure)
            changes = endringslogg(records, settings, now)
            validate(ENDRINGSLOGG_XSD, changes)
            xml = {
                "arkivstruktur.xml": serialise(structure),
                "endringslogg.xml": serialise(changes),
            }
            schemas = {name: path.read_bytes() for name, path in EXTRACT_SCHEMAS.items()}
            described = {
                "arkivstruktur.xml": ("arkivstruktur.xsd", _sha(xml["arkivstruktur.xml"]), _sha(schemas["arkivstruktur.xsd"])),
                "endringslogg.xml": ("endringslogg.xsd", _sha(xml["endringslogg.xml"]), _sha(schemas["endringslogg.xsd"])),
            }  # fmt: skip
            counts = {
                "mappe": len(ordered),
                "registrering": total,
                "dokumentbeskrivelse": sum(len(r.documents) for r in records),
            }
            addml = arkivuttrekk(
                creator=settings.administrative_unit or "SLT", period=period, files=described,
                counts=counts, documents=count,
            )  # fmt: skip
            validate(ADDML_XSD, addml)
            for name, content in {**xml, "arkivuttrekk.xml": serialise(addml), **schemas}.items():
                z.writestr(name, content)
        if progress is not None and total == 0:
            progress(0, 0)
