"""Transitions through the use case: each guard refuses with its codes and writes nothing, the
happy path through every stage records actor, reason and decision, activation plans the
evaluation, the evaluation requirement (flags and the unit's threshold), and concurrency."""

from __future__ import annotations

import asyncio

import pytest

from domain.measures.changes import MeasureChanges
from domain.measures.errors import IllegalTransition
from domain.measures.history import replay
from domain.measures.stage import Stage
from domain.shared.errors import Forbidden, StaleVersion, ValidationFailed, VersionRequired
from domain.shared.free_text import PersonalDataFound
from domain.shared.principal import Role
from tests.fakes import person, police_contact
from tests.unit.measures.conftest import MARKER, World

S = Stage


async def refused(world: World, v, target: Stage, **kw: object) -> list[str]:  # type: ignore[no-untyped-def]
    before = dict(world.store.tables.stage_changes)
    with pytest.raises(IllegalTransition) as caught:
        await world.move(v, target, **kw)
    assert world.store.tables.stage_changes == before  # nothing written
    assert (await world.svc.get_measure(world.coord, v.measure.id)).measure == v.measure
    return caught.value.precondition_codes


async def test_the_whole_lifecycle_is_recorded(world: World) -> None:
    v = await world.to(await world.propose(), S.CONCLUDED)
    steps = await world.svc.history(world.coord, v.measure.id)
    assert [s.to_stage for s in steps] == [
        S.PROPOSED, S.ASSESSED, S.DECIDED, S.ACTIVE, S.EVALUATED, S.CONCLUDED,
    ]  # fmt: skip
    assert [s.sequence for s in steps] == [1, 2, 3, 4, 5, 6]
    assert replay(steps) is v.measure.stage is S.CONCLUDED
    decided = steps[2]
    assert decided.decision_id == v.measure.decision_id and decided.decision_label == "K 1/2026"
    assert v.decision is not None and v.decision.body_level == "coordinating"
    assert v.measure.closing_note == "Gjennomført som planlagt"
    assert all(s.actor_person_id == world.coord.person_id for s in steps)
    assert v.legal_targets == frozenset()  # final


async def test_reject_and_stop_need_a_reason(world: World) -> None:
    v = await world.propose()
    assert await refused(world, v, S.REJECTED) == ["reason-required"]
    assert await refused(world, v, S.REJECTED, reason="   ") == ["reason-required"]
    v = await world.move(v, S.REJECTED, reason="Dekkes av et annet tiltak")
    (*_, last) = await world.svc.history(world.coord, v.measure.id)
    assert last.reason == "Dekkes av et annet tiltak"
    w = await world.to(await world.propose(), S.ACTIVE)
    assert await refused(world, w, S.STOPPED) == ["reason-required"]


async def test_decided_needs_an_approved_coordinating_decision(world: World) -> None:
    v = await world.to(await world.propose(), S.ASSESSED)
    u = world.unit.id
    assert await refused(world, v, S.DECIDED) == [
        "decision-required", "responsible-organisation-required",
    ]  # fmt: skip
    draft = world.store.decision(u, approved=False)
    steering = world.store.decision(u, level="steering", body_name="Styringsgruppa")
    assert await refused(world, v, S.DECIDED, decision_id=draft.id) == [
        "decision-not-approved", "responsible-organisation-required",
    ]  # fmt: skip
    assert await refused(world, v, S.DECIDED, decision_id=steering.id) == [
        "decision-not-coordinating", "responsible-organisation-required",
    ]  # fmt: skip
    foreign = world.store.decision(world.other.id)
    with pytest.raises(ValidationFailed) as caught:
        await world.move(v, S.DECIDED, decision_id=foreign.id)
    assert caught.value.errors[0].field == "decisionId"


async def test_active_needs_owner_start_and_plan_and_plans_the_evaluation(world: World) -> None:
    v = await world.to(await world.propose(), S.DECIDED)
    assert await refused(world, v, S.ACTIVE) == [
        "owner-required", "start-required", "evaluation-plan-required",
    ]  # fmt: skip
    assert await world.svc.evaluations_of(world.coord, v.measure.id) == ()
    v = await world.to(v, S.ACTIVE)
    (planned,) = await world.svc.evaluations_of(world.coord, v.measure.id)
    plan = v.measure.evaluation_plan
    assert plan is not None
    assert (planned.aspects, planned.method, planned.performer, planned.due_on) == (
        plan.aspects, plan.method, plan.performer, plan.due_on,
    )  # fmt: skip
    assert not planned.completed


