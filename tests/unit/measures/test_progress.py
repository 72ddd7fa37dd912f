"""Progress rolled up the plan tree: properties (0 ≤ progress ≤ 1, equal weighting is the mean,
weights are respected, budget weighting with its fallbacks) and a worked example."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.measures.measure import Measure, Milestone, Tier
from domain.measures.plan import ActionPlan, FocusArea, Goal, Weighting
from domain.measures.progress import goal_progress, rollup, weighted_mean
from domain.measures.stage import Stage

UNIT = uuid4()
DONE = date(2026, 1, 1)


def measure(
    done: int,
    total: int,
    *,
    goals: tuple[UUID, ...] = (),
    budget: int | None = None,
    stage: Stage = Stage.ACTIVE,
) -> Measure:
    stones = tuple(
        Milestone(id=uuid4(), title=f"M{i}", done_on=DONE if i < done else None)
        for i in range(total)
    )
    return Measure(
        id=uuid4(),
        unit_id=UNIT,
        title="T",
        problem="P",
        tier=Tier.UNIVERSAL,
        milestones=stones,
        goal_ids=goals,
        budget_nok=budget,
        stage=stage,
    )


shares = st.integers(1, 6).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n)))


@given(st.lists(shares, min_size=1, max_size=8))
def test_equal_weighting_is_the_mean(pairs: list[tuple[int, int]]) -> None:
    ms = [measure(d, n) for d, n in pairs]
    got = goal_progress(ms, Weighting.EQUAL)
    assert got == pytest.approx(sum(d / n for d, n in pairs) / len(pairs))
    assert got is not None and 0.0 <= got <= 1.0


@given(st.lists(st.tuples(shares, st.integers(0, 10_000_000)), min_size=1, max_size=8))
def test_budget_weighting(items: list[tuple[tuple[int, int], int]]) -> None:
    ms = [measure(d, n, budget=b) for (d, n), b in items]
    got = goal_progress(ms, Weighting.BUDGET)
    total = sum(b for _, b in items)
    if total == 0:  # all weigh nothing: each counts the same
        expected = sum(d / n for (d, n), _ in items) / len(items)
    else:
        expected = sum(d / n * b for (d, n), b in items) / total
    assert got == pytest.approx(expected)
    assert got is not None and 0.0 <= got <= 1.0 + 1e-12


@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 100)), max_size=10))
def test_weighted_mean_stays_within_the_values(pairs: list[tuple[float, int]]) -> None:
    got = weighted_mean(pairs)
    weighted = [v for v, w in pairs if w > 0]
    if not weighted:
        assert got is None
    else:
        assert got is not None
        assert min(weighted) - 1e-9 <= got <= max(weighted) + 1e-9


def test_a_measure_without_budget_weighs_nothing() -> None:
    ms = [measure(1, 1, budget=100), measure(0, 1, budget=None)]
    assert goal_progress(ms, Weighting.BUDGET) == 1.0
    assert goal_progress(ms, Weighting.EQUAL) == 0.5


def test_only_measures_in_the_plan_count() -> None:
    assert goal_progress([measure(1, 1, stage=Stage.PROPOSED)], Weighting.EQUAL) is None
    ms = [measure(1, 1), measure(0, 1, stage=Stage.REJECTED), measure(0, 1, stage=Stage.ASSESSED)]
    assert goal_progress(ms, Weighting.EQUAL) == 1.0


def test_measure_progress_respects_milestone_weights() -> None:
    m = measure(0, 0)
    m = Measure(
        **{
            **{f: getattr(m, f) for f in m.__dataclass_fields__},
            "milestones": (
                Milestone(id=uuid4(), title="A", weight=3, done_on=DONE),
                Milestone(id=uuid4(), title="B", weight=1),
            ),
        }
    )
    assert m.progress() == 0.75


def test_rollup_worked_example() -> None:
    g1, g2, g3, g4 = (Goal(id=uuid4(), title=f"G{i}", weight=w) for i, w in enumerate((3, 1, 1, 1)))
    fa1 = FocusArea(id=uuid4(), title="A", goals=(g1, g2), weight=1)
    fa2 = FocusArea(id=uuid4(), title="B", goals=(g3,), weight=3)
    fa3 = FocusArea(id=uuid4(), title="C", goals=(g4,), weight=5)  # no measures: does not count
    plan = ActionPlan(
        id=uuid4(),
        unit_id=UNIT,
        title="Plan",
        period_start=date(2025, 1, 1),
        period_end=date(2028, 12, 31),
        focus_areas=(fa1, fa2, fa3),
    )
    ms = [
        measure(1, 1, goals=(g1.id,)),  # 1.0
        measure(0, 2, goals=(g1.id,)),  # 0.0 → g1 = 0.5
        measure(1, 4, goals=(g2.id, g3.id)),  # 0.25 → g2 = 0.25, g3 = 0.25
        measure(1, 1),  # no goal of this plan
    ]
    r = rollup(plan, ms)
    assert r.goals == {g1.id: 0.5, g2.id: 0.25, g3.id: 0.25, g4.id: 0.0}
    assert r.focus_areas[fa1.id] == pytest.approx((0.5 * 3 + 0.25) / 4)
    assert r.focus_areas[fa2.id] == 0.25
    assert r.focus_areas[fa3.id] == 0.0
    assert r.plan == pytest.approx((r.focus_areas[fa1.id] * 1 + 0.25 * 3) / 4)
    assert len(r.measures_of_goal[g1.id]) == 2


@given(st.lists(st.tuples(shares, st.integers(0, 2), st.integers(1, 5)), max_size=12))
def test_rollup_stays_within_bounds(items: list[tuple[tuple[int, int], int, int]]) -> None:
    goals = [Goal(id=uuid4(), title=f"G{i}", weight=i + 1) for i in range(3)]
    plan = ActionPlan(
        id=uuid4(),
        unit_id=UNIT,
        title="Plan",
        period_start=date(2025, 1, 1),
        period_end=date(2028, 12, 31),
        focus_areas=(FocusArea(id=uuid4(), title="A", goals=tuple(goals)),),
        weighting=Weighting.BUDGET,
    )
    ms = [measure(d, n, goals=(goals[g].id,), budget=b) for (d, n), g, b in items]
    r = rollup(plan, ms)
    assert 0.0 <= r.plan <= 1.0 + 1e-12
    assert all(0.0 <= v <= 1.0 + 1e-12 for v in (*r.goals.values(), *r.focus_areas.values()))
