"""Fixtures for the meetings context's unit tests: one store with a body, its seats, the service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from domain.meetings.meeting import Meeting
from domain.meetings.service import MeetingsService, Outbox
from domain.organisation.model import Body, Level, Membership, SltUnit
from domain.shared.principal import BodyRole, Principal
from tests.fakes import FakeClock, FakeGuard, FakeMeetingsStore, FakeMeetingsUnitOfWorkFactory
from tests.fakes.mail import SENDER, FakeMail, FakeRenderer
from tests.fakes.principals import coordinator, person

MARKER = "MARKER-PERSONAL"  # what the fake guard "finds"
START = datetime(2025, 3, 20, 17, 0, tzinfo=UTC)  # six days after the clock's now


@pytest.fixture
def store() -> FakeMeetingsStore:  # overrides the organisation tests' store: the units share it
    return FakeMeetingsStore()


@pytest.fixture
def guard() -> FakeGuard:
    return FakeGuard(MARKER)


@pytest.fixture
def mail() -> FakeMail:
    return FakeMail()


@pytest.fixture
def renderer() -> FakeRenderer:
    return FakeRenderer()


@pytest.fixture
def meetings(
    store: FakeMeetingsStore,
    clock: FakeClock,
    guard: FakeGuard,
    mail: FakeMail,
    renderer: FakeRenderer,
) -> MeetingsService:
    outbox = Outbox(mail, renderer, SENDER)
    return MeetingsService(FakeMeetingsUnitOfWorkFactory(store), clock, guard, outbox)


@dataclass(frozen=True)
class Board:
    """A coordinating body with a chair, a secretary, three members and an observer; and the
    principals who hold those seats (plus the unit's coordinator and a stranger)."""

    unit: SltUnit
    body: Body
    chair: Principal
    secretary: Principal
    members: tuple[Principal, ...]
    observer: Principal
    coord: Principal
    stranger: Principal

    @property
    def voting(self) -> tuple[UUID, ...]:
        """The chair's and the members' person ids (the seats that count for the quorum)."""
        ids = tuple(p.person_id for p in (self.chair, *self.members))
        assert all(ids)
        return ids  # type: ignore[return-value]


def seat(
    store: FakeMeetingsStore, unit: SltUnit, body: Body, role: BodyRole, since: date
) -> Principal:
    p = person(unit.id, body_roles={body.id: role}, name=f"Test {role.value}")
    assert p.person_id is not None
    store.put(
        Membership(
            id=uuid4(),
            unit_id=unit.id,
            body_id=body.id,
            person_id=p.person_id,
            role=role,
            valid_from=since,
        )
    )
    return p


@pytest.fixture
def board(store: FakeMeetingsStore, unit: SltUnit) -> Board:
    body = Body(id=uuid4(), unit_id=unit.id, name="Koordinerende gruppe", level=Level.COORDINATING)
    store.put(body)
    since = date(2024, 1, 1)
    return Board(
        unit=unit,
        body=body,
        chair=seat(store, unit, body, BodyRole.CHAIR, since),
        secretary=seat(store, unit, body, BodyRole.SECRETARY, since),
        members=tuple(seat(store, unit, body, BodyRole.MEMBER, since) for _ in range(3)),
        observer=seat(store, unit, body, BodyRole.OBSERVER, since),
        coord=coordinator(unit.id),
        stranger=person(unit.id),
    )


async def planned(meetings: MeetingsService, board: Board, *, days: int = 0) -> Meeting:
    start = START + timedelta(days=days)
    return await meetings.plan_meeting(
        board.coord,
        body_id=board.body.id,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        place="Rådhuset, møterom 2",
    )


async def held(
    meetings: MeetingsService, board: Board, clock: FakeClock, *, days: int = 0
) -> Meeting:
    m = await planned(meetings, board, days=days)
    if clock.now() < m.starts_at:
        clock.at = m.starts_at + timedelta(hours=1)
    return await meetings.hold_meeting(board.coord, m.id, m.version)


async def drafting(
    meetings: MeetingsService, board: Board, clock: FakeClock, *, days: int = 0
) -> Meeting:
    """A held meeting with one decision item on its agenda and its minutes started."""
    m = await planned(meetings, board, days=days)
    await meetings.add_agenda_item(board.coord, m.id, title="Innspill til budsjett")
    if clock.now() < m.starts_at:
        clock.at = m.starts_at + timedelta(hours=1)
    m = await meetings.hold_meeting(board.coord, m.id, m.version)
    await meetings.start_minutes(board.coord, m.id, m.version)
    return await meetings.get_meeting(board.coord, m.id)