async def test_evaluated_needs_a_completed_evaluation(world: World) -> None:
    v = await world.to(await world.propose(), S.ACTIVE)
    assert await refused(world, v, S.EVALUATED) == ["completed-evaluation-required"]
    await world.complete_evaluation(v)
    v = await world.move(v, S.EVALUATED)
    v = await world.move(v, S.CONTINUED)
    v = await world.move(v, S.EVALUATED)  # evaluated again after continuing
    assert v.measure.stage is S.EVALUATED


async def test_concluding_needs_an_evaluation_when_required(world: World) -> None:
    v = await world.to(await world.propose(new_or_trial=True), S.ACTIVE)
    assert v.evaluation_required and v.evaluation_triggers == ("new_or_trial",)
    assert await refused(world, v, S.CONCLUDED, closing_note="Ferdig") == ["evaluation-required"]
    await world.complete_evaluation(v)
    assert (await world.move(v, S.CONCLUDED)).measure.stage is S.CONCLUDED
    w = await world.to(await world.propose(), S.ACTIVE)
    assert await refused(world, w, S.CONCLUDED) == ["closing-note-required"]
    assert (
        await world.move(w, S.CONCLUDED, closing_note="Ferdig")
    ).measure.closing_note == "Ferdig"


async def test_the_budget_threshold_is_the_units(world: World) -> None:
    v = await world.propose(budget_nok=400_000)
    assert not v.evaluation_required
    await world.svc.set_evaluation_threshold(world.coord, 300_000)
    v = await world.svc.get_measure(world.coord, v.measure.id)
    assert v.evaluation_triggers == ("costly",)
    v = await world.to(v, S.ACTIVE)
    assert await refused(world, v, S.CONCLUDED, closing_note="Ferdig") == ["evaluation-required"]
    with pytest.raises(Forbidden):
        await world.svc.set_evaluation_threshold(police_contact(world.unit.id), 1)
    with pytest.raises(ValidationFailed):
        await world.svc.set_evaluation_threshold(world.coord, -1)
    settings = await world.svc.measure_settings(police_contact(world.unit.id))
    assert settings.evaluation_threshold_nok == 300_000
    other = await world.svc.measure_settings(person(world.other.id, Role.COORDINATOR))
    assert other.evaluation_threshold_nok == 500_000


async def test_who_may_move_and_what_is_checked_first(world: World) -> None:
    v = await world.propose()
    with pytest.raises(Forbidden):
        await world.svc.transition(police_contact(world.unit.id), v.measure.id, S.ASSESSED, 1)
    with pytest.raises(VersionRequired):
        await world.svc.transition(world.coord, v.measure.id, S.ASSESSED, None)
    with pytest.raises(ValidationFailed):
        await world.svc.transition(world.coord, v.measure.id, "finished", 1)  # type: ignore[arg-type]
    with pytest.raises(ValidationFailed):
        await world.move(v, S.REJECTED, reason="x" * 1001)
    with pytest.raises(PersonalDataFound):
        await world.move(v, S.REJECTED, reason=f"Gjelder {MARKER}")
    v = await world.move(v, S.REJECTED, reason=f"Gjelder {MARKER}", override_reason="Fiktivt")
    assert world.store.tables.measure_overrides[0].field == "reason"


async def test_a_stale_transition_loses(world: World) -> None:
    v = await world.propose()
    await world.move(v, S.ASSESSED)
    with pytest.raises(StaleVersion):
        await world.move(v, S.REJECTED, reason="Nei")
    assert len(await world.svc.history(world.coord, v.measure.id)) == 2


async def test_two_transitions_from_one_version_one_wins(world: World) -> None:
    v = await world.propose()
    results = await asyncio.gather(
        world.move(v, S.ASSESSED),
        world.move(v, S.REJECTED, reason="Nei"),
        return_exceptions=True,
    )
    assert sum(isinstance(r, StaleVersion) for r in results) == 1
    steps = await world.svc.history(world.coord, v.measure.id)
    assert [s.sequence for s in steps] == [1, 2]
    stored = await world.svc.get_measure(world.coord, v.measure.id)
    assert replay(steps) is stored.measure.stage


async def test_a_changed_measure_must_be_reloaded(world: World) -> None:
    v = await world.propose()
    await world.svc.update_measure(world.coord, v.measure.id, MeasureChanges(title="Ny"), 1)
    with pytest.raises(StaleVersion):
        await world.move(v, S.ASSESSED)
