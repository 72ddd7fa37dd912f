"""Meetings use-case tests: the agenda (add, change, reorder, remove), the guard on its titles,
attendance and the quorum shown."""

from __future__ import annotations

from uuid import uuid4

import pytest

from domain.meetings.agenda_item import AgendaKind
from domain.meetings.attendance import Attendance, Presence
from domain.meetings.errors import IllegalTransition
from domain.meetings.service import AgendaItemChanges, MeetingsService
from domain.shared.errors import Conflict, Forbidden, InUse, ValidationFailed
from domain.shared.free_text import PersonalDataFound
from tests.fakes import FakeClock, FakeGuard, FakeMeetingsStore, FakeMeetingsUnitOfWork
from tests.unit.meetings.conftest import MARKER, Board, drafting, planned


async def test_items_are_added_at_the_end_and_reordered(
    meetings: MeetingsService, board: Board
) -> None:
    m = await planned(meetings, board)
    owner = board.members[0].person_id
    a = await meetings.add_agenda_item(
        board.coord, m.id, title=" Innspill ", kind=AgendaKind.DECISION, owner_person_id=owner
    )
    b = await meetings.add_agenda_item(board.secretary, m.id, title="Ungdata", measure_id=uuid4())
    c = await meetings.add_agenda_item(board.chair, m.id, title="Eventuelt")
    assert [(i.title, i.position) for i in (a, b, c)] == [
        ("Innspill", 1),
        ("Ungdata", 2),
        ("Eventuelt", 3),
    ]
    assert a.kind is AgendaKind.DECISION and a.owner_person_id == owner
    out = await meetings.reorder_agenda(board.coord, m.id, [c.id, a.id, b.id])
    assert [(i.id, i.position) for i in out] == [(c.id, 1), (a.id, 2), (b.id, 3)]
    assert [i.id for i in await meetings.agenda(board.members[1], m.id)] == [c.id, a.id, b.id]
    with pytest.raises(ValidationFailed):
        await meetings.reorder_agenda(board.coord, m.id, [c.id, a.id])
    with pytest.raises(Forbidden):
        await meetings.reorder_agenda(board.members[0], m.id, [a.id, b.id, c.id])


async def test_an_item_changes_with_its_version_and_removal_closes_the_gap(
    meetings: MeetingsService, board: Board
) -> None:
    m = await planned(meetings, board)
    a, b, c = [await meetings.add_agenda_item(board.coord, m.id, title=t) for t in ("A", "B", "C")]
    changed = await meetings.update_agenda_item(
        board.coord, a.id, AgendaItemChanges(title="A2", kind=AgendaKind.DISCUSSION), a.version
    )
    assert (changed.title, changed.kind, changed.version) == ("A2", AgendaKind.DISCUSSION, 2)
    with pytest.raises(ValidationFailed):
        await meetings.update_agenda_item(
            board.coord, a.id, AgendaItemChanges(title="  "), changed.version
        )
    await meetings.remove_agenda_item(board.coord, b.id, b.version)
    assert [(i.id, i.position) for i in await meetings.agenda(board.coord, m.id)] == [
        (a.id, 1),
        (c.id, 2),
    ]


async def test_an_item_with_records_under_it_stays(
    meetings: MeetingsService, board: Board, clock: FakeClock
) -> None:
    m = await drafting(meetings, board, clock)
    (item,) = await meetings.agenda(board.coord, m.id)
    await meetings.record_decision(board.coord, m.id, item.id, "Vi gir innspill.")
    with pytest.raises(InUse):
        await meetings.remove_agenda_item(board.coord, item.id, item.version)


