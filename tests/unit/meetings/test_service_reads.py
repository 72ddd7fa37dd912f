"""Meetings use-case tests: the batch reads behind the GraphQL DataLoaders answer as the single
reads do — per meeting, authorised per meeting (an unreadable or unknown meeting contributes
nothing), the restricted layer only for the body's seat holders, the quorum on the meeting's date."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

from domain.meetings.attendance import Presence
from domain.meetings.service import MeetingsService
from domain.organisation.model import Body, Level, Person
from domain.shared.principal import BodyRole
from tests.fakes import FakeClock, FakeMeetingsStore
from tests.unit.meetings.conftest import Board, drafting, planned, seat


def _people(store: FakeMeetingsStore, board: Board) -> None:
    """The seat holders as persons: the batch quorum reads memberships with names (a join)."""
    for n, pid in enumerate(board.voting):
        store.put(Person(id=pid, unit_id=board.unit.id, name=f"Testperson {n}"))


async def test_batches_answer_as_the_single_reads_per_meeting(
    meetings: MeetingsService, board: Board, clock: FakeClock, store: FakeMeetingsStore
) -> None:
    _people(store, board)
    a = await drafting(meetings, board, clock)
    b = await planned(meetings, board, days=7)
    (item,) = await meetings.agenda(board.coord, a.id)
    await meetings.record_decision(board.coord, a.id, item.id, "Vedtatt.")
    await meetings.add_action_item(
        board.coord, a.id, item.id, text="Følge opp.", owner_person_id=board.voting[0]
    )
    await meetings.record_attendance(
        board.coord, a.id, person_id=board.voting[0], presence=Presence.PRESENT
    )
    ids = [b.id, a.id, uuid4()]
    p = board.coord
    assert await meetings.meetings_by_id(p, ids) == {a.id: a, b.id: b}
    for batch, single in (
        (meetings.agenda_of_meetings, meetings.agenda),
        (meetings.attendance_of_meetings, meetings.attendance),
        (meetings.decisions_of_meetings, meetings.decisions),
        (meetings.minutes_of_meetings, meetings.minutes_versions),
    ):
        got = await batch(p, ids)
        assert got == {i: list(await single(p, i)) if i != ids[2] else [] for i in ids}, batch
    actions = await meetings.actions_of_meetings(p, ids)
    assert [x.text for x in actions[a.id]] == ["Følge opp."] and actions[b.id] == []
    quorums = await meetings.quorums_of_meetings(p, ids)
    assert quorums == {a.id: await meetings.quorum(p, a.id), b.id: await meetings.quorum(p, b.id)}
    assert quorums[a.id].voting_members == 4 and quorums[a.id].present == 1


async def test_the_restricted_layer_and_unreadable_meetings(
    meetings: MeetingsService, board: Board, clock: FakeClock, store: FakeMeetingsStore
) -> None:
    m = await drafting(meetings, board, clock)
    (item,) = await meetings.agenda(board.coord, m.id)
    (draft,) = await meetings.minutes_versions(board.coord, m.id)
    await meetings.write_item_minutes(
        board.secretary,
        m.id,
        item.id,
        open_text="Åpen tekst.",
        restricted_text="Bare for gruppa.",
        expected_version=draft.version,
    )
    texts = {
        who: (await meetings.minutes_of_meetings(p, [m.id]))[m.id][0].items[0].restricted_text
        for who, p in (("member", board.members[0]), ("coordinator", board.coord))
    }
    assert texts == {"member": "Bare for gruppa.", "coordinator": None}  # no seat, no layer
    member = board.members[0]  # a seat, no unit role: each meeting's body is checked
    assert (await meetings.agenda_of_meetings(member, [m.id]))[m.id] == [item]

    # A seat holder of another body reads nothing of this one's, in every batch.
    other = Body(id=uuid4(), unit_id=board.unit.id, name="Ungdomsteam", level=Level.EXECUTIVE)
    store.put(other)
    outsider = seat(store, board.unit, other, BodyRole.MEMBER, date(2024, 1, 1))
    assert await meetings.meetings_by_id(outsider, [m.id]) == {}
    for batch in (
        meetings.agenda_of_meetings,
        meetings.attendance_of_meetings,
        meetings.decisions_of_meetings,
        meetings.actions_of_meetings,
        meetings.minutes_of_meetings,
    ):
        assert await batch(outsider, [m.id]) == {m.id: []}, batch
    assert await meetings.quorums_of_meetings(outsider, [m.id]) == {}
    assert await meetings.quorums_of_meetings(board.coord, []) == {}
