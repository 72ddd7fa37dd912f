"""Meetings use-case tests: planning, changing, holding and cancelling a meeting; who may; tenancy."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

import pytest

from domain.meetings.errors import IllegalTransition
from domain.meetings.service import MeetingChanges, MeetingsService
from domain.meetings.status import DocumentationStatus, MeetingStatus
from domain.organisation.model import SltUnit
from domain.shared.errors import (
    Forbidden,
    NotFound,
    StaleVersion,
    ValidationFailed,
    VersionRequired,
)
from domain.shared.principal import BodyRole
from tests.fakes import FakeClock, FakeMeetingsStore, coordinator, machine, person, police_contact
from tests.unit.meetings.conftest import START, Board, held, planned


async def test_the_coordinator_plans_a_meeting_of_a_body(
    meetings: MeetingsService, board: Board
) -> None:
    m = await planned(meetings, board)
    assert (m.status, m.version, m.body_id, m.unit_id) == (
        MeetingStatus.PLANNED,
        1,
        board.body.id,
        board.unit.id,
    )
    assert m.documentation_status is DocumentationStatus.IN_PROGRESS and not m.archive_worthy
    assert await meetings.meetings_of_body(board.coord, board.body.id) == [m]


async def test_the_chair_and_secretary_plan_members_and_strangers_do_not(
    meetings: MeetingsService, board: Board
) -> None:
    for who in (board.chair, board.secretary):
        await meetings.plan_meeting(
            who,
            body_id=board.body.id,
            starts_at=START,
            ends_at=START + timedelta(hours=1),
            place="Rom 1",
        )
    for who in (board.members[0], board.observer, board.stranger, police_contact(board.unit.id)):
        with pytest.raises(Forbidden):
            await meetings.plan_meeting(
                who,
                body_id=board.body.id,
                starts_at=START,
                ends_at=START + timedelta(hours=1),
                place="Rom 1",
            )


async def test_planning_checks_the_input_and_the_body(
    meetings: MeetingsService, board: Board
) -> None:
    with pytest.raises(ValidationFailed) as exc:
        await meetings.plan_meeting(
            board.coord, body_id=board.body.id, starts_at=START, ends_at=START
        )
    assert {e.field for e in exc.value.errors} == {"place", "endsAt"}
    with pytest.raises(ValidationFailed) as exc:
        await meetings.plan_meeting(
            board.coord,
            body_id=uuid4(),
            starts_at=START,
            ends_at=START + timedelta(hours=1),
            place="Rom",
        )
    assert exc.value.errors[0].field == "bodyId"


async def test_readers_see_meetings_seat_holders_only_their_bodys(
    meetings: MeetingsService, board: Board
) -> None:
    m = await planned(meetings, board)
    for who in (board.observer, board.members[0], police_contact(board.unit.id)):
        assert (await meetings.get_meeting(who, m.id)).id == m.id
    other_body_member = person(board.unit.id, body_roles={uuid4(): BodyRole.CHAIR})
    for who in (board.stranger, other_body_member, machine(board.unit.id)):
        with pytest.raises(Forbidden):
            await meetings.get_meeting(who, m.id)


async def test_another_units_meeting_is_not_there(
    meetings: MeetingsService, board: Board, store: FakeMeetingsStore
) -> None:
    m = await planned(meetings, board)
    elsewhere: SltUnit = store.seed_unit(
        name="SLT Luster", municipality_numbers=("4644",), police_district="vest"
    )
    with pytest.raises(NotFound):
        await meetings.get_meeting(coordinator(elsewhere.id), m.id)
    with pytest.raises(NotFound):
        await meetings.cancel_meeting(coordinator(elsewhere.id), m.id, "Nei", m.version)


async def test_time_and_place_change_while_planned_with_the_version_read(
    meetings: MeetingsService, board: Board, clock: FakeClock
) -> None:
    m = await planned(meetings, board)
    moved = await meetings.update_meeting(
        board.coord,
        m.id,
        MeetingChanges(place="  Kulturhuset ", link="https://meet.example.test/slt"),
        m.version,
    )
    assert (moved.place, moved.version) == ("Kulturhuset", 2)
    with pytest.raises(StaleVersion):
        await meetings.update_meeting(board.coord, m.id, MeetingChanges(place="Rom"), m.version)
    with pytest.raises(VersionRequired):
        await meetings.update_meeting(board.coord, m.id, MeetingChanges(place="Rom"), None)
    h = await held(meetings, board, clock, days=1)
    with pytest.raises(IllegalTransition, match="moving it needs the meeting planned"):
        await meetings.update_meeting(board.coord, h.id, MeetingChanges(place="Rom"), h.version)
    flagged = await meetings.update_meeting(
        board.coord, h.id, MeetingChanges(archive_worthy=True), h.version
    )
    assert flagged.archive_worthy


async def test_a_meeting_is_held_once_it_has_begun(
    meetings: MeetingsService, board: Board, clock: FakeClock
) -> None:
    m = await planned(meetings, board)
    with pytest.raises(IllegalTransition, match="has not begun"):
        await meetings.hold_meeting(board.coord, m.id, m.version)
    clock.at = m.starts_at
    h = await meetings.hold_meeting(board.coord, m.id, m.version)
    assert h.status is MeetingStatus.HELD
    with pytest.raises(IllegalTransition, match="only a planned meeting can be held"):
        await meetings.hold_meeting(board.coord, m.id, h.version)


async def test_only_a_planned_meeting_is_cancelled_with_a_reason(
    meetings: MeetingsService, board: Board, clock: FakeClock
) -> None:
    m = await planned(meetings, board)
    with pytest.raises(ValidationFailed):
        await meetings.cancel_meeting(board.coord, m.id, " ", m.version)
    c = await meetings.cancel_meeting(board.chair, m.id, "Leder er syk", m.version)
    assert (c.status, c.cancel_reason) == (MeetingStatus.CANCELLED, "Leder er syk")
    h = await held(meetings, board, clock, days=1)
    with pytest.raises(IllegalTransition, match="only a planned meeting can be cancelled"):
        await meetings.cancel_meeting(board.coord, h.id, "For sent", h.version)
