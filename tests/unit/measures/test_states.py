"""Measures stateful property test: any sequence of use-case calls — transitions to random
targets with random facts, edits of owner, start, evaluation plan and responsible organisations,
evaluations with and without a conclusion, decisions of random level and approval, stale
versions, a moving threshold — never reaches an illegal state. The stage is always what the
history replays to (sequence 1..n without gaps, each step an edge of the table), and every
stage's preconditions held at the moment it was entered."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from datetime import UTC, date, datetime
from typing import Any, TypeVar
from uuid import UUID, uuid4

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from domain.measures.changes import EvaluationChanges, MeasureChanges
from domain.measures.evaluation import Conclusion
from domain.measures.history import replay
from domain.measures.measure import Aspect, Measure, Performer, Tier
from domain.measures.service import MeasuresService
from domain.measures.stage import EDGES, FINAL, RUNNING, Stage
from domain.organisation.model import Organisation, OrganisationType, Person
from domain.shared.errors import DomainError
from tests.fakes import FakeClock, FakeGuard, coordinator
from tests.fakes.mail import FakeMail
from tests.fakes.measures import FakeMeasuresStore, FakeMeasuresUnitOfWorkFactory
from tests.unit.measures.conftest import plan_of_evaluation

T = TypeVar("T")
S = Stage
MEASURES_MAX = 2
DECISIONS = ["none", "coordinating", "coordinating", "coordinating-draft", "steering", "foreign"]
index = st.integers(0, MEASURES_MAX - 1)


class MeasureStates(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self.store = FakeMeasuresStore()
        unit = self.store.seed_unit()
        other = self.store.seed_unit(name="SLT Annen", municipality_numbers=("4640",))
        self.unit = unit.id
        self.clock = FakeClock(datetime(2026, 3, 14, 9, 0, tzinfo=UTC))
        self.svc = MeasuresService(
            FakeMeasuresUnitOfWorkFactory(self.store), self.clock, FakeGuard("X"), FakeMail()
        )
        self.coord = coordinator(unit.id)
        self.owner = Person(id=uuid4(), unit_id=unit.id, name="Eier")
        self.org = Organisation(
            id=uuid4(),
            unit_id=unit.id,
            name="Kommunen",
            type=OrganisationType.MUNICIPAL_ADMINISTRATION,
        )
        self.store.put(self.owner, self.org)
        self.decisions = {
            "coordinating": self.store.decision(unit.id),
            "coordinating-draft": self.store.decision(unit.id, approved=False),
            "steering": self.store.decision(unit.id, level="steering"),
            "foreign": self.store.decision(other.id),
        }
        self.ids: list[UUID] = []
        self.stage: dict[UUID, Stage] = {}  # what the model expects, moved on success only

    def teardown(self) -> None:
        self.loop.close()

    def run(self, call: Awaitable[T]) -> T | None:
        """The call's result, or None when the domain refused it (a refusal is always fine)."""
        try:
            return self.loop.run_until_complete(call)
        except DomainError:
            return None

    def stored(self, id: UUID) -> Measure:
        return self.store.tables.measures[id]

    def pick(self, i: int) -> UUID:
        return self.ids[i % len(self.ids)]

    @initialize(tier=st.sampled_from(Tier), flagged=st.booleans())
    def first(self, tier: Tier, flagged: bool) -> None:
        self.propose(tier, flagged, None)

    @precondition(lambda self: len(self.ids) < MEASURES_MAX)
    @rule(
        tier=st.sampled_from(Tier),
        flagged=st.booleans(),
        budget=st.sampled_from([None, 100_000, 900_000]),
    )
    def propose(self, tier: Tier, flagged: bool, budget: int | None) -> None:
        changes = MeasureChanges(
            title="Tiltak", problem="Problem", tier=tier, new_or_trial=flagged, budget_nok=budget
        )
        v = self.run(self.svc.propose_measure(self.coord, changes))
        assert v is not None
        self.ids.append(v.measure.id)
        self.stage[v.measure.id] = S.PROPOSED

    @rule(i=index)
    def prepare(self, i: int) -> None:
        """Everything ``decided`` and ``active`` need from the measure itself, in one change."""
        id = self.pick(i)
        changes = MeasureChanges(
            owner_id=self.owner.id,
            start_on=date(2026, 3, 1),
            evaluation_plan=plan_of_evaluation(),
            responsible_organisation_ids=(self.org.id,),
        )
        self.run(self.svc.update_measure(self.coord, id, changes, self.stored(id).version))

    @rule(
        i=index,
        field=st.sampled_from(["owner", "start", "plan", "orgs"]),
        clear=st.integers(0, 3).map(lambda n: n == 0),
    )
    def edit(self, i: int, field: str, clear: bool) -> None:
        id = self.pick(i)
        value: dict[str, Any] = {
            "owner": {"owner_id": None if clear else self.owner.id},
            "start": {"start_on": None if clear else date(2026, 3, 1)},
            "plan": {"evaluation_plan": None if clear else plan_of_evaluation()},
            "orgs": {"responsible_organisation_ids": () if clear else (self.org.id,)},
        }[field]
        m = self.stored(id)
        self.run(self.svc.update_measure(self.coord, id, MeasureChanges(**value), m.version))

    @rule(
        i=index,
        to=st.sampled_from(Stage),
        along=st.sampled_from(
            [0, 0, 1, 2, 11, 12]
        ),  # 0: ``to``; 1-10: an onward step; 11+: any step
        reason=st.sampled_from([None, " ", "Begrunnelse", "Begrunnelse"]),
        decision=st.sampled_from(DECISIONS),
        note=st.sampled_from([None, "Avsluttet", "Avsluttet"]),
        stale=st.integers(0, 9).map(lambda n: n == 0),
    )
    def transition(
        self,
        i: int,
        to: Stage,
        along: int,
        reason: str | None,
        decision: str,
        note: str | None,
        stale: bool,
    ) -> None:
        id = self.pick(i)
        before = self.stored(id)
        onward = sorted(EDGES[before.stage] - FINAL) or sorted(EDGES[before.stage])
        steps = sorted(EDGES[before.stage]) if along >= 11 else onward
        target = steps[along % len(steps)] if steps and along else to
        d = self.decisions.get(decision)
        threshold = self.loop.run_until_complete(self.svc.measure_settings(self.coord))
        required = bool(before.evaluation_triggers(threshold.evaluation_threshold_nok))
        completed = self.completed(id)
        version = before.version - 1 if stale else before.version
        v = self.run(
            self.svc.transition(
                self.coord,
                id,
                target,
                version,
                reason=reason,
                decision_id=d.id if d else None,
                closing_note=note,
            )
        )
        if v is None:
            assert self.stored(id) == before  # a refusal writes nothing
            return
        assert not stale and target in EDGES[before.stage]
        self.stage[id] = target
        event(f"entered {target.value}")
        after = v.measure
        if target in (S.REJECTED, S.STOPPED):
            assert reason and reason.strip()
        if target is S.DECIDED:
            assert d is not None and d.approved and d.label and d.body_level == "coordinating"
            assert after.decision_id == d.id and before.responsible_organisation_ids
        if target is S.ACTIVE:
            assert before.owner_id and before.start_on and before.evaluation_plan
            assert self.open_evaluations(id) >= 1  # the planned one
        if target is S.EVALUATED:
            assert completed >= 1
        if target is S.CONCLUDED:
            assert completed >= 1 or (not required and note)

    def completed(self, id: UUID) -> int:
        return sum(
            1 for e in self.store.tables.evaluations.values() if e.measure_id == id and e.completed
        )

    def open_evaluations(self, id: UUID) -> int:
        return sum(
            1
            for e in self.store.tables.evaluations.values()
            if e.measure_id == id and not e.completed
        )

    @rule(i=index, conclusion=st.sampled_from([None, *Conclusion]))
    def add_evaluation(self, i: int, conclusion: Conclusion | None) -> None:
        done = {"findings": "Funn", "conclusion": conclusion} if conclusion else {}
        changes = EvaluationChanges(
            aspects=frozenset({Aspect.EFFECT}), performer=Performer.INTERNAL, method="M", **done
        )
        self.run(self.svc.add_evaluation(self.coord, self.pick(i), changes))

    def first_evaluation(self, i: int) -> tuple[UUID, int] | None:
        id = self.pick(i)
        evs = sorted(
            (e for e in self.store.tables.evaluations.values() if e.measure_id == id),
            key=lambda e: str(e.id),
        )
        return (evs[0].id, evs[0].version) if evs else None

    @rule(i=index, conclusion=st.sampled_from([None, *Conclusion]))
    def change_an_evaluation(self, i: int, conclusion: Conclusion | None) -> None:
        if (found := self.first_evaluation(i)) is not None:
            changes = EvaluationChanges(findings="Funn", conclusion=conclusion)
            self.run(self.svc.update_evaluation(self.coord, found[0], changes, found[1]))

    @rule(i=index)
    def remove_an_evaluation(self, i: int) -> None:
        if (found := self.first_evaluation(i)) is not None:
            was_completed = self.store.tables.evaluations[found[0]].completed
            self.run(self.svc.delete_evaluation(self.coord, found[0], found[1]))
            assert (found[0] in self.store.tables.evaluations) is was_completed

    @rule(i=index, along=st.integers(1, 12), note=st.sampled_from([None, "Avsluttet"]))
    def advance(self, i: int, along: int, note: str | None) -> None:
        """A step along the table with the facts it needs from outside the measure."""
        self.transition(i, S.PROPOSED, along, "Begrunnelse", "coordinating", note, False)

    @rule(amount=st.sampled_from([0, 50_000, 500_000, 5_000_000]))
    def threshold(self, amount: int) -> None:
        self.run(self.svc.set_evaluation_threshold(self.coord, amount))

    @invariant()
    def history_replays_to_the_stage(self) -> None:
        for id in self.ids:
            steps = sorted(
                (c for c in self.store.tables.stage_changes.values() if c.measure_id == id),
                key=lambda c: c.sequence,
            )
            assert [c.sequence for c in steps] == list(range(1, len(steps) + 1))
            assert steps[0].from_stage is None and steps[0].to_stage is S.PROPOSED
            assert all(c.to_stage in EDGES[c.from_stage] for c in steps[1:] if c.from_stage)
            m = self.stored(id)
            assert replay(steps) is m.stage is self.stage[id]

    @invariant()
    def no_illegal_state(self) -> None:
        for id in self.ids:
            m = self.stored(id)
            if m.stage is S.EVALUATED:
                assert self.completed(id) >= 1  # completed evaluations are never undone
            if m.stage is S.CONCLUDED:
                assert self.completed(id) >= 1 or m.closing_note
            passed_decision = (
                m.stage in RUNNING or m.stage in (S.DECIDED, S.CONCLUDED) or (m.stage is S.STOPPED)
            )
            if passed_decision:
                d = self.store.decisions[m.decision_id][1] if m.decision_id else None
                assert d is not None and d.approved and d.body_level == "coordinating"
            if m.stage in FINAL:
                assert not EDGES[m.stage]
            assert 0.0 <= m.progress() <= 1.0


MeasureStates.TestCase.settings = settings(
    max_examples=100,
    stateful_step_count=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestMeasureStates = MeasureStates.TestCase
