"""Measures domain room: what the reads return — one view serves a whole screen, so one use case
(one transaction) answers one request: a measure with what its card and detail show, its
timeline, the plan tree with progress, the portfolio, the "needs attention" lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal
from uuid import UUID

from domain.measures.evaluation import Evaluation
from domain.measures.filters import PortfolioCell
from domain.measures.history import ProgressNote, StageChange
from domain.measures.measure import EvaluationTrigger, Measure
from domain.measures.plan import ActionPlan, FocusArea, Goal, PlanStatus
from domain.measures.stage import DecisionFacts, Stage


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureView:
    """A measure with its derived facts. ``legal_targets``: where the caller may move it next by
    the lifecycle's table (empty for those who may not move measures); preconditions are judged
    when the move is asked for."""

    measure: Measure
    evaluation_triggers: tuple[EvaluationTrigger, ...]
    evaluation_required: bool
    decision: DecisionFacts | None
    legal_targets: frozenset[Stage]
    progress: float


TimelineKind = Literal["decision", "stage", "evaluation", "note"]


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEntry:
    """One event of a measure's life; exactly one of the payloads is set, as ``kind`` says.
    ``at`` is a date for the decision (its meeting's day) and evaluations (completed or due)."""

    kind: TimelineKind
    at: datetime | date
    decision: DecisionFacts | None = None
    stage_change: StageChange | None = None
    evaluation: Evaluation | None = None
    note: ProgressNote | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Timeline:
    measure: MeasureView
    entries: tuple[TimelineEntry, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class GoalNode:
    goal: Goal
    progress: float
    measures: tuple[MeasureView, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class FocusAreaNode:
    focus_area: FocusArea
    progress: float
    goals: tuple[GoalNode, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanTree:
    plan: ActionPlan
    status: PlanStatus
    progress: float
    decision: DecisionFacts | None
    focus_areas: tuple[FocusAreaNode, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Portfolio:
    cells: tuple[PortfolioCell, ...]
    focus_areas: dict[UUID, str]  # id → title, for the cells' focus areas


@dataclass(frozen=True, slots=True, kw_only=True)
class DueEvaluation:
    evaluation: Evaluation
    measure_title: str
    owner_id: UUID | None
    overdue: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Attention:
    without_owner: tuple[MeasureView, ...]
    evaluations_due: tuple[DueEvaluation, ...]
    plans_expiring: tuple[ActionPlan, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureSettingsView:
    evaluation_threshold_nok: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ReminderReport:
    sent: int  # reminders handed to the mail server (one per due evaluation)
    without_address: int  # due evaluations nobody with an e-mail address could be told about
