"""Measures domain room: progress rolled up the plan tree, as pure functions.

A measure's progress is its share of milestone weight done (``Measure.progress``). A goal's is
the average over its measures — each the same, or weighted by budget (measures without a budget
weigh nothing; when all weigh nothing, each counts the same). A focus area's is the goal-weight
average over its goals that have measures; the plan's the focus-area-weight average over its
focus areas that have measures. Only measures in the plan count: decided onwards, not rejected
(a proposal is not part of the plan until a body decides it)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from uuid import UUID

from domain.measures.measure import Measure
from domain.measures.plan import ActionPlan, Weighting
from domain.measures.stage import Stage

NOT_IN_PLAN = frozenset({Stage.PROPOSED, Stage.ASSESSED, Stage.REJECTED})


def counts(m: Measure) -> bool:
    """Does ``m`` count towards its goals' progress?"""
    return m.stage not in NOT_IN_PLAN


def weighted_mean(pairs: Iterable[tuple[float, int]]) -> float | None:
    """The weighted mean of (value, weight); None when nothing has weight."""
    items = list(pairs)
    total = sum(w for _, w in items)
    if total <= 0:
        return None
    return sum(value * w for value, w in items) / total


def goal_progress(measures: Sequence[Measure], weighting: Weighting) -> float | None:
    """None when no measure counts (the goal then does not count either)."""
    counted = [m for m in measures if counts(m)]
    if not counted:
        return None
    if weighting is Weighting.BUDGET:
        by_budget = weighted_mean((m.progress(), m.budget_nok or 0) for m in counted)
        if by_budget is not None:
            return by_budget
    return weighted_mean((m.progress(), 1) for m in counted)


@dataclass(frozen=True, slots=True, kw_only=True)
class Rollup:
    """Progress of the plan, each focus area and each goal (0 where nothing counts)."""

    plan: float
    focus_areas: dict[UUID, float]
    goals: dict[UUID, float]
    measures_of_goal: dict[UUID, tuple[Measure, ...]]


def rollup(plan: ActionPlan, measures: Iterable[Measure]) -> Rollup:
    """``measures``: the unit's measures (those under none of the plan's goals are ignored)."""
    of_goal: dict[UUID, list[Measure]] = {g: [] for g in plan.goal_ids()}
    for m in measures:
        for g in m.goal_ids:
            if g in of_goal:
                of_goal[g].append(m)
    goals = {g: goal_progress(ms, plan.weighting) for g, ms in of_goal.items()}
    areas: dict[UUID, float | None] = {}
    for fa in plan.focus_areas:
        areas[fa.id] = weighted_mean(
            (p, g.weight) for g in fa.goals if (p := goals[g.id]) is not None
        )
    whole = weighted_mean(
        (p, fa.weight) for fa in plan.focus_areas if (p := areas[fa.id]) is not None
    )
    return Rollup(
        plan=whole or 0.0,
        focus_areas={k: p or 0.0 for k, p in areas.items()},
        goals={k: p or 0.0 for k, p in goals.items()},
        measures_of_goal={k: tuple(ms) for k, ms in of_goal.items()},
    )
