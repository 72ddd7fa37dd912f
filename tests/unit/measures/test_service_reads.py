"""Read models through the use cases: the timeline (decision → stages → evaluations → notes, by
time), progress notes, the portfolio, the "needs attention" lists and the linkable decisions."""

from __future__ import annotations

from datetime import date

import pytest

from domain.measures.changes import EvaluationChanges, MeasureChanges, PlanChanges
from domain.measures.evaluation import Conclusion
from domain.measures.measure import Tier
from domain.measures.stage import Stage
from domain.shared.errors import Forbidden, NotFound, ValidationFailed
from domain.shared.free_text import PersonalDataFound
from domain.shared.principal import BodyRole
from tests.fakes import coordinator, person, police_contact, steering_reader
from tests.unit.measures.conftest import MARKER, World

S = Stage


async def test_the_timeline_runs_decision_stages_evaluations_notes(world: World) -> None:
    v = await world.to(await world.propose(), S.DECIDED)  # decision of 4 March, steps on 14 March
    world.clock.advance(days=1)
    v = await world.to(v, S.ACTIVE)  # evaluation planned for 1 April
    world.clock.advance(days=1)
    note = await world.svc.add_progress_note(world.coord, v.measure.id, "  Godt i gang  ")
    assert note.text == "Godt i gang" and note.author_name == world.coord.display_name
    world.clock.advance(days=30)  # 15 April
    (ev,) = await world.svc.evaluations_of(world.coord, v.measure.id)
    done = EvaluationChanges(findings="Virker", conclusion=Conclusion.CONTINUE)
    await world.svc.update_evaluation(world.coord, ev.id, done, ev.version)
    v = await world.move(await world.svc.get_measure(world.coord, v.measure.id), S.EVALUATED)
    tl = await world.svc.timeline(steering_reader(world.unit.id), v.measure.id)
    kinds = [(e.kind, e.stage_change.to_stage if e.stage_change else None) for e in tl.entries]
    assert kinds == [
        ("decision", None),
        ("stage", S.PROPOSED),
        ("stage", S.ASSESSED),
        ("stage", S.DECIDED),
        ("stage", S.ACTIVE),
        ("note", None),
        ("stage", S.EVALUATED),
        ("evaluation", None),
    ]
    assert tl.entries[0].at == date(2026, 3, 4) and tl.measure.measure.id == v.measure.id
    assert tl.entries[-1].at == date(2026, 4, 15)


async def test_progress_notes(world: World) -> None:
    u = world.unit.id
    v = await world.to(await world.propose(), S.ACTIVE)
    owner = person(u, body_roles={u: BodyRole.MEMBER}, person_id=world.owner.id)
    await world.svc.add_progress_note(owner, v.measure.id, "Første")
    world.clock.advance(seconds=60)
    await world.svc.add_progress_note(world.coord, v.measure.id, "Andre")
    notes = await world.svc.progress_notes(police_contact(u), v.measure.id)
    assert [n.text for n in notes] == ["Andre", "Første"]  # newest first
    with pytest.raises(Forbidden):
        await world.svc.add_progress_note(police_contact(u), v.measure.id, "Nei")
    with pytest.raises(ValidationFailed):
        await world.svc.add_progress_note(world.coord, v.measure.id, " ")
    with pytest.raises(ValidationFailed):
        await world.svc.add_progress_note(world.coord, v.measure.id, "a\x00b")
    with pytest.raises(PersonalDataFound):
        await world.svc.add_progress_note(world.coord, v.measure.id, f"Møtte {MARKER}")
    with pytest.raises(NotFound):
        await world.svc.progress_notes(coordinator(world.other.id), v.measure.id)


async def test_portfolio_by_focus_area_tier_and_stage(world: World) -> None:
    tree = await world.plan()
    school, drugs = tree.plan.focus_areas
    await world.propose(goal_ids=(school.goals[0].id,), budget_nok=100, tier=Tier.UNIVERSAL)
    await world.propose(focus_area_ids=(school.id, drugs.id), budget_nok=50, tier=Tier.UNIVERSAL)
    await world.propose(tier=Tier.INDICATED)
    p = await world.svc.portfolio(police_contact(world.unit.id))
    cells = {(c.focus_area_id, c.tier, c.stage): (c.count, c.budget_nok) for c in p.cells}
    assert cells == {
        (school.id, Tier.UNIVERSAL, S.PROPOSED): (2, 150),
        (drugs.id, Tier.UNIVERSAL, S.PROPOSED): (1, 50),
        (None, Tier.INDICATED, S.PROPOSED): (1, 0),
    }
    assert p.focus_areas == {school.id: school.title, drugs.id: drugs.title}


async def test_attention(world: World) -> None:
    tree = await world.plan(period_end=date(2026, 6, 30))
    steering = world.store.decision(world.unit.id, level="steering")
    await world.svc.adopt_plan(world.coord, tree.plan.id, steering.id, 1)
    await world.plan(title="Neste plan", period_start=date(2026, 1, 1), period_end=date(2026, 8, 1))
    orphan = await world.to(await world.propose(title="Uten eier"), S.DECIDED)
    await world.propose(title="Bare forslag")  # a proposal without owner is not "without owner"
    running = await world.to(await world.propose(title="I gang"), S.ACTIVE)
    a = await world.svc.attention(steering_reader(world.unit.id))
    assert [v.measure.id for v in a.without_owner] == [orphan.measure.id]
    assert [d.evaluation.measure_id for d in a.evaluations_due] == [running.measure.id]
    assert [p.id for p in a.plans_expiring] == [tree.plan.id]  # adopted only
    world.clock.advance(days=200)
    assert (await world.svc.attention(world.coord)).plans_expiring == ()


async def test_linkable_decisions(world: World) -> None:
    u = world.unit.id
    old = world.store.decision(u, meeting_date=date(2026, 1, 10))
    new = world.store.decision(u, meeting_date=date(2026, 2, 10), number=2)
    steering = world.store.decision(u, level="steering", meeting_date=date(2026, 2, 1))
    world.store.decision(u, approved=False)
    world.store.decision(world.other.id)
    got = await world.svc.decisions(police_contact(u), "coordinating")
    assert [d.id for d in got] == [new.id, old.id]
    assert [d.id for d in await world.svc.decisions(world.coord)] == [new.id, steering.id, old.id]
    with pytest.raises(ValidationFailed):
        await world.svc.decisions(world.coord, "municipal")
    with pytest.raises(Forbidden):
        await world.svc.decisions(person(u), None)


async def test_measures_by_id_for_the_loaders(world: World) -> None:
    a = await world.propose(title="A")
    b = await world.propose(title="B")
    got = await world.svc.measures_by_id(world.coord, [a.measure.id, b.measure.id, a.measure.id])
    assert set(got) == {a.measure.id, b.measure.id}
    assert (
        await world.svc.update_plan(
            world.coord, (await world.plan()).plan.id, PlanChanges(title="Ny"), 1
        )
    ).plan.title == "Ny"
    changed = await world.svc.update_measure(
        world.coord, a.measure.id, MeasureChanges(tier=Tier.INDICATED), 1
    )
    assert changed.measure.tier is Tier.INDICATED
