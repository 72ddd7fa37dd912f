"""Meetings use-case tests: approved minutes leave as ``OpenMinutes`` — the open layer only."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from domain.meetings.approval import Approval, ApprovalKind
from domain.meetings.attendance import Attendance, Presence
from domain.meetings.errors import IllegalTransition
from domain.meetings.meeting import Meeting
from domain.meetings.minutes import ItemMinutes, MinutesVersion
from domain.meetings.publication import DIGITAL, UNKNOWN, Record, open_minutes
from domain.meetings.service import MeetingsService
from domain.organisation.model import Organisation, OrganisationType, Person
from domain.shared.documents import AgendaKind
from domain.shared.errors import Forbidden, NotFound
from tests.fakes import FakeClock, FakeMeetingsStore
from tests.unit.meetings.conftest import Board, drafting

SECRET = "Unntatt: bekymring for enkeltelev"


def named(store: FakeMeetingsStore, board: Board, id: UUID | None, name: str) -> None:
    assert id is not None
    store.put(Person(id=id, unit_id=board.unit.id, name=name))


async def test_approved_minutes_leave_with_the_open_layer_only(
    meetings: MeetingsService, board: Board, clock: FakeClock, store: FakeMeetingsStore
) -> None:
    named(store, board, board.chair.person_id, "Lise Leder")
    named(store, board, board.members[0].person_id, "Mona Medlem")
    school = Organisation(
        id=uuid4(), unit_id=board.unit.id, name="Fjell skole", type=OrganisationType.SCHOOL
    )
    store.put(school)
    m = await drafting(meetings, board, clock)
    (item,) = await meetings.agenda(board.coord, m.id)
    await meetings.record_attendance(
        board.coord, m.id, person_id=board.voting[0], presence=Presence.PRESENT
    )
    await meetings.record_attendance(
        board.coord,
        m.id,
        person_id=board.voting[1],
        presence=Presence.PRESENT,
        organisation_id=school.id,
    )
    (draft,) = await meetings.minutes_versions(board.coord, m.id)
    await meetings.write_item_minutes(
        board.coord,
        m.id,
        item.id,
        open_text="Innspill drøftet.",
        restricted_text=SECRET,
        expected_version=draft.version,
    )
    await meetings.record_decision(board.coord, m.id, item.id, "Gruppen gir innspill til budsjett.")
    assert board.members[0].person_id is not None
    await meetings.add_action_item(
        board.coord, m.id, item.id, text="Send innspill", owner_person_id=board.members[0].person_id
    )
    with pytest.raises(IllegalTransition, match="only approved minutes leave"):
        await meetings.open_minutes(board.coord, m.id)
    await meetings.approve_by_chair(board.chair, m.id, m.version)

    out = await meetings.open_minutes(board.coord, m.id)
    assert SECRET not in repr(out)
    assert (out.body_name, out.place, out.version, out.approved_by) == (
        "Koordinerende gruppe",
        "Rådhuset, møterom 2",
        1,
        "Lise Leder",
    )
    (printed,) = out.items
    assert (printed.number, printed.kind, printed.summary) == (
        1,
        AgendaKind.INFORMATION,
        "Innspill drøftet.",
    )
    assert [d.label for d in printed.decisions] == ["KG 1/2025"]
    assert [(a.text, a.owner) for a in printed.action_items] == [("Send innspill", "Mona Medlem")]
    assert [(a.name, a.organisation) for a in out.attendees] == [
        ("Lise Leder", None),
        ("Mona Medlem", "Fjell skole"),
    ]

    fixed = [
        ItemMinutes(
            agenda_item_id=item.id, open_text="Innspill drøftet og sendt.", restricted_text=SECRET
        )
    ]
    await meetings.correct_minutes(board.chair, m.id, fixed, "Presisering")
    newest = await meetings.open_minutes(board.members[1], m.id)
    assert (newest.version, newest.correction_reason, newest.items[0].summary) == (
        2,
        "Presisering",
        "Innspill drøftet og sendt.",
    )
    assert (await meetings.open_minutes(board.coord, m.id, 1)).items[
        0
    ].summary == "Innspill drøftet."
    with pytest.raises(NotFound):
        await meetings.open_minutes(board.coord, m.id, 3)
    with pytest.raises(Forbidden):
        await meetings.open_minutes(board.stranger, m.id)


def test_a_digital_meeting_approved_at_the_next_meeting_prints_without_its_link() -> None:

    start = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)
    link = "https://meet.example.test/slt-hemmelig"
    meeting = Meeting(
        id=uuid4(),
        unit_id=uuid4(),
        body_id=uuid4(),
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        link=link,
    )
    draft = MinutesVersion(
        id=uuid4(), unit_id=meeting.unit_id, meeting_id=meeting.id, written_at=start
    )
    record = Record(
        meeting=meeting,
        body_name="Politirådet",
        version=draft,
        agenda=(),
        decisions=(),
        actions=(),
        attendance=(),
        names={},
    )
    with pytest.raises(IllegalTransition):
        open_minutes(record)
    approval = Approval(
        kind=ApprovalKind.NEXT_MEETING,
        approved_at=start + timedelta(days=90),
        approving_meeting_id=uuid4(),
    )
    stranger = Attendance(
        id=uuid4(),
        unit_id=meeting.unit_id,
        meeting_id=meeting.id,
        person_id=uuid4(),
        presence=Presence.ABSENT_WITH_NOTICE,
    )
    out = open_minutes(replace(record, version=draft.approved_by(approval), attendance=(stranger,)))
    assert (
        out.place,
        out.approved_by,
        out.approved_on.isoformat() if out.approved_on else None,
    ) == (
        DIGITAL,
        "Godkjent i neste møte",
        "2026-05-03",
    )
    assert link not in repr(out) and out.attendees[0].name == UNKNOWN
