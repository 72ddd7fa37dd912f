"""Repository tier, measures: decisions seeded where each backend's register reads them — the
meetings context's tables on PostgreSQL (a meeting, an agenda item, the decision, numbered when
its minutes are approved), the fake register's own list on the fakes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Protocol
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.measures.ports import MeasuresUnitOfWorkFactory
from domain.measures.stage import DecisionFacts
from domain.meetings.decision import body_code
from domain.organisation.model import Body
from domain.organisation.ports import UnitOfWorkFactory
from tests.fakes import FakeUnitOfWorkFactory
from tests.fakes.measures import FakeMeasuresStore, FakeMeasuresUnitOfWorkFactory

AT = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
OSLO = ZoneInfo("Europe/Oslo")


class DecisionSeeder(Protocol):
    async def __call__(
        self, body: Body, *, number: int | None, on: date, text: str = "Vedtatt."
    ) -> UUID:
        """A decision of ``body`` at a meeting on ``on``; ``number`` None: minutes not approved."""
        ...


MEETING = (
    "INSERT INTO meeting (id, unit_id, body_id, starts_at, ends_at, status,"
    " documentation_status, archive_worthy)"
    " VALUES (:id, :unit, :body, :starts, :ends, :status, 'final', true)"
)
AGENDA = (
    "INSERT INTO agenda_item (id, unit_id, meeting_id, position, title, kind)"
    " VALUES (:id, :unit, :meeting, 1, 'Tiltak', 'decision')"
)
DECISION = (
    "INSERT INTO decision (id, unit_id, meeting_id, agenda_item_id, body_id, text, ordinal,"
    " number_body_code, number_sequence, number_year)"
    " VALUES (:id, :unit, :meeting, :item, :body, :text, 1, :code, :number, :year)"
)


@dataclass
class PgDecisionSeeder:
    admin: AsyncEngine
    unit: UUID

    async def __call__(
        self, body: Body, *, number: int | None, on: date, text: str = "Vedtatt."
    ) -> UUID:
        meeting, item, decision = uuid4(), uuid4(), uuid4()
        # Late in the evening in Oslo: the meeting's date is the Oslo date, not UTC's.
        starts = datetime.combine(on, time(23, 30), OSLO)
        async with self.admin.begin() as conn:
            await conn.execute(
                sa.text(MEETING),
                {"id": meeting, "unit": self.unit, "body": body.id, "starts": starts,
                 "ends": starts.replace(minute=45),
                 "status": "minutes_draft" if number is None else "minutes_approved"},
            )  # fmt: skip
            await conn.execute(sa.text(AGENDA), {"id": item, "unit": self.unit, "meeting": meeting})
            await conn.execute(
                sa.text(DECISION),
                {"id": decision, "unit": self.unit, "meeting": meeting, "item": item,
                 "body": body.id, "text": text, "code": None if number is None else body_code(body.name),
                 "number": number, "year": None if number is None else on.year},
            )  # fmt: skip
        return decision


@dataclass
class FakeDecisionSeeder:
    store: FakeMeasuresStore
    unit: UUID

    async def __call__(
        self, body: Body, *, number: int | None, on: date, text: str = "Vedtatt."
    ) -> UUID:
        label = None if number is None else f"{body_code(body.name)} {number}/{on.year}"
        facts = DecisionFacts(
            id=uuid4(), label=label, body_id=body.id, body_name=body.name,
            body_level=body.level.value, meeting_id=uuid4(), meeting_date=on,
            approved=label is not None, text=text,
        )  # fmt: skip
        return self.store.add_decision(self.unit, facts).id


@dataclass
class FakeBackend:
    factory: MeasuresUnitOfWorkFactory
    org: UnitOfWorkFactory
    unit: UUID
    other: UUID
    decide: DecisionSeeder


def fake_backend(unit_name: str, other_name: str) -> FakeBackend:
    store = FakeMeasuresStore()
    unit = store.seed_unit(name=unit_name, police_district="vest").id
    other = store.seed_unit(name=other_name, police_district="vest").id
    return FakeBackend(
        FakeMeasuresUnitOfWorkFactory(store), FakeUnitOfWorkFactory(store), unit, other,
        FakeDecisionSeeder(store, unit),
    )  # fmt: skip
