"""Validation of the measures' entities: every rule names its field and code (required,
too-long, out-of-range, the age range, dates, unknown factor codes, duplicates, http(s) links,
control characters in nested values), and each entity's ``check`` passes a valid one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any
from uuid import uuid4

import pytest

from domain.measures.evaluation import Conclusion, Evaluation
from domain.measures.limits import LIST_MAX, MILESTONES_MAX, TEXT_MAX, TITLE_MAX
from domain.measures.measure import (
    Aspect,
    EvaluationPlan,
    Measure,
    Milestone,
    Performer,
    Registry,
    RegistryReference,
    Tier,
    Verdict,
)
from domain.measures.plan import ActionPlan, FocusArea, Goal
from domain.shared.errors import ValidationFailed

UNIT = uuid4()
GOOD = Measure(
    id=uuid4(),
    unit_id=UNIT,
    title="Natteravner",
    problem="Uro i sentrum",
    tier=Tier.UNIVERSAL,
    target_age_min=13,
    target_age_max=18,
    risk_factors=("peer-delinquency",),
    protective_factors=("trusted-adult",),
    registry_references=(
        RegistryReference(
            registry=Registry.UNGSINN,
            rating="Nivå 2",
            verdict=Verdict.PROMISING,
            url="https://ungsinn.no/x",
        ),
    ),
    milestones=(Milestone(id=uuid4(), title="Oppstart"),),
)


def errors(entity: Any) -> set[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as caught:
        entity.check()
    return {(e.field, e.code) for e in caught.value.errors}


def test_a_good_measure_passes() -> None:
    GOOD.check()


REF = GOOD.registry_references[0]
MEASURE_CASES: list[tuple[dict[str, Any], tuple[str, str]]] = [
    ({"title": ""}, ("title", "required")),
    ({"title": "x" * (TITLE_MAX + 1)}, ("title", "too-long")),
    ({"problem": "  "}, ("problem", "required")),
    ({"description": "x" * (TEXT_MAX + 1)}, ("description", "too-long")),
    ({"tier": None}, ("tier", "required")),
    ({"title": "Nul\x00byte"}, ("title", "control-characters")),
    ({"target_age_min": 30}, ("targetAgeMin", "out-of-range")),
    ({"target_age_max": -1}, ("targetAgeMax", "out-of-range")),
    ({"target_age_min": 16, "target_age_max": 12}, ("targetAgeMax", "age-range")),
    ({"budget_nok": -5}, ("budgetNok", "out-of-range")),
    ({"staff_hours": 10**9}, ("staffHours", "out-of-range")),
    ({"start_on": date(2026, 5, 1), "end_on": date(2026, 4, 1)}, ("endOn", "before-start")),
    ({"risk_factors": ("peer-delinquency", "made-up")}, ("riskFactors.1", "unknown-code")),
    ({"protective_factors": ("bullying",)}, ("protectiveFactors.0", "unknown-code")),
    ({"risk_factors": ("bullying", "bullying")}, ("riskFactors", "duplicate")),
    ({"goal_ids": tuple(uuid4() for _ in range(LIST_MAX + 1))}, ("goalIds", "too-many")),
    (
        {"responsible_organisation_ids": (UNIT,), "partner_organisation_ids": (UNIT,)},
        ("partnerOrganisationIds", "also-responsible"),
    ),
    (
        {"milestones": tuple(Milestone(id=uuid4(), title="M") for _ in range(MILESTONES_MAX + 1))},
        ("milestones", "too-many"),
    ),
    ({"milestones": (Milestone(id=uuid4(), title=" "),)}, ("milestones.0.title", "required")),
    (
        {"milestones": (Milestone(id=uuid4(), title="a\x1b[31m"),)},
        ("milestones.0.title", "control-characters"),
    ),
    (
        {"milestones": (Milestone(id=uuid4(), title="M", weight=0),)},
        ("milestones.0.weight", "out-of-range"),
    ),
    ({"milestones": (GOOD.milestones[0], GOOD.milestones[0])}, ("milestones", "duplicate")),
    (
        {"registry_references": (replace(REF, url="javascript:alert(1)"),)},
        ("registryReferences.0.url", "invalid-url"),
    ),
    (
        {"registry_references": (replace(REF, url="/relative"),)},
        ("registryReferences.0.url", "invalid-url"),
    ),
    (
        {"registry_references": (replace(REF, rating=""),)},
        ("registryReferences.0.rating", "required"),
    ),
    (
        {"registry_references": (replace(REF, verdict="great"),)},
        ("registryReferences.0.verdict", "invalid"),
    ),
    (
        {
            "evaluation_plan": EvaluationPlan(
                aspects=frozenset(),
                method="",
                performer=Performer.EXTERNAL,
                due_on=date(2026, 1, 1),
            )
        },
        ("evaluationPlan.aspects", "required"),
    ),
    (
        {
            "evaluation_plan": EvaluationPlan(
                aspects=frozenset({Aspect.EFFECT}),
                method="Registerdata",
                performer=Performer.EXTERNAL,
                due_on=date(2026, 1, 1),
            )
        },
        ("evaluationPlan.performerName", "required"),
    ),
]


@pytest.mark.parametrize(("change", "error"), MEASURE_CASES, ids=[str(c[1]) for c in MEASURE_CASES])
def test_measure_rules(change: dict[str, Any], error: tuple[str, str]) -> None:
    assert error in errors(replace(GOOD, **change))


def test_registry_warning() -> None:
    assert not GOOD.registry_warning
    harmful = replace(
        REF, registry=Registry.CRIMESOLUTIONS, rating="No Effects", verdict=Verdict.HARMFUL
    )
    assert replace(GOOD, registry_references=(REF, harmful)).registry_warning


EVALUATION = Evaluation(
    id=uuid4(),
    unit_id=UNIT,
    measure_id=uuid4(),
    aspects=frozenset({Aspect.EFFECT}),
    performer=Performer.INTERNAL,
    method="Intervju",
)
EVALUATION_CASES: list[tuple[dict[str, Any], tuple[str, str]]] = [
    ({"aspects": frozenset()}, ("aspects", "required")),
    ({"method": ""}, ("method", "required")),
    ({"performer": Performer.EXTERNAL}, ("performerName", "required")),
    ({"conclusion": Conclusion.STOP}, ("findings", "required")),
    ({"completed_on": date(2026, 1, 1)}, ("completedOn", "without-conclusion")),
    ({"findings": "x" * (TEXT_MAX + 1)}, ("findings", "too-long")),
    ({"findings": "a\x00b"}, ("findings", "control-characters")),
]


@pytest.mark.parametrize(
    ("change", "error"), EVALUATION_CASES, ids=[str(c[1]) for c in EVALUATION_CASES]
)
def test_evaluation_rules(change: dict[str, Any], error: tuple[str, str]) -> None:
    assert error in errors(replace(EVALUATION, **change))


def test_a_completed_evaluation_passes() -> None:
    done = replace(
        EVALUATION, findings="Virket", conclusion=Conclusion.CONTINUE, completed_on=date(2026, 1, 1)
    )
    done.check()
    assert done.completed and not EVALUATION.completed


GOAL = Goal(id=uuid4(), title="Mindre fravær")
PLAN = ActionPlan(
    id=uuid4(),
    unit_id=UNIT,
    title="Handlingsplan",
    period_start=date(2025, 1, 1),
    period_end=date(2028, 12, 31),
    focus_areas=(FocusArea(id=uuid4(), title="Skole", goals=(GOAL,), strategies=("Samarbeid",)),),
)
FA = PLAN.focus_areas[0]
PLAN_CASES: list[tuple[dict[str, Any], tuple[str, str]]] = [
    ({"title": ""}, ("title", "required")),
    ({"period_end": date(2025, 1, 1)}, ("periodEnd", "not-after-start")),
    ({"period_start": None}, ("periodStart", "required")),
    ({"focus_areas": (replace(FA, title=""),)}, ("focusAreas.0.title", "required")),
    ({"focus_areas": (replace(FA, weight=101),)}, ("focusAreas.0.weight", "out-of-range")),
    (
        {"focus_areas": (replace(FA, goals=(replace(GOAL, title="x\x07"),)),)},
        ("focusAreas.0.goals.0.title", "control-characters"),
    ),
    (
        {"focus_areas": (replace(FA, strategies=("a", "a")),)},
        ("focusAreas.0.strategies", "duplicate"),
    ),
    ({"focus_areas": (FA, replace(FA, title="Kopi"))}, ("focusAreas", "duplicate")),
    (
        {"focus_areas": (replace(FA, goals=tuple(replace(GOAL, id=uuid4()) for _ in range(21))),)},
        ("focusAreas.0.goals", "too-many"),
    ),
]


@pytest.mark.parametrize(("change", "error"), PLAN_CASES, ids=[str(c[1]) for c in PLAN_CASES])
def test_plan_rules(change: dict[str, Any], error: tuple[str, str]) -> None:
    assert error in errors(replace(PLAN, **change))


def test_plan_status_is_derived() -> None:
    PLAN.check()
    assert PLAN.status(date(2030, 1, 1)).value == "draft"
    adopted = replace(PLAN, adopted=True)
    assert adopted.status(date(2028, 12, 31)).value == "adopted"
    assert adopted.status(date(2029, 1, 1)).value == "expired"


@pytest.mark.parametrize(
    ("q", "code"), [("tiltak\x00", "control-characters"), ("x" * 201, "too-long")]
)
def test_a_search_with_a_nul_byte_or_too_long_is_a_field_error_in_the_filter_itself(
    q: str, code: str
) -> None:
    from domain.measures.filters import MeasureFilter
    from domain.shared.errors import ValidationFailed

    with pytest.raises(ValidationFailed) as raised:
        MeasureFilter(q=q)
    assert [(e.field, e.code) for e in raised.value.errors] == [("q", code)]
