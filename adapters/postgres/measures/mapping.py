"""Measures room: rows (asyncpg records, by column name) to the measure and its evaluations, and
the measure back to column values. Nested values (milestones, registry references, the
evaluation plan) are flattened and rebuilt here and nowhere else."""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from uuid import UUID

from domain.measures.evaluation import Conclusion, Evaluation, ReportInfo
from domain.measures.measure import (
    Aspect,
    EvaluationPlan,
    Evidence,
    Measure,
    Milestone,
    Performer,
    Registry,
    RegistryReference,
    Tier,
    Verdict,
)
from domain.measures.stage import Stage

Row = Any

_ORGS = (
    "ARRAY(SELECT o.organisation_id FROM measure_organisation o WHERE o.unit_id = measure.unit_id"
    " AND o.measure_id = measure.id AND o.role = '{}' ORDER BY o.position)"
)
FIELDS = (
    "title", "problem", "tier", "description", "target_group", "target_age_min",
    "target_age_max", "focus_area_ids", "goal_ids", "owner_person_id", "budget_nok",
    "staff_hours", "start_on", "end_on", "milestones", "risk_factors", "protective_factors",
    "evidence", "registry_references", "evaluation_aspects", "evaluation_method",
    "evaluation_performer", "evaluation_performer_name", "evaluation_due_on", "new_or_trial",
    "transferable", "risk_of_negative_effects", "strategy_anchored", "stage", "decision_id",
    "closing_note", "proposed_by_person_id", "version",
)  # fmt: skip
COLUMNS = (
    "measure.id, measure.unit_id, "
    + ", ".join(f"measure.{f}" for f in FIELDS)
    + f", {_ORGS.format('responsible')} AS responsible_ids"
    + f", {_ORGS.format('partner')} AS partner_ids"
)
EVALUATION_COLUMNS = (
    "e.id, e.unit_id, e.measure_id, e.aspects, e.performer, e.method, e.due_on,"
    " e.performer_name, e.findings, e.conclusion, e.completed_on, e.version,"
    " r.filename, r.media_type, r.size_bytes, r.sha256, r.uploaded_at"
)
EVALUATION_SOURCE = (
    "evaluation e LEFT JOIN evaluation_report r ON r.unit_id = e.unit_id AND r.evaluation_id = e.id"
)


def _json(value: Any) -> Any:
    """asyncpg hands JSONB over as text; SQLAlchemy's reads as Python values."""
    return json.loads(value) if isinstance(value, str) else value


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def measure(r: Row) -> Measure:
    plan = None
    if r["evaluation_method"] is not None:
        plan = EvaluationPlan(
            aspects=frozenset(Aspect(a) for a in r["evaluation_aspects"]),
            method=r["evaluation_method"],
            performer=Performer(r["evaluation_performer"]),
            due_on=r["evaluation_due_on"],
            performer_name=r["evaluation_performer_name"],
        )
    milestones = tuple(
        Milestone(
            id=UUID(m["id"]),
            title=m["title"],
            due_on=_day(m.get("due_on")),
            done_on=_day(m.get("done_on")),
            weight=m.get("weight", 1),
        )
        for m in _json(r["milestones"])
    )
    references = tuple(
        RegistryReference(
            registry=Registry(x["registry"]),
            rating=x["rating"],
            verdict=Verdict(x["verdict"]),
            reviewed_on=_day(x.get("reviewed_on")),
            url=x.get("url"),
        )
        for x in _json(r["registry_references"])
    )
    return Measure(
        id=r["id"],
        unit_id=r["unit_id"],
        title=r["title"],
        problem=r["problem"],
        tier=Tier(r["tier"]),
        description=r["description"],
        target_group=r["target_group"],
        target_age_min=r["target_age_min"],
        target_age_max=r["target_age_max"],
        focus_area_ids=tuple(r["focus_area_ids"]),
        goal_ids=tuple(r["goal_ids"]),
        responsible_organisation_ids=tuple(r["responsible_ids"]),
        partner_organisation_ids=tuple(r["partner_ids"]),
        owner_id=r["owner_person_id"],
        budget_nok=r["budget_nok"],
        staff_hours=r["staff_hours"],
        start_on=r["start_on"],
        end_on=r["end_on"],
        milestones=milestones,
        risk_factors=tuple(r["risk_factors"]),
        protective_factors=tuple(r["protective_factors"]),
        evidence=Evidence(r["evidence"]),
        registry_references=references,
        evaluation_plan=plan,
        new_or_trial=r["new_or_trial"],
        transferable=r["transferable"],
        risk_of_negative_effects=r["risk_of_negative_effects"],
        strategy_anchored=r["strategy_anchored"],
        stage=Stage(r["stage"]),
        decision_id=r["decision_id"],
        closing_note=r["closing_note"],
        proposed_by=r["proposed_by_person_id"],
        version=r["version"],
    )


