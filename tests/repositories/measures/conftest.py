"""Repository tier, measures: the contract cases run on the fakes (``tests/fakes/measures.py``)
and on PostgreSQL (``adapters/postgres/measures``) through the ports only. Each test gets two
fresh units; the first has two organisations, a person (the owner) and a coordinating and a
steering body, and decisions are seeded in the meetings context's own tables (PostgreSQL) or
the fake register."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.measures.uow import PgMeasuresUnitOfWorkFactory
from adapters.postgres.uow import PgUnitOfWorkFactory
from domain.measures.evaluation import Evaluation
from domain.measures.history import StageChange
from domain.measures.measure import Aspect, Measure, Milestone, Performer, Tier
from domain.measures.plan import ActionPlan, FocusArea, Goal
from domain.measures.ports import MeasuresUnitOfWorkFactory
from domain.measures.stage import Stage
from domain.organisation.model import Body, Level, Organisation, OrganisationType, Person
from domain.organisation.ports import UnitOfWorkFactory
from tests.repositories.conftest import OTHER_NAME, UNIT_NAME, Engines, _pg_units
from tests.repositories.measures import seeding
from tests.repositories.organisation import rows as org_rows

AT = seeding.AT
S = Stage
RUN = (S.ASSESSED, S.DECIDED, S.ACTIVE)
PATHS: dict[Stage, tuple[Stage, ...]] = {
    S.PROPOSED: (),
    S.ASSESSED: (S.ASSESSED,),
    S.REJECTED: (S.REJECTED,),
    S.DECIDED: (S.ASSESSED, S.DECIDED),
    S.ACTIVE: RUN,
    S.EVALUATED: (*RUN, S.EVALUATED),
    S.CONTINUED: (*RUN, S.EVALUATED, S.CONTINUED),
    S.CONCLUDED: (*RUN, S.CONCLUDED),
    S.STOPPED: (S.ASSESSED, S.DECIDED, S.STOPPED),
}


@dataclass
class MeasureBackend:
    name: str
    factory: MeasuresUnitOfWorkFactory
    unit: UUID
    other: UUID
    organisations: tuple[Organisation, Organisation]
    owner: Person
    coordinating: Body
    steering: Body
    decide: seeding.DecisionSeeder
    engines: Engines | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def measure(self, **kw: Any) -> Measure:
        values: dict[str, Any] = {
            "id": uuid4(),
            "unit_id": self.unit,
            "title": "Natteravn i sentrum",
            "problem": "Uro i sentrum fredagskvelder",
            "tier": Tier.SELECTIVE,
            "responsible_organisation_ids": (self.organisations[0].id,),
            "partner_organisation_ids": (self.organisations[1].id,),
            "milestones": (
                Milestone(id=uuid4(), title="Oppstart", due_on=date(2026, 3, 1), weight=2),
                Milestone(id=uuid4(), title="Halvveis", done_on=date(2026, 5, 2)),
            ),
            "proposed_by": self.owner.id,
        } | kw
        return Measure(**values)

    def first_step(self, m: Measure) -> StageChange:
        return StageChange(
            id=uuid4(), unit_id=m.unit_id, measure_id=m.id, from_stage=None,
            to_stage=Stage.PROPOSED, at=AT, actor_person_id=self.owner.id,
            actor_name="Kari Nordmann", sequence=1,
        )  # fmt: skip

    def evaluation(self, measure: Measure, **kw: Any) -> Evaluation:
        values: dict[str, Any] = {
            "id": uuid4(),
            "unit_id": self.unit,
            "measure_id": measure.id,
            "aspects": frozenset({Aspect.EFFECT, Aspect.IMPLEMENTATION}),
            "performer": Performer.INTERNAL,
            "method": "Spørreundersøkelse",
            "due_on": date(2026, 9, 1),
        } | kw
        return Evaluation(**values)

    def plan(self, **kw: Any) -> ActionPlan:
        areas = tuple(
            FocusArea(
                id=uuid4(),
                title=f"Innsatsområde {i}",
                goals=tuple(Goal(id=uuid4(), title=f"Mål {i}.{j}", weight=j) for j in (1, 2)),
                strategies=(f"Strategi {i}",),
                weight=i,
            )
            for i in (1, 2)
        )
        values: dict[str, Any] = {
            "id": uuid4(),
            "unit_id": self.unit,
            "title": "Handlingsplan 2025-2028",
            "period_start": date(2025, 1, 1),
            "period_end": date(2028, 12, 31),
            "focus_areas": areas,
        } | kw
        return ActionPlan(**values)

    async def stored_plan(self, **kw: Any) -> ActionPlan:
        """A plan (two focus areas, two goals each) the measures may link to."""
        p = self.plan(**kw)
        async with self.factory(self.unit) as uow:
            await uow.plans.add(p)
            await uow.commit()
        return p

    def steps(self, m: Measure) -> list[StageChange]:
        """A history that replays to the measure's stage along the lifecycle's usual path."""
        out = [self.first_step(m)]
        for target in PATHS[m.stage]:
            out.append(
                dataclasses.replace(
                    out[0], id=uuid4(), from_stage=out[-1].to_stage, to_stage=target,
                    sequence=len(out) + 1, at=AT + timedelta(days=len(out)),
                )
            )  # fmt: skip
        return out

    async def store(self, *items: Measure) -> None:
        """Each measure with a history that replays to its stage, in one committed unit of work
        (the database checks at commit that a measure's stage is its last step's)."""
        async with self.factory(self.unit) as uow:
            for m in items:
                await uow.measures.add(m)
                for step in self.steps(m):
                    await uow.history.append(step)
            await uow.commit()


async def _organisation_rows(
    org: UnitOfWorkFactory, unit: UUID
) -> tuple[tuple[Organisation, Organisation], Person, Body, Body]:
    kommune = org_rows.org(unit, "Drammen kommune", OrganisationType.MUNICIPAL_ADMINISTRATION)
    politi = org_rows.org(unit, "Drammen politistasjon", OrganisationType.POLICE)
    owner = org_rows.person(unit, "Kari Nordmann")
    kg = org_rows.body(unit, "Koordinerende gruppe", Level.COORDINATING)
    styring = org_rows.body(unit, "Styringsgruppa", Level.STEERING)
    async with org(unit) as uow:
        await uow.organisations.add(kommune)
        await uow.organisations.add(politi)
        await uow.persons.add(owner)
        await uow.bodies.add(kg)
        await uow.bodies.add(styring)
        await uow.commit()
    return (kommune, politi), owner, kg, styring


@pytest.fixture
async def mb(engines: Engines | None) -> AsyncIterator[MeasureBackend]:
    if engines is None:
        fakes = seeding.fake_backend(UNIT_NAME, OTHER_NAME)
        orgs, owner, kg, styring = await _organisation_rows(fakes.org, fakes.unit)
        yield MeasureBackend(
            "fake", fakes.factory, fakes.unit, fakes.other, orgs, owner, kg, styring,
            fakes.decide,
        )  # fmt: skip
        return
    unit, other = uuid4(), uuid4()
    await _pg_units(
        engines.admin,
        [
            (unit, UNIT_NAME, "municipality", ["3301"]),
            (other, OTHER_NAME, "inter_municipal", ["4640", "4644"]),
        ],
    )
    try:
        orgs, owner, kg, styring = await _organisation_rows(PgUnitOfWorkFactory(engines.app), unit)
        factory = PgMeasuresUnitOfWorkFactory(engines.app)
        decide = seeding.PgDecisionSeeder(engines.admin, unit)
        yield MeasureBackend(
            "postgres", factory, unit, other, orgs, owner, kg, styring, decide, engines
        )
    finally:
        await _drop_units(engines.admin, unit, other)


async def _drop_units(admin: AsyncEngine, *units: UUID) -> None:
    async with admin.begin() as conn:
        await conn.execute(
            sa.text("DELETE FROM slt_unit WHERE id = ANY(:ids)"), {"ids": list(units)}
        )
