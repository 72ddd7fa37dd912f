"""Measures domain room: validation of evaluations and action plans (``Evaluation.check`` and
``ActionPlan.check`` call these): the field errors a save refuses."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from domain.measures import rules as r
from domain.measures.evaluation import Conclusion
from domain.measures.limits import (
    FOCUS_AREAS_MAX,
    GOALS_MAX,
    SHORT_MAX,
    STRATEGIES_MAX,
    TEXT_MAX,
    TITLE_MAX,
)
from domain.measures.measure import Aspect, Performer
from domain.measures.plan import Weighting
from domain.shared import validation as v
from domain.shared.errors import Errors

if TYPE_CHECKING:
    from domain.measures.evaluation import Evaluation
    from domain.measures.plan import ActionPlan


def typed_evaluation(ev: Evaluation) -> Evaluation:
    e = Errors()
    aspects = frozenset(r.member(e, "aspects", a, Aspect) for a in ev.aspects)
    performer = r.member(e, "performer", ev.performer, Performer)
    conclusion = r.member(e, "conclusion", ev.conclusion, Conclusion)
    e.raise_if_any()
    return dataclasses.replace(
        ev,
        aspects=aspects,  # type: ignore[arg-type]
        performer=performer,  # type: ignore[arg-type]
        conclusion=conclusion,
    )


def check_evaluation(ev: Evaluation) -> None:
    e = Errors()
    v.well_formed(e, ev)
    if not ev.aspects:
        e.add("aspects", "required", "At least one aspect.")
    v.text(e, "method", ev.method, required=True, max_len=SHORT_MAX)
    external = ev.performer is Performer.EXTERNAL
    v.text(e, "performerName", ev.performer_name, required=external, max_len=SHORT_MAX)
    v.text(e, "findings", ev.findings, required=ev.conclusion is not None, max_len=TEXT_MAX)
    if ev.conclusion is None and ev.completed_on is not None:
        e.add("completedOn", "without-conclusion", "An evaluation is completed by its conclusion.")
    e.raise_if_any()


def typed_plan(plan: ActionPlan) -> ActionPlan:
    e = Errors()
    weighting = r.member(e, "weighting", plan.weighting, Weighting)
    e.raise_if_any()
    return dataclasses.replace(plan, weighting=weighting)  # type: ignore[arg-type]


def check_action_plan(plan: ActionPlan) -> None:
    e = Errors()
    v.well_formed(e, plan)
    v.text(e, "title", plan.title, required=True, max_len=TITLE_MAX)
    v.text(e, "description", plan.description, required=False, max_len=TEXT_MAX)
    start, end = plan.period_start, plan.period_end
    if start is not None and end is not None and end <= start:
        e.add("periodEnd", "not-after-start", "The period ends after it starts.")
    if len(plan.focus_areas) > FOCUS_AREAS_MAX:
        e.add("focusAreas", "too-many", f"At most {FOCUS_AREAS_MAX}.", {"max": FOCUS_AREAS_MAX})
    ids = [fa.id for fa in plan.focus_areas] + [g.id for fa in plan.focus_areas for g in fa.goals]
    if len(set(ids)) != len(ids):
        e.add("focusAreas", "duplicate", "A focus area or goal is listed twice.")
    for i, fa in enumerate(plan.focus_areas):
        at = f"focusAreas.{i}"
        r.plain(e, f"{at}.title", fa.title, required=True, max_len=TITLE_MAX)
        r.weight(e, f"{at}.weight", fa.weight)
        if len(fa.goals) > GOALS_MAX:
            e.add(f"{at}.goals", "too-many", f"At most {GOALS_MAX}.", {"max": GOALS_MAX})
        for j, g in enumerate(fa.goals):
            r.plain(e, f"{at}.goals.{j}.title", g.title, required=True, max_len=TITLE_MAX)
            r.weight(e, f"{at}.goals.{j}.weight", g.weight)
        r.bounded(e, f"{at}.strategies", fa.strategies, STRATEGIES_MAX)
        for j, s in enumerate(fa.strategies):
            r.plain(e, f"{at}.strategies.{j}", s, required=True, max_len=SHORT_MAX)
    e.raise_if_any()
