"""Archive delivery room: approved minutes as archive records — one per agenda item (a moetesak in
the meeting's moetemappe), built from the meetings context's own open-minutes mapping
(``gather_open_minutes``: open layer only, no field for restricted text), the minutes PDF/A
rendered by the minutes renderer on the first item's record. Restricted text is never read into
the record: only whether an item has any decides its skjerming."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from domain.archive.records import (
    AgendaItemRecord,
    ArchiveDocument,
    ArchiveRecord,
    MeetingRecord,
    Participant,
    RecordKind,
)
from domain.meetings.meeting import OSLO
from domain.meetings.publication import gather_open_minutes
from domain.shared import documents as doc
from domain.shared.documents import MinutesRenderer
from domain.shared.errors import NotFound

if TYPE_CHECKING:
    from adapters.postgres.meetings.uow import PgMeetingsUnitOfWork

CASE_TYPES = {
    doc.AgendaKind.INFORMATION: "orienteringssak",
    doc.AgendaKind.DISCUSSION: "drøftingssak",
    doc.AgendaKind.DECISION: "vedtakssak",
}
# The meeting's number in its body's year ("2026-03"): meetings of the body that year so far.
NUMBER = (
    "SELECT count(*) FROM meeting WHERE unit_id = $1 AND body_id = $2 AND status <> 'cancelled'"
    " AND date_part('year', starts_at AT TIME ZONE 'Europe/Oslo') = $3 AND starts_at <= $4"
)
VERSION = "SELECT meeting_id, number FROM minutes_version WHERE unit_id = $1 AND id = $2"


def _participants(minutes: doc.OpenMinutes) -> tuple[Participant, ...]:
    return tuple(
        Participant(name=a.name, function=a.organisation)
        for a in minutes.attendees
        if a.presence is doc.Presence.PRESENT
    )


def _decisions(item: doc.AgendaItem) -> str | None:
    texts = [f"{d.label}: {d.text}" for d in item.decisions]
    return "\n\n".join(texts) if texts else None


async def load_minutes(
    uow: PgMeetingsUnitOfWork, renderer: MinutesRenderer, version_id: UUID, part_id: UUID | None
) -> ArchiveRecord | None:
    """The record of agenda item ``part_id`` of approved minutes version ``version_id``."""
    read = uow.minutes.read
    row = await read.row(VERSION, uow.unit_id, version_id)
    if row is None:
        return None
    try:
        meeting = await uow.meetings.get(row["meeting_id"])
    except NotFound:
        return None
    versions = await uow.minutes.versions(meeting.id)
    version = next((v for v in versions if v.id == version_id), None)
    if version is None or version.approval is None:
        return None
    minutes = await gather_open_minutes(uow, meeting, version.number)
    agenda = sorted(await uow.agenda.of_meeting(meeting.id), key=lambda a: a.position)
    day = meeting.starts_at.astimezone(OSLO).date()
    count = await read.value(NUMBER, uow.unit_id, meeting.body_id, day.year, meeting.starts_at)
    record_meeting = MeetingRecord(
        meeting_id=meeting.id,
        number=f"{day.year}-{int(count):02d}",
        body_name=minutes.body_name,
        date=day,
        place=minutes.place,
        participants=_participants(minutes),
    )
    approved_on = version.approval.approved_at.astimezone(OSLO).date()
    index = next((i for i, a in enumerate(agenda) if a.id == part_id), None)
    if part_id is not None and index is None:
        return None
    open_item = minutes.items[index] if index is not None else None
    restricted = False
    if index is not None:
        written = version.item(agenda[index].id)
        restricted = bool(written and written.restricted_text and written.restricted_text.strip())
    first = index in (None, 0)
    documents: tuple[ArchiveDocument, ...] = ()
    if first:
        pdf = await renderer.render_open_minutes(minutes)
        name = f"protokoll-{day.isoformat()}-v{version.number}.pdf"
        title = f"Protokoll {minutes.body_name} {day.strftime('%d.%m.%Y')}"
        documents = (ArchiveDocument.of(name, "application/pdf", pdf, title),)
    case_title = f"Møte i {minutes.body_name} {day.strftime('%d.%m.%Y')}"
    if open_item is None:
        title, item = case_title, None
    else:
        title = open_item.title
        item = AgendaItemRecord(
            item_id=agenda[index].id,  # type: ignore[index]
            year=day.year,
            sequence=open_item.number,
            case_type=CASE_TYPES[open_item.kind],
            decision_text=_decisions(open_item),
            decision_date=approved_on if open_item.decisions else None,
        )
    return ArchiveRecord(
        kind=RecordKind.MINUTES,
        record_id=version_id,
        part_id=part_id,
        version=version.number,
        title=title,
        case_title=case_title,
        record_date=approved_on,
        created_at=version.approval.approved_at,
        public_title=f"Sak {open_item.number}/{day.year} (skjermet)"
        if restricted and open_item
        else None,
        restricted=restricted,
        description=open_item.summary or None if open_item else None,
        author=minutes.body_name,
        documents=documents,
        meeting=record_meeting,
        item=item,
    )
