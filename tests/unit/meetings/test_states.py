"""Meetings stateful property test: any sequence of use-case calls (legal or not, by the chair,
the secretary or a member) keeps every meeting in a legal state — status changes follow the
transition table, minutes match the status, approved versions never change, decision numbers
per body and year stay 1..n without gaps."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    initialize,
    precondition,
    rule,
)

from domain.meetings.minutes import ItemMinutes, MinutesVersion
from domain.meetings.service import MeetingsService, Outbox
from domain.meetings.status import APPROVED, MeetingStatus
from domain.organisation.model import Body, Level, Membership, Person
from domain.shared.errors import DomainError
from domain.shared.principal import BodyRole, Principal
from tests.fakes import (
    FakeClock,
    FakeGuard,
    FakeMeetingsStore,
    FakeMeetingsUnitOfWorkFactory,
    coordinator,
    person,
)
from tests.fakes.mail import SENDER, FakeMail, FakeRenderer
from tests.unit.meetings.meeting_invariants import OVERRIDE_REASON, MeetingInvariants

S = MeetingStatus
MARKER = "MARKER-PERSONAL"
HAPPENED = (S.HELD, S.MINUTES_DRAFT, S.MINUTES_APPROVED, S.DISTRIBUTED)
MEETINGS_MAX = 4  # few meetings, long histories: every path through the table gets walked
recent = st.integers(0, MEETINGS_MAX - 1)
texts = st.sampled_from(["Drøftet.", "Vedtatt enstemmig.", f"Om {MARKER}", "", "Oppfølging i mai."])


class MeetingStates(MeetingInvariants):
    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self.store = FakeMeetingsStore()
        self.clock = FakeClock(datetime(2025, 11, 1, 8, 0, tzinfo=UTC))
        unit = self.store.seed_unit()
        self.body = Body(
            id=uuid4(), unit_id=unit.id, name="Koordinerende gruppe", level=Level.COORDINATING
        )
        self.store.put(self.body)
        self.people: dict[str, Principal] = {"coord": coordinator(unit.id)}
        for role in (BodyRole.CHAIR, BodyRole.SECRETARY, BodyRole.MEMBER):
            p = person(unit.id, body_roles={self.body.id: role})
            assert p.person_id is not None
            self.store.put(
                Membership(
                    id=uuid4(),
                    unit_id=unit.id,
                    body_id=self.body.id,
                    person_id=p.person_id,
                    role=role,
                    valid_from=date(2020, 1, 1),
                )
            )
            self.people[role.value] = p
            self.store.put(
                Person(id=p.person_id, unit_id=unit.id, name=role.value, email=f"{role}@x.invalid")
            )
        self.service = MeetingsService(
            FakeMeetingsUnitOfWorkFactory(self.store),
            self.clock,
            FakeGuard(MARKER),
            Outbox(FakeMail(), FakeRenderer(), SENDER),
        )
        self.ids: list[UUID] = []
        self.seen: dict[UUID, MeetingStatus] = {}
        self.approved: dict[UUID, MinutesVersion] = {}  # every approved version as first seen

    def teardown(self) -> None:
        self.loop.close()

    def run(self, call: Awaitable[Any]) -> None:
        """Runs one use case; a domain error is a legal refusal, anything else fails the test."""
        with contextlib.suppress(DomainError):
            self.loop.run_until_complete(call)

    def pick(self, i: int, aim: bool = False, *wanted: MeetingStatus) -> UUID:
        """A meeting: when ``aim``, one in a ``wanted`` status if there is one (so that deep
        states are reached), else any (so that illegal calls are tried as often)."""
        rows = self.store.tables.meetings
        fits = [id for id in self.ids if rows[id].status in wanted] if aim else []
        pool = fits or self.ids
        return pool[-1 - i % len(pool)]

    def version(self, id: UUID) -> int:
        return self.store.tables.meetings[id].version

    def who(self, name: str) -> Principal:
        return self.people[name]

    @initialize()
    def a_meeting_that_has_begun(self) -> None:
        self.plan(days=0, hours=-1)
        self.run(
            self.service.add_agenda_item(self.who("secretary"), self.ids[-1], title="Budsjett")
        )

    @precondition(lambda self: len(self.ids) < MEETINGS_MAX)
    @rule(days=st.integers(-3, 20), hours=st.just(0))
    def plan(self, days: int, hours: int) -> None:
        start = self.clock.now() + timedelta(days=days, hours=hours)
        call = self.service.plan_meeting(
            self.who("coord"),
            body_id=self.body.id,
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place="Rom 1",
        )
        self.ids.append(self.loop.run_until_complete(call).id)

    @rule(days=st.integers(1, 30))
    def time_passes(self, days: int) -> None:
        self.clock.advance(days=days)

    @precondition(lambda self: self.ids)
    @rule(i=recent, title=texts)
    def add_item(self, i: int, title: str) -> None:
        self.run(
            self.service.add_agenda_item(self.who("secretary"), self.pick(i), title=title or "Sak")
        )

    @precondition(lambda self: self.ids)
    @rule(i=recent, aim=st.booleans())
    def hold(self, i: int, aim: bool) -> None:
        id = self.pick(i, aim, S.PLANNED)
        self.run(self.service.hold_meeting(self.who("secretary"), id, self.version(id)))

    @precondition(lambda self: self.ids)
    @rule(i=recent, stale=st.integers(0, 4), aim=st.booleans())
    def start_minutes(self, i: int, aim: bool, stale: int) -> None:
        id = self.pick(i, aim, S.HELD)
        read = self.version(id) - (stale == 0)  # now and then a version read before a change
        self.run(self.service.start_minutes(self.who("secretary"), id, read))

    @precondition(lambda self: self.ids)
    @rule(
        i=recent,
        open_text=texts,
        restricted=texts,
        override=st.booleans(),
        aim=st.booleans(),
    )
    def write(self, i: int, aim: bool, open_text: str, restricted: str, override: bool) -> None:
        id = self.pick(i, aim, S.MINUTES_DRAFT)
        items = [a for a in self.store.tables.agenda.values() if a.meeting_id == id]
        draft = self._current(id)
        if not items or draft is None:
            return
        reason = OVERRIDE_REASON if override else None
        call = self.service.write_item_minutes(
            self.who("secretary"),
            id,
            items[0].id,
            open_text=open_text,
            restricted_text=restricted,
            expected_version=draft.version,
            override_reason=reason,
        )
        self.run(call)

    @precondition(lambda self: self.ids)
    @rule(i=recent, text=texts, aim=st.booleans())
    def decide(self, i: int, aim: bool, text: str) -> None:
        id = self.pick(i, aim, S.MINUTES_DRAFT)
        items = [a for a in self.store.tables.agenda.values() if a.meeting_id == id]
        if items:
            self.run(
                self.service.record_decision(
                    self.who("secretary"), id, items[-1].id, text or "Vedtak"
                )
            )

    @precondition(lambda self: self.ids)
    @rule(i=recent, aim=st.booleans())
    def approve_by_chair(self, i: int, aim: bool) -> None:
        id = self.pick(i, aim, S.MINUTES_DRAFT)
        self.run(self.service.approve_by_chair(self.who("chair"), id, self.version(id)))

    @precondition(lambda self: len(self.ids) > 1)
    @rule(i=recent, j=recent, aim=st.booleans())
    def approve_at_next(self, i: int, aim: bool, j: int) -> None:
        id = self.pick(i, aim, S.MINUTES_DRAFT)
        self.run(
            self.service.approve_at_next_meeting(
                self.who("secretary"), id, self.pick(j, aim, *HAPPENED), self.version(id)
            )
        )

    @precondition(lambda self: self.ids)
    @rule(
        i=recent,
        text=texts,
        reason=st.sampled_from(["Feil dato", " "]),
        aim=st.booleans(),
    )
    def correct(self, i: int, aim: bool, text: str, reason: str) -> None:
        id = self.pick(i, aim, *APPROVED)
        items = [a for a in self.store.tables.agenda.values() if a.meeting_id == id]
        fixed = [ItemMinutes(agenda_item_id=a.id, open_text=text) for a in items[:1]]
        self.run(self.service.correct_minutes(self.who("chair"), id, fixed, reason))

    @precondition(lambda self: self.ids)
    @rule(i=recent, aim=st.booleans())
    def distribute(self, i: int, aim: bool) -> None:
        id = self.pick(i, aim, S.MINUTES_APPROVED)
        self.run(self.service.distribute_minutes(self.who("secretary"), id, self.version(id)))

    @precondition(lambda self: self.ids)
    @rule(
        i=recent, reason=st.sampled_from(["Sykdom", ""]), roll=st.integers(0, 3), aim=st.booleans()
    )
    def cancel(self, i: int, aim: bool, reason: str, roll: int) -> None:
        if roll:  # a cancellation ends a history: rarer, so that long histories are explored
            return
        id = self.pick(i, aim, S.PLANNED)
        self.run(self.service.cancel_meeting(self.who("secretary"), id, reason, self.version(id)))

    @precondition(lambda self: self.ids)
    @rule(
        i=recent,
        attempt=st.sampled_from(
            [("coord", "approve"), ("secretary", "approve"), ("member", "approve")]
            + [("secretary", "correct"), ("member", "correct")]
            + [("member", op) for op in ("hold", "start", "cancel", "distribute", "decide")]
        ),
    )
    def someone_without_the_right_tries(self, i: int, attempt: tuple[str, str]) -> None:
        id, (name, op) = self.pick(i), attempt
        p, version = self.who(name), self.version(id)
        calls: dict[str, Callable[[], Awaitable[Any]]] = {
            "approve": lambda: self.service.approve_by_chair(p, id, version),
            "correct": lambda: self.service.correct_minutes(p, id, [], "Feil dato"),
            "hold": lambda: self.service.hold_meeting(p, id, version),
            "start": lambda: self.service.start_minutes(p, id, version),
            "cancel": lambda: self.service.cancel_meeting(p, id, "Sykdom", version),
            "distribute": lambda: self.service.distribute_minutes(p, id, version),
            "decide": lambda: self.service.record_decision(p, id, uuid4(), "Vedtak"),
        }
        with pytest.raises(DomainError):
            self.loop.run_until_complete(calls[op]())


MeetingStates.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestMeetingStates = MeetingStates.TestCase
