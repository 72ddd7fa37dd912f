"""Archive unit tests room: sample finished records of every kind (invented names and texts)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID, uuid4

from domain.archive.records import (
    AgendaItemRecord,
    ArchiveDocument,
    ArchiveRecord,
    MeetingRecord,
    Participant,
    RecordKind,
)

AT = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
PDF = b"%PDF-1.7\n% sample\n%%EOF\n"


def pdf(name: str = "dokument.pdf", title: str = "Dokument") -> ArchiveDocument:
    return ArchiveDocument.of(name, "application/pdf", PDF, title)


def meeting(meeting_id: UUID | None = None) -> MeetingRecord:
    return MeetingRecord(
        meeting_id=meeting_id or uuid4(),
        number="2025-02",
        body_name="Styringsgruppen for SLT",
        date=date(2025, 3, 10),
        place="Rådhuset, møterom 3",
        participants=(
            Participant(name="Kari Nordmann", function="LEDER"),
            Participant(name="Per Prøvesen", represents="Barnevernet"),
            Participant(name="Ola Testesen", function="MEDL", represents="Politiet"),
        ),
    )


def minutes_item(
    m: MeetingRecord, sequence: int = 1, *, restricted: bool = False, version: int = 1,
    version_id: UUID | None = None,
    documents: tuple[ArchiveDocument, ...] = (),
) -> ArchiveRecord:  # fmt: skip
    item = AgendaItemRecord(
        item_id=uuid4(),
        year=2025,
        sequence=sequence,
        case_type="decision",
        decision_text="Styringsgruppen slutter seg til handlingsplanen.",
        decision_date=m.date,
    )
    return ArchiveRecord(
        kind=RecordKind.MINUTES,
        record_id=version_id or uuid4(),  # the approved minutes version
        part_id=item.item_id,
        version=version,
        title=f"Sak {sequence}/2025 Handlingsplan for forebygging",
        case_title=f"Møte i {m.body_name} {m.date.isoformat()}",
        record_date=m.date,
        created_at=AT,
        public_title="Sak 1/2025 Unntatt offentlighet" if restricted else None,
        restricted=restricted,
        documents=documents,
        meeting=m,
        item=item,
    )


def case_record(
    kind: RecordKind, *, documents: tuple[ArchiveDocument, ...] = (), restricted: bool = False
) -> ArchiveRecord:
    return ArchiveRecord(
        kind=kind,
        record_id=uuid4(),
        part_id=None,
        version=1,
        title=f"{kind.value} tittel",
        case_title=f"{kind.value} sak",
        record_date=date(2025, 3, 1),
        created_at=AT,
        description="Åpen beskrivelse.",
        author="SLT-koordinator",
        public_title="Unntatt offentlighet" if restricted else None,
        restricted=restricted,
        documents=documents,
    )