def measure_values(m: Measure) -> dict[str, Any]:
    """The measure's own row (organisations are rows of their own)."""
    p = m.evaluation_plan
    return {
        "title": m.title,
        "problem": m.problem,
        "tier": m.tier.value,
        "description": m.description,
        "target_group": m.target_group,
        "target_age_min": m.target_age_min,
        "target_age_max": m.target_age_max,
        "focus_area_ids": list(m.focus_area_ids),
        "goal_ids": list(m.goal_ids),
        "owner_person_id": m.owner_id,
        "budget_nok": m.budget_nok,
        "staff_hours": m.staff_hours,
        "start_on": m.start_on,
        "end_on": m.end_on,
        "milestones": [
            {
                "id": str(s.id),
                "title": s.title,
                "due_on": _iso(s.due_on),
                "done_on": _iso(s.done_on),
                "weight": s.weight,
            }
            for s in m.milestones
        ],
        "risk_factors": list(m.risk_factors),
        "protective_factors": list(m.protective_factors),
        "evidence": m.evidence.value,
        "registry_references": [
            {
                "registry": x.registry.value,
                "rating": x.rating,
                "verdict": x.verdict.value,
                "reviewed_on": _iso(x.reviewed_on),
                "url": x.url,
            }
            for x in m.registry_references
        ],
        "evaluation_aspects": None if p is None else sorted(a.value for a in p.aspects),
        "evaluation_method": None if p is None else p.method,
        "evaluation_performer": None if p is None else p.performer.value,
        "evaluation_performer_name": None if p is None else p.performer_name,
        "evaluation_due_on": None if p is None else p.due_on,
        "new_or_trial": m.new_or_trial,
        "transferable": m.transferable,
        "risk_of_negative_effects": m.risk_of_negative_effects,
        "strategy_anchored": m.strategy_anchored,
        "stage": m.stage.value,
        "decision_id": m.decision_id,
        "closing_note": m.closing_note,
        "proposed_by_person_id": m.proposed_by,
        "version": m.version,
    }


def evaluation(r: Row) -> Evaluation:
    report = None
    if r["filename"] is not None:
        report = ReportInfo(
            filename=r["filename"],
            media_type=r["media_type"],
            size=r["size_bytes"],
            sha256=r["sha256"],
            uploaded_at=r["uploaded_at"],
        )
    return Evaluation(
        id=r["id"],
        unit_id=r["unit_id"],
        measure_id=r["measure_id"],
        aspects=frozenset(Aspect(a) for a in r["aspects"]),
        performer=Performer(r["performer"]),
        method=r["method"],
        due_on=r["due_on"],
        performer_name=r["performer_name"],
        findings=r["findings"],
        conclusion=None if r["conclusion"] is None else Conclusion(r["conclusion"]),
        completed_on=r["completed_on"],
        report=report,
        version=r["version"],
    )


def evaluation_values(e: Evaluation) -> dict[str, Any]:
    return {
        "measure_id": e.measure_id,
        "aspects": sorted(a.value for a in e.aspects),
        "performer": e.performer.value,
        "method": e.method,
        "due_on": e.due_on,
        "performer_name": e.performer_name,
        "findings": e.findings,
        "conclusion": None if e.conclusion is None else e.conclusion.value,
        "completed_on": e.completed_on,
        "version": e.version,
    }
