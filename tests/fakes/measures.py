"""Fakes room: the measures context's ports (``domain/measures/ports.py``) in memory.

``FakeMeasuresStore`` is a ``FakeStore`` whose tables also hold the measures context's rows, so
the organisation fakes (owners, organisations, the coordinator) and the measures share one
snapshot per unit of work: ``commit`` publishes both, leaving without it drops both. Decisions of
the meetings context are registered by the tests (``add_decision``/``decision``) and read through
the ``DecisionRegister`` port, within the unit, as the SQL view over the meetings tables does.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

from domain.measures.evaluation import Evaluation
from domain.measures.history import ProgressNote, StageChange
from domain.measures.limits import DEFAULT_EVALUATION_THRESHOLD_NOK
from domain.measures.measure import Measure
from domain.measures.overrides import MeasureOverrideRecord
from domain.measures.plan import ActionPlan
from domain.measures.ports import (
    DecisionRegister,
    EvaluationRepository,
    MeasureOverrideLog,
    MeasureRepository,
    MeasureSettings,
    MeasuresUnitOfWork,
    MeasuresUnitOfWorkFactory,
    PlanRepository,
    ProgressNotes,
    ReportStore,
    StageHistory,
)
from domain.measures.stage import DecisionFacts
from domain.organisation.ports import (
    EstablishmentRepository,
    OrganisationRepository,
    PersonRepository,
)
from domain.shared.errors import NotFound
from tests.fakes.measures_repos import (
    FakeEvaluationRepository,
    FakeMeasureRepository,
    FakePlanRepository,
    FakeProgressNotes,
    FakeReportStore,
    FakeStageHistory,
)
from tests.fakes.organisation import (
    FakeEstablishmentRepository,
    FakeOrganisationRepository,
    FakePersonRepository,
)
from tests.fakes.snapshot import SnapshotUnitOfWork
from tests.fakes.store import FakeStore, Tables


@dataclasses.dataclass
class MeasuresTables(Tables):
    measures: dict[UUID, Measure] = dataclasses.field(default_factory=dict)
    stage_changes: dict[UUID, StageChange] = dataclasses.field(default_factory=dict)
    progress_notes: dict[UUID, ProgressNote] = dataclasses.field(default_factory=dict)
    evaluations: dict[UUID, Evaluation] = dataclasses.field(default_factory=dict)
    reports: dict[UUID, bytes] = dataclasses.field(default_factory=dict)
    plans: dict[UUID, ActionPlan] = dataclasses.field(default_factory=dict)
    thresholds: dict[UUID, int] = dataclasses.field(default_factory=dict)  # by unit
    measure_overrides: list[MeasureOverrideRecord] = dataclasses.field(default_factory=list)

    def copy(self) -> MeasuresTables:
        return MeasuresTables(
            **{f.name: copy.copy(getattr(self, f.name)) for f in dataclasses.fields(self)}
        )


class FakeMeasuresStore(FakeStore):
    def __init__(self) -> None:
        super().__init__()
        self.tables: MeasuresTables = MeasuresTables()
        self.decisions: dict[UUID, tuple[UUID, DecisionFacts]] = {}  # id → (unit, facts)

    def add_decision(self, unit_id: UUID, facts: DecisionFacts) -> DecisionFacts:
        self.decisions[facts.id] = (unit_id, facts)
        return facts

    def decision(
        self,
        unit_id: UUID,
        *,
        level: str = "coordinating",
        approved: bool = True,
        number: int = 1,
        meeting_date: date = date(2026, 3, 4),
        body_name: str = "Koordineringsgruppa",
        text: str = "Tiltaket settes i gang.",
    ) -> DecisionFacts:
        """Register a decision of a body at ``level``; numbered only once its minutes are approved."""
        code = "".join(w[0] for w in body_name.split()).upper() or "B"
        facts = DecisionFacts(
            id=uuid4(),
            label=f"{code} {number}/{meeting_date.year}" if approved else None,
            body_id=uuid4(),
            body_name=body_name,
            body_level=level,
            meeting_id=uuid4(),
            meeting_date=meeting_date,
            approved=approved,
            text=text,
        )
        return self.add_decision(unit_id, facts)


class FakeDecisionRegister:
    def __init__(self, uow: FakeMeasuresUnitOfWork) -> None:
        self._store = uow.store
        self._unit = uow.unit_id

    def _mine(self) -> list[DecisionFacts]:
        return [f for unit, f in self._store.decisions.values() if unit == self._unit]

    async def get(self, decision_id: UUID) -> DecisionFacts:
        found = self._store.decisions.get(decision_id)
        if found is None or found[0] != self._unit:
            raise NotFound(f"No decision with id {decision_id}.")
        return found[1]

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[DecisionFacts]:
        wanted = set(ids)
        return [f for f in self._mine() if f.id in wanted]

    async def list(self, level: str | None) -> Sequence[DecisionFacts]:
        rows = [
            f
            for f in self._mine()
            if f.approved and f.label and (level is None or f.body_level == level)
        ]
        return sorted(rows, key=lambda f: (f.meeting_date, f.label or ""), reverse=True)


class FakeMeasureSettings:
    def __init__(self, uow: FakeMeasuresUnitOfWork) -> None:
        self._uow = uow

    async def evaluation_threshold_nok(self) -> int:
        return self._uow.tables.thresholds.get(self._uow.unit_id, DEFAULT_EVALUATION_THRESHOLD_NOK)

    async def set_evaluation_threshold_nok(self, amount: int) -> None:
        self._uow.tables.thresholds[self._uow.unit_id] = amount


class FakeMeasureOverrideLog:
    def __init__(self, uow: FakeMeasuresUnitOfWork) -> None:
        self._uow = uow

    async def record(self, entry: MeasureOverrideRecord) -> None:
        m = self._uow.tables.measures.get(entry.measure_id)
        assert m is not None and m.unit_id == self._uow.unit_id, "override of an unknown measure"
        self._uow.tables.measure_overrides.append(entry)


class FakeMeasuresUnitOfWork(SnapshotUnitOfWork[FakeMeasuresStore, MeasuresTables]):
    """One 'transaction' of the measures context over a copy of the store, published on ``commit``."""

    def __init__(self, store: FakeMeasuresStore, unit_id: UUID) -> None:
        self.store = store
        self.unit_id = unit_id
        self.tables: MeasuresTables = store.tables.copy()
        self.measures: MeasureRepository = FakeMeasureRepository(self)  # type: ignore[arg-type]
        self.history: StageHistory = FakeStageHistory(self)  # type: ignore[arg-type]
        self.notes: ProgressNotes = FakeProgressNotes(self)  # type: ignore[arg-type]
        self.evaluations: EvaluationRepository = FakeEvaluationRepository(self)  # type: ignore[arg-type]
        self.reports: ReportStore = FakeReportStore(self)
        self.plans: PlanRepository = FakePlanRepository(self)  # type: ignore[arg-type]
        self.decisions: DecisionRegister = FakeDecisionRegister(self)
        self.settings: MeasureSettings = FakeMeasureSettings(self)
        self.overrides: MeasureOverrideLog = FakeMeasureOverrideLog(self)
        self.organisations: OrganisationRepository = FakeOrganisationRepository(self)  # type: ignore[arg-type]
        self.persons: PersonRepository = FakePersonRepository(self)  # type: ignore[arg-type]
        self.establishments: EstablishmentRepository = FakeEstablishmentRepository(self)  # type: ignore[arg-type]
        self.committed = False
        self.committed = True


class FakeMeasuresUnitOfWorkFactory:
    def __init__(self, store: FakeMeasuresStore | None = None) -> None:
        self.store = store or FakeMeasuresStore()

    def __call__(self, unit_id: UUID) -> FakeMeasuresUnitOfWork:
        return FakeMeasuresUnitOfWork(self.store, unit_id)


if TYPE_CHECKING:  # the fakes must satisfy the ports they stand in for
    _uow: MeasuresUnitOfWork = FakeMeasuresUnitOfWork(FakeMeasuresStore(), uuid4())
    _factory: MeasuresUnitOfWorkFactory = FakeMeasuresUnitOfWorkFactory()
