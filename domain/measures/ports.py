"""The measures context's ports as Protocols: its repositories, the decision register it reads
from the meetings context, the report store, the unit's settings, the guard's override log and
its unit of work. Owners, responsible organisations and the unit's coordinator are read through
the organisation context's own repositories."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

from domain.measures.evaluation import Evaluation
from domain.measures.export_views import PlanExport
from domain.measures.filters import MeasureFilter, PortfolioCell
from domain.measures.history import ProgressNote, StageChange
from domain.measures.measure import Measure
from domain.measures.overrides import MeasureOverrideRecord
from domain.measures.plan import ActionPlan
from domain.measures.stage import DecisionFacts
from domain.meetings.guard import FreeTextGuard as FreeTextGuard  # re-exported for the use cases
from domain.organisation.ports import (
    EstablishmentRepository,
    OrganisationRepository,
    PersonRepository,
)
from domain.shared.mail import OutboundMail as OutboundMail  # re-exported for the reminders
from domain.shared.pagination import Page, PageRequest
from domain.shared.ports import Clock as Clock  # re-exported for the context's use cases
from domain.shared.ports import EntityRepository


class MeasureRepository(EntityRepository[Measure], Protocol):
    """Measures with their milestones and registry references. ``update`` succeeds only at the
    expected version (a concurrent transition of the same measure gets ``StaleVersion``)."""

    async def list(self, f: MeasureFilter, page: PageRequest) -> Page[Measure]:
        """By title (case-insensitive), then id."""
        ...

    async def all(self, f: MeasureFilter) -> Sequence[Measure]:
        """Every matching measure, by title (the board, the CSV export, the plan tree)."""
        ...

    async def portfolio(self) -> Sequence[PortfolioCell]:
        """Counts and budgets per focus area × tier × stage, computed by the store."""
        ...


class StageHistory(Protocol):
    """Append-only: nothing here updates or deletes."""

    async def append(self, change: StageChange) -> None:
        """Add the next step; a second step with the same (measure, sequence) — a concurrent
        transition — raises ``StaleVersion``."""
        ...

    async def of_measure(self, measure_id: UUID) -> Sequence[StageChange]:
        """In sequence order."""
        ...

    async def of_measures(self, measure_ids: Sequence[UUID]) -> Sequence[StageChange]:
        """Several measures' steps in one read (GraphQL's DataLoader), by measure and sequence."""
        ...


class ProgressNotes(Protocol):
    async def add(self, note: ProgressNote) -> None: ...

    async def of_measure(self, measure_id: UUID) -> Sequence[ProgressNote]:
        """Newest first."""
        ...

    async def of_measures(self, measure_ids: Sequence[UUID]) -> Sequence[ProgressNote]:
        """Several measures' notes in one read (GraphQL's DataLoader), newest first."""
        ...


class EvaluationRepository(EntityRepository[Evaluation], Protocol):
    async def of_measure(self, measure_id: UUID) -> Sequence[Evaluation]:
        """By due date (none last), then id."""
        ...

    async def of_measures(self, measure_ids: Sequence[UUID]) -> Sequence[Evaluation]: ...

    async def due(self, until: date) -> Sequence[Evaluation]:
        """Not completed and due on or before ``until`` (overdue ones included), by due date."""
        ...


class ReportStore(Protocol):
    """Evaluation reports' bytes, in the unit of work's transaction (like agreements' documents)."""

    async def put(
        self,
        evaluation_id: UUID,
        filename: str,
        media_type: str,
        content: bytes,
        sha256: str,
        at: datetime,
    ) -> None: ...

    async def content(self, evaluation_id: UUID) -> bytes | None: ...

    async def remove(self, evaluation_id: UUID) -> None: ...


class PlanRepository(EntityRepository[ActionPlan], Protocol):
    """Action plans with their focus areas, goals and strategies (written as one tree)."""

    async def list(self) -> Sequence[ActionPlan]:
        """Newest period first."""
        ...

    async def focus_area_ids(self) -> frozenset[UUID]:
        """Every focus area of the unit's plans (to check a measure's links)."""
        ...

    async def goal_ids(self) -> dict[UUID, UUID]:
        """Every goal of the unit's plans → its focus area."""
        ...


class DecisionRegister(Protocol):
    """Read-only view of the meetings context's decisions, within the unit."""

    async def get(self, decision_id: UUID) -> DecisionFacts:
        """``NotFound`` for an unknown (or another unit's) decision."""
        ...

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[DecisionFacts]: ...

    async def list(self, level: str | None) -> Sequence[DecisionFacts]:
        """The unit's numbered decisions of approved minutes (``approved`` and a ``label``), of
        bodies at ``level`` (steering | coordinating | executive; None: every level), newest
        meeting first, then by label. What a measure or a plan may be linked to."""
        ...


class MeasureOverrideLog(Protocol):
    """Where overrides of the free-text guard on measure texts are recorded (measure, field,
    kinds and counts, reason, who, when — never the text). Append-only."""

    async def record(self, entry: MeasureOverrideRecord) -> None: ...


class MeasureSettings(Protocol):
    """The unit's settings for measures (one row per unit; defaults when none is stored)."""

    async def evaluation_threshold_nok(self) -> int: ...

    async def set_evaluation_threshold_nok(self, amount: int) -> None: ...


class MeasuresUnitOfWork(Protocol):
    """One transaction bound to one SLT unit. The use case calls ``commit``; leaving without it rolls back."""

    @property
    def measures(self) -> MeasureRepository: ...

    @property
    def history(self) -> StageHistory: ...

    @property
    def notes(self) -> ProgressNotes: ...

    @property
    def evaluations(self) -> EvaluationRepository: ...

    @property
    def reports(self) -> ReportStore: ...

    @property
    def plans(self) -> PlanRepository: ...

    @property
    def decisions(self) -> DecisionRegister: ...

    @property
    def settings(self) -> MeasureSettings: ...

    @property
    def overrides(self) -> MeasureOverrideLog: ...

    @property
    def organisations(self) -> OrganisationRepository: ...

    @property
    def persons(self) -> PersonRepository: ...

    @property
    def establishments(self) -> EstablishmentRepository:
        """The unit's establishment record: who the coordinator is (the reminders' recipient)."""
        ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...


class MeasuresUnitOfWorkFactory(Protocol):
    def __call__(self, unit_id: UUID) -> MeasuresUnitOfWork: ...


class PlanRenderer(Protocol):
    """An action plan as a document to file or publish (PDF/A): its tree with progress and the
    names of its measures' organisations — no measure's free text, people or findings."""

    async def render_plan(self, plan: PlanExport) -> bytes: ...
