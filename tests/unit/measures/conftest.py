"""Fixtures for the measures' unit tests: a fake store with two units, people and organisations,
the service over the fakes with a guard that finds a marker, a mail catcher, and helpers that
propose a measure and walk it to any stage through the use cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

import pytest

from domain.measures.evaluation import Conclusion
from domain.measures.measure import Aspect, EvaluationPlan, Performer, Tier
from domain.measures.service import (
    EvaluationChanges,
    FocusAreaInput,
    GoalInput,
    MeasureChanges,
    MeasuresService,
    PlanChanges,
)
from domain.measures.stage import Stage
from domain.measures.views import MeasureView, PlanTree
from domain.organisation.model import Establishment, Organisation, OrganisationType, Person, SltUnit
from domain.shared.principal import Principal
from tests.fakes import FakeClock, FakeGuard, coordinator
from tests.fakes.mail import SENDER, FakeMail
from tests.fakes.measures import FakeMeasuresStore, FakeMeasuresUnitOfWorkFactory

MARKER = "01017012345"  # what the fake guard finds (a synthetic identity number)
TODAY = date(2026, 3, 14)
S = Stage


def plan_of_evaluation(**kw: Any) -> EvaluationPlan:
    values: dict[str, Any] = {
        "aspects": frozenset({Aspect.EFFECT, Aspect.IMPLEMENTATION}),
        "method": "Spørreundersøkelse før og etter",
        "performer": Performer.INTERNAL,
        "due_on": date(2026, 4, 1),
    } | kw
    return EvaluationPlan(**values)


@dataclass
class World:
    store: FakeMeasuresStore
    clock: FakeClock
    mail: FakeMail
    guard: FakeGuard
    svc: MeasuresService
    unit: SltUnit
    other: SltUnit
    coord: Principal
    owner: Person
    coordinator_person: Person
    org: Organisation
    partner: Organisation

    async def propose(self, p: Principal | None = None, **kw: Any) -> MeasureView:
        values: dict[str, Any] = {
            "title": "Natteravner i sentrum",
            "problem": "Uro og rus blant unge i sentrum fredagskvelder",
            "tier": Tier.SELECTIVE,
        } | kw
        return await self.svc.propose_measure(p or self.coord, MeasureChanges(**values))

    async def plan(self, **kw: Any) -> PlanTree:
        values: dict[str, Any] = {
            "title": "Handlingsplan 2025–2028",
            "period_start": date(2025, 1, 1),
            "period_end": date(2028, 12, 31),
            "focus_areas": (
                FocusAreaInput(
                    title="Skole og fritid",
                    goals=(GoalInput(title="Mindre fravær"), GoalInput(title="Flere i fritid")),
                    strategies=("Tett samarbeid med skolene",),
                ),
                FocusAreaInput(title="Rus", goals=(GoalInput(title="Senere debut"),)),
            ),
        } | kw
        return await self.svc.create_plan(self.coord, PlanChanges(**values))

    async def move(self, v: MeasureView, target: Stage, **kw: Any) -> MeasureView:
        return await self.svc.transition(self.coord, v.measure.id, target, v.measure.version, **kw)

    async def to(self, v: MeasureView, stage: Stage) -> MeasureView:
        """Walk ``v`` along the happy path (filling in what each step needs) until ``stage``."""
        path = {
            S.ASSESSED: [S.ASSESSED],
            S.REJECTED: [S.REJECTED],
            S.DECIDED: [S.ASSESSED, S.DECIDED],
            S.ACTIVE: [S.ASSESSED, S.DECIDED, S.ACTIVE],
            S.STOPPED: [S.ASSESSED, S.DECIDED, S.STOPPED],
            S.EVALUATED: [S.ASSESSED, S.DECIDED, S.ACTIVE, S.EVALUATED],
            S.CONTINUED: [S.ASSESSED, S.DECIDED, S.ACTIVE, S.EVALUATED, S.CONTINUED],
            S.CONCLUDED: [S.ASSESSED, S.DECIDED, S.ACTIVE, S.EVALUATED, S.CONCLUDED],
            S.PROPOSED: [],
        }[stage]
        if v.measure.stage in path:  # already on the way: go on from there
            path = path[path.index(v.measure.stage) + 1 :]
        for step in path:
            v = await self.step(v, step)
        return v

    async def step(self, v: MeasureView, step: Stage) -> MeasureView:
        c = self.coord
        if step is S.DECIDED:
            v = await self.svc.update_measure(
                c,
                v.measure.id,
                MeasureChanges(responsible_organisation_ids=(self.org.id,)),
                v.measure.version,
            )
            d = self.store.decision(self.unit.id)
            return await self.move(v, step, decision_id=d.id)
        if step is S.ACTIVE:
            changes = MeasureChanges(
                owner_id=self.owner.id,
                start_on=date(2026, 3, 1),
                evaluation_plan=plan_of_evaluation(),
            )
            v = await self.svc.update_measure(c, v.measure.id, changes, v.measure.version)
            return await self.move(v, step)
        if step is S.EVALUATED:
            await self.complete_evaluation(v)
            return await self.move(v, step)
        if step in (S.REJECTED, S.STOPPED):
            return await self.move(v, step, reason="Prioritert bort i budsjettet")
        if step is S.CONCLUDED:
            return await self.move(v, step, closing_note="Gjennomført som planlagt")
        return await self.move(v, step)

    async def complete_evaluation(self, v: MeasureView) -> None:
        evs = await self.svc.evaluations_of(self.coord, v.measure.id)
        ev = evs[0]
        await self.svc.update_evaluation(
            self.coord,
            ev.id,
            EvaluationChanges(findings="Færre hendelser", conclusion=Conclusion.CONTINUE),
            ev.version,
        )


@pytest.fixture
def world() -> World:
    store = FakeMeasuresStore()
    unit = store.seed_unit()
    other = store.seed_unit(name="SLT Indre Sogn", municipality_numbers=("4640",))
    clock = FakeClock(datetime(2026, 3, 14, 9, 30, tzinfo=UTC))
    mail = FakeMail()
    guard = FakeGuard(MARKER)
    owner = Person(id=uuid4(), unit_id=unit.id, name="Ola Eiersen", email="ola@example.org")
    coord_person = Person(
        id=uuid4(), unit_id=unit.id, name="Kari Koordinator", email="kari@example.org"
    )
    org = Organisation(
        id=uuid4(),
        unit_id=unit.id,
        name="Drammen kommune",
        type=OrganisationType.MUNICIPAL_ADMINISTRATION,
    )
    partner = Organisation(
        id=uuid4(), unit_id=unit.id, name="Drammen politistasjon", type=OrganisationType.POLICE
    )
    store.put(owner, coord_person, org, partner)
    store.tables.establishments[unit.id] = Establishment(
        unit_id=unit.id, coordinator_person_id=coord_person.id, version=1
    )
    svc = MeasuresService(FakeMeasuresUnitOfWorkFactory(store), clock, guard, mail, sender=SENDER)
    coord = coordinator(unit.id)
    return World(
        store, clock, mail, guard, svc, unit, other, coord, owner, coord_person, org, partner
    )
