"""Measures domain room: the lifecycle as one table of edges and one pure precondition check.

``proposed → assessed → decided → active → evaluated → concluded | continued``, plus ``rejected``
(from proposed or assessed) and ``stopped`` (once decided). A continued measure runs on as part of
ordinary operation: it may be evaluated again, concluded or stopped later. ``concluded``,
``rejected`` and ``stopped`` are final. Every unmet precondition has a stable code (the SPA words
it in the user's language); ``check_transition`` reports all of them, the first one leading.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.measures.errors import IllegalTransition


class Stage(enum.StrEnum):
    PROPOSED = "proposed"
    ASSESSED = "assessed"
    DECIDED = "decided"
    ACTIVE = "active"
    EVALUATED = "evaluated"
    CONCLUDED = "concluded"
    CONTINUED = "continued"
    REJECTED = "rejected"
    STOPPED = "stopped"


S = Stage
EDGES: dict[Stage, frozenset[Stage]] = {
    S.PROPOSED: frozenset({S.ASSESSED, S.REJECTED}),
    S.ASSESSED: frozenset({S.DECIDED, S.REJECTED}),
    S.DECIDED: frozenset({S.ACTIVE, S.STOPPED}),
    S.ACTIVE: frozenset({S.EVALUATED, S.CONCLUDED, S.STOPPED}),
    S.EVALUATED: frozenset({S.CONCLUDED, S.CONTINUED, S.STOPPED}),
    S.CONTINUED: frozenset({S.EVALUATED, S.CONCLUDED, S.STOPPED}),
    S.CONCLUDED: frozenset(),
    S.REJECTED: frozenset(),
    S.STOPPED: frozenset(),
}
FINAL = frozenset(s for s, targets in EDGES.items() if not targets)
# Stages in which a measure is under way (owners, milestones and progress notes matter).
RUNNING = frozenset({S.ACTIVE, S.EVALUATED, S.CONTINUED})


class Precondition(enum.StrEnum):
    """Stable codes of the preconditions a transition may miss."""

    NOT_FROM_STAGE = "not-from-stage"
    REASON_REQUIRED = "reason-required"
    DECISION_REQUIRED = "decision-required"
    DECISION_NOT_APPROVED = "decision-not-approved"
    DECISION_NOT_COORDINATING = "decision-not-coordinating"
    RESPONSIBLE_ORGANISATION_REQUIRED = "responsible-organisation-required"
    OWNER_REQUIRED = "owner-required"
    START_REQUIRED = "start-required"
    EVALUATION_PLAN_REQUIRED = "evaluation-plan-required"
    COMPLETED_EVALUATION_REQUIRED = "completed-evaluation-required"
    EVALUATION_REQUIRED = "evaluation-required"
    CLOSING_NOTE_REQUIRED = "closing-note-required"


P = Precondition
ENGLISH: dict[Precondition, str] = {
    P.NOT_FROM_STAGE: "the lifecycle has no such step from the current stage",
    P.REASON_REQUIRED: "a reason is required",
    P.DECISION_REQUIRED: "a decision of a coordinating body, recorded in approved minutes, is required",
    P.DECISION_NOT_APPROVED: "the decision's minutes are not approved yet",
    P.DECISION_NOT_COORDINATING: "only a coordinating body's decision decides a measure",
    P.RESPONSIBLE_ORGANISATION_REQUIRED: "a decided measure names its responsible organisation(s)",
    P.OWNER_REQUIRED: "an active measure has an owner",
    P.START_REQUIRED: "an active measure has a start date",
    P.EVALUATION_PLAN_REQUIRED: "an active measure has an evaluation plan",
    P.COMPLETED_EVALUATION_REQUIRED: "a completed evaluation (with a conclusion) is required",
    P.EVALUATION_REQUIRED: "this measure must be evaluated before it is concluded",
    P.CLOSING_NOTE_REQUIRED: "a closing note (or an evaluation) is required to conclude",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class DecisionFacts:
    """What the measures context knows of a decision in the meetings context: enough to judge
    the ``decided`` precondition and to show the link ("KG 3/2026, 12.03.2026")."""

    id: UUID
    label: str | None  # None until the minutes are approved (numbers are given at approval)
    body_id: UUID
    body_name: str
    body_level: str  # steering | coordinating | executive
    meeting_id: UUID
    meeting_date: date
    approved: bool
    text: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Facts:
    """Everything a transition's preconditions look at besides the measure itself."""

    reason: str | None = None
    decision: DecisionFacts | None = None
    completed_evaluations: int = 0
    evaluation_required: bool = False
    closing_note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureState:
    """The measure's fields the preconditions read (the aggregate passes itself)."""

    stage: Stage
    owner_id: UUID | None
    start_on: date | None
    has_evaluation_plan: bool
    responsible_organisation_count: int


def unmet(state: MeasureState, target: Stage, facts: Facts) -> list[Precondition]:
    """Every precondition of ``state.stage → target`` that is not met (empty: allowed)."""
    if target not in EDGES[state.stage]:
        return [P.NOT_FROM_STAGE]
    out: list[Precondition] = []
    if target in (S.REJECTED, S.STOPPED) and not (facts.reason or "").strip():
        out.append(P.REASON_REQUIRED)
    if target is S.DECIDED:
        d = facts.decision
        if d is None:
            out.append(P.DECISION_REQUIRED)
        else:
            if not d.approved or d.label is None:
                out.append(P.DECISION_NOT_APPROVED)
            if d.body_level != "coordinating":
                out.append(P.DECISION_NOT_COORDINATING)
        if state.responsible_organisation_count < 1:
            out.append(P.RESPONSIBLE_ORGANISATION_REQUIRED)
    if target is S.ACTIVE:
        if state.owner_id is None:
            out.append(P.OWNER_REQUIRED)
        if state.start_on is None:
            out.append(P.START_REQUIRED)
        if not state.has_evaluation_plan:
            out.append(P.EVALUATION_PLAN_REQUIRED)
    if target is S.EVALUATED and facts.completed_evaluations < 1:
        out.append(P.COMPLETED_EVALUATION_REQUIRED)
    if target is S.CONCLUDED and facts.completed_evaluations < 1:
        if facts.evaluation_required:
            out.append(P.EVALUATION_REQUIRED)
        elif not (facts.closing_note or "").strip():
            out.append(P.CLOSING_NOTE_REQUIRED)
    return out


def check_transition(state: MeasureState, target: Stage, facts: Facts) -> None:
    """Raise ``IllegalTransition`` naming every unmet precondition (the first leads)."""
    missing = unmet(state, target, facts)
    if missing:
        raise IllegalTransition(
            state.stage.value,
            target.value,
            [m.value for m in missing],
            "; ".join(ENGLISH[m] for m in missing),
        )


def legal_targets(stage: Stage) -> frozenset[Stage]:
    """Where a measure may go next by the table alone (the board offers only these)."""
    return EDGES[stage]
