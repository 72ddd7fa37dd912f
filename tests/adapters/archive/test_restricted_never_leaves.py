"""Archive adapter tests room: the minutes' restricted layer never leaves — not in any arkivmelding,
not in the extract's XML, not in the minutes PDF (bytes or extracted text) — and the minutes
document that travels is a PDF/A-2b with every font embedded.

The minutes are the document tests' synthetic meeting (both layers side by side, the restricted
one marked), rendered for real by the minutes renderer; the records are filled from the open
layer the way the record source does, one per agenda item plus the protocol."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, date, datetime
from uuid import UUID, uuid4

import pytest
from pypdf import PdfReader

from adapters.archive.arkivmelding import FiksArkivMessageBuilder
from adapters.archive.extract.writer import NoarkExtractWriter
from adapters.documents.minutes import WeasyMinutesRenderer
from domain.archive.extracts import Period
from domain.archive.records import (
    AgendaItemRecord,
    ArchiveDocument,
    ArchiveRecord,
    MeetingRecord,
    Participant,
    RecordKind,
)
from domain.archive.settings import ArchiveSettings
from tests.integration.documents.conftest import RECORDS, RESTRICTED, minutes
from tests.integration.documents.test_open_minutes_pdf import fonts, text_of

SETTINGS = ArchiveSettings(unit_id=UUID(int=3), enabled=True, class_id="026", archive_part="SLT")
AT = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def minutes_pdf() -> bytes:
    return WeasyMinutesRenderer().pdf(minutes())


@pytest.fixture(scope="module")
def records(minutes_pdf: bytes) -> list[ArchiveRecord]:
    open_minutes = minutes()
    mt = MeetingRecord(
        meeting_id=uuid4(), number="2026-02", body_name=open_minutes.body_name,
        date=date(2026, 3, 3), place=open_minutes.place,
        participants=tuple(Participant(name=a.name, function="MEDL") for a in open_minutes.attendees),
    )  # fmt: skip
    version = uuid4()
    doc = ArchiveDocument.of(
        "protokoll.pdf", "application/pdf", minutes_pdf, "Protokoll", pdfa=True
    )
    base = {
        "kind": RecordKind.MINUTES, "record_id": version, "version": 1, "record_date": date(2026, 3, 10),
        "created_at": AT, "case_title": f"Møte i {mt.body_name} 3. mars 2026", "meeting": mt,
    }  # fmt: skip
    items = [
        ArchiveRecord(
            **base,  # type: ignore[arg-type]
            part_id=uuid4(),
            title=f"Sak {r.number}/2026 {r.title}",
            description=r.open_summary,
            restricted=r.number == 2,
            public_title=f"Sak {r.number}/2026 (unntatt offentlighet)",
            item=AgendaItemRecord(
                item_id=uuid4(),
                year=2026,
                sequence=r.number,
                case_type=r.kind.value,
                decision_text=" ".join(d.text for d in r.decisions) or None,
                decision_date=date(2026, 3, 3),
            ),
        )
        for r in RECORDS
    ]
    protocol = ArchiveRecord(**base, part_id=None, title="Protokoll", documents=(doc,))  # type: ignore[arg-type]
    return [*items, protocol]


def test_the_marker_was_there_to_leak() -> None:
    assert all(RESTRICTED in r.restricted_summary for r in RECORDS)


def test_no_message_carries_the_restricted_layer(records: list[ArchiveRecord]) -> None:
    builder = FiksArkivMessageBuilder()
    for record in records:
        package = builder.build(record, SETTINGS)
        assert RESTRICTED.encode() not in package.arkivmelding
        for f in package.files:
            assert RESTRICTED.encode() not in f.content
            assert RESTRICTED not in text_of(f.content)


def test_the_extract_carries_no_restricted_layer(records: list[ArchiveRecord]) -> None:
    out = io.BytesIO()
    NoarkExtractWriter(AT).write(
        records, SETTINGS, Period(start=date(2026, 1, 1), end=date(2026, 12, 31)), out
    )
    z = zipfile.ZipFile(out)
    for name in z.namelist():
        content = z.read(name)
        assert RESTRICTED.encode() not in content, name
        if name.startswith("DOKUMENT/"):
            assert RESTRICTED not in text_of(content)


def test_the_minutes_document_is_pdf_a_2b_with_embedded_fonts(records: list[ArchiveRecord]) -> None:
    package = FiksArkivMessageBuilder().build(records[-1], SETTINGS)
    (doc,) = package.files
    assert doc.pdfa and doc.intact
    assert b"<n5mdk:kode>fmt/477</n5mdk:kode>" in package.arkivmelding  # PDF/A-2b, PRONOM
    reader = PdfReader(io.BytesIO(doc.content))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfaid:part="2"|<pdfaid:part>2</pdfaid:part>', xmp)
    assert re.search(r'pdfaid:conformance="B"|<pdfaid:conformance>B</pdfaid:conformance>', xmp)
    [intent] = reader.trailer["/Root"]["/OutputIntents"]
    assert intent["/S"] == "/GTS_PDFA1"
    found = list(fonts(reader))
    assert found and all({"/FontFile", "/FontFile2", "/FontFile3"} & set(d) for _, d in found)
    assert "Koordineringsgruppa i Lærdal" in text_of(doc.content)