async def test_the_guard_blocks_a_title_with_personal_data_unless_overridden(
    meetings: MeetingsService, board: Board, guard: FakeGuard, store: FakeMeetingsStore
) -> None:
    m = await planned(meetings, board)
    with pytest.raises(PersonalDataFound) as exc:
        await meetings.add_agenda_item(board.coord, m.id, title=f"Sak om {MARKER}")
    assert exc.value.field == "title" and (
        exc.value.findings[0].start,
        exc.value.findings[0].end,
    ) == (7, 7 + len(MARKER))
    assert guard.calls[-1] == (f"Sak om {MARKER}", "coordinating")  # the body's level goes along
    assert await meetings.agenda(board.coord, m.id) == [] and store.tables.overrides == []
    item = await meetings.add_agenda_item(
        board.coord, m.id, title=f"Sak om {MARKER}", override_reason="Offentlig navn på bygg"
    )
    (record,) = store.tables.overrides
    assert (record.override.reason, record.override.field, record.meeting_id) == (
        "Offentlig navn på bygg",
        "title",
        m.id,
    )
    assert record.person_id == board.coord.person_id and MARKER not in repr(record)
    assert item.title.endswith(MARKER)


async def test_the_agenda_is_settled_once_the_minutes_are_approved(
    meetings: MeetingsService, board: Board, clock: FakeClock
) -> None:
    m = await drafting(meetings, board, clock)
    await meetings.approve_by_chair(board.chair, m.id, m.version)
    with pytest.raises(IllegalTransition, match="changing the agenda"):
        await meetings.add_agenda_item(board.coord, m.id, title="For sent")


async def test_attendance_is_one_row_per_person_and_shows_the_quorum(
    meetings: MeetingsService, board: Board
) -> None:
    m = await planned(meetings, board)
    chair, m1, m2, m3 = board.voting
    assert board.observer.person_id is not None
    await meetings.record_attendance(board.coord, m.id, person_id=chair, presence=Presence.PRESENT)
    await meetings.record_attendance(
        board.coord, m.id, person_id=board.observer.person_id, presence=Presence.PRESENT
    )
    await meetings.record_attendance(
        board.coord, m.id, person_id=m1, presence=Presence.ABSENT_WITH_NOTICE
    )
    q = await meetings.quorum(board.members[2], m.id)
    assert (q.voting_members, q.present, q.required, q.reached) == (4, 1, 3, False)
    substitute = uuid4()
    org = uuid4()
    await meetings.record_attendance(
        board.coord,
        m.id,
        person_id=substitute,
        presence=Presence.PRESENT,
        substitute_for_person_id=m1,
        organisation_id=org,
    )
    again = await meetings.record_attendance(
        board.coord, m.id, person_id=m2, presence=Presence.ABSENT_WITHOUT_NOTICE
    )
    fixed = await meetings.record_attendance(
        board.coord, m.id, person_id=m2, presence=Presence.PRESENT
    )
    assert (fixed.id, fixed.version) == (again.id, 2)
    assert len(await meetings.attendance(board.coord, m.id)) == 5
    q = await meetings.quorum(board.coord, m.id)
    assert (q.present, q.reached) == (3, True)
    with pytest.raises(Forbidden):
        await meetings.record_attendance(
            board.members[0], m.id, person_id=m3, presence=Presence.PRESENT
        )
    with pytest.raises(ValidationFailed):
        await meetings.record_attendance(
            board.coord, m.id, person_id=m3, presence=Presence.PRESENT, substitute_for_person_id=m3
        )


async def test_a_cancelled_meeting_takes_no_attendance(
    meetings: MeetingsService, board: Board
) -> None:
    m = await planned(meetings, board)
    await meetings.cancel_meeting(board.coord, m.id, "Avlyst", m.version)
    with pytest.raises(IllegalTransition):
        await meetings.record_attendance(
            board.coord, m.id, person_id=board.voting[0], presence=Presence.PRESENT
        )


async def test_the_attendance_fake_refuses_a_second_row_for_a_person(
    store: FakeMeetingsStore, board: Board
) -> None:
    uow = FakeMeetingsUnitOfWork(store, board.unit.id)
    meeting_id, who = uuid4(), uuid4()

    def row() -> Attendance:
        return Attendance(
            id=uuid4(),
            unit_id=board.unit.id,
            meeting_id=meeting_id,
            person_id=who,
            presence=Presence.PRESENT,
        )

    await uow.attendance.add(row())
    with pytest.raises(Conflict):
        await uow.attendance.add(row())
