"""Measures domain room: validation of the measure aggregate (``Measure.check`` calls it) — the
field errors, with codes and camelCase fields like the other contexts, that a save refuses."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING

from domain.measures import factors
from domain.measures import rules as r
from domain.measures.limits import (
    AGE_MAX,
    AGE_MIN,
    BUDGET_MAX_NOK,
    LIST_MAX,
    MILESTONES_MAX,
    SHORT_MAX,
    STAFF_HOURS_MAX,
    TEXT_MAX,
    TITLE_MAX,
)
from domain.measures.measure import (
    Aspect,
    EvaluationPlan,
    Evidence,
    Performer,
    Registry,
    RegistryReference,
    Tier,
    Verdict,
)
from domain.shared import validation as v
from domain.shared.errors import Errors

if TYPE_CHECKING:
    from domain.measures.measure import Measure


def typed(m: Measure) -> Measure:
    """The measure with its enum fields as members (a door may hand over plain values)."""
    e = Errors()
    tier = r.member(e, "tier", m.tier, Tier)
    evidence = r.member(e, "evidence", m.evidence, Evidence)
    e.raise_if_any()
    return dataclasses.replace(m, tier=tier, evidence=evidence)  # type: ignore[arg-type]


def check_measure(m: Measure) -> None:
    e = Errors()
    v.well_formed(e, m)
    v.text(e, "title", m.title, required=True, max_len=TITLE_MAX)
    v.text(e, "problem", m.problem, required=True, max_len=TEXT_MAX)
    v.text(e, "description", m.description, required=False, max_len=TEXT_MAX)
    v.text(e, "targetGroup", m.target_group, required=False, max_len=TEXT_MAX)
    v.text(e, "closingNote", m.closing_note, required=False, max_len=TEXT_MAX)
    r.number(e, "targetAgeMin", m.target_age_min, AGE_MIN, AGE_MAX)
    r.number(e, "targetAgeMax", m.target_age_max, AGE_MIN, AGE_MAX)
    lo, hi = m.target_age_min, m.target_age_max
    if isinstance(lo, int) and isinstance(hi, int) and lo > hi:
        e.add("targetAgeMax", "age-range", "The oldest age is not below the youngest.")
    r.number(e, "budgetNok", m.budget_nok, 0, BUDGET_MAX_NOK)
    r.number(e, "staffHours", m.staff_hours, 0, STAFF_HOURS_MAX)
    if m.start_on is not None and m.end_on is not None and m.end_on < m.start_on:
        e.add("endOn", "before-start", "The measure cannot end before it starts.")
    for name in ("focus_area_ids", "goal_ids", "responsible_organisation_ids"):
        r.bounded(e, v.camel(name), getattr(m, name), LIST_MAX)
    r.bounded(e, "partnerOrganisationIds", m.partner_organisation_ids, LIST_MAX)
    if set(m.partner_organisation_ids) & set(m.responsible_organisation_ids):
        e.add("partnerOrganisationIds", "also-responsible", "A partner is already responsible.")
    _codes(e, "riskFactors", m.risk_factors, factors.RISK)
    _codes(e, "protectiveFactors", m.protective_factors, factors.PROTECTIVE)
    _milestones(e, m)
    r.bounded(e, "registryReferences", m.registry_references, LIST_MAX)
    for i, ref in enumerate(m.registry_references):
        _reference(e, f"registryReferences.{i}", ref)
    if m.evaluation_plan is not None:
        check_plan_of_evaluation(e, "evaluationPlan", m.evaluation_plan)
    e.raise_if_any()


def check_done_by(m: Measure, today: date, before: Measure | None = None) -> None:
    """A milestone is marked done on a day that has come (a future date is a slip of the pen);
    a date already stored stays as it is."""
    kept = {(x.id, x.done_on) for x in before.milestones} if before else set()
    e = Errors()
    for i, x in enumerate(m.milestones):
        if x.done_on is not None and x.done_on > today and (x.id, x.done_on) not in kept:
            e.add(f"milestones.{i}.doneOn", "in-future", "A milestone is done today or earlier.")
    e.raise_if_any()


def _codes(e: Errors, field: str, codes: tuple[str, ...], known: dict[str, str]) -> None:
    r.bounded(e, field, codes, LIST_MAX)
    for i, code in enumerate(codes):
        if code not in known:
            e.add(f"{field}.{i}", "unknown-code", "Not a code of the factor vocabulary.")


def _milestones(e: Errors, m: Measure) -> None:
    if len(m.milestones) > MILESTONES_MAX:
        e.add("milestones", "too-many", f"At most {MILESTONES_MAX}.", {"max": MILESTONES_MAX})
    ids = [x.id for x in m.milestones]
    if len(set(ids)) != len(ids):
        e.add("milestones", "duplicate", "A milestone is listed twice.")
    for i, x in enumerate(m.milestones):
        r.plain(e, f"milestones.{i}.title", x.title, required=True, max_len=TITLE_MAX)
        r.weight(e, f"milestones.{i}.weight", x.weight)


def _reference(e: Errors, at: str, ref: RegistryReference) -> None:
    r.member(e, f"{at}.registry", ref.registry, Registry)
    r.member(e, f"{at}.verdict", ref.verdict, Verdict)
    r.plain(e, f"{at}.rating", ref.rating, required=True, max_len=SHORT_MAX)
    r.url(e, f"{at}.url", ref.url)


def check_plan_of_evaluation(e: Errors, at: str, plan: EvaluationPlan) -> None:
    """An evaluation plan (or an evaluation's own plan): aspects, method, performer."""
    if not plan.aspects:
        e.add(f"{at}.aspects", "required", "At least one aspect.")
    for a in plan.aspects:
        r.member(e, f"{at}.aspects", a, Aspect)
    r.plain(e, f"{at}.method", plan.method, required=True, max_len=SHORT_MAX)
    performer = r.member(e, f"{at}.performer", plan.performer, Performer)
    external = performer is Performer.EXTERNAL
    r.plain(e, f"{at}.performerName", plan.performer_name, required=external, max_len=SHORT_MAX)
    if plan.due_on is None:
        e.add(f"{at}.dueOn", "required", "This field is required.")
