"""Fakes room: the measures context's repositories (``domain/measures/ports.py``) in memory, over
the unit of work's working copy. They keep the ports' contracts and the database's rules: the
version on every update, unique (measure, sequence) on the append-only history, foreign keys
within the unit (owner, organisations, focus areas and goals, the measure of a row)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from domain.measures.evaluation import Evaluation
from domain.measures.filters import MeasureFilter, PortfolioCell
from domain.measures.history import ProgressNote, StageChange
from domain.measures.measure import Measure
from domain.measures.plan import ActionPlan
from domain.measures.stage import RUNNING, Stage
from domain.shared.errors import Conflict, InUse, StaleVersion
from domain.shared.pagination import Page, PageRequest
from tests.fakes.organisation import FakeEntityRepository
from tests.fakes.paging import contains, keyset_page

if TYPE_CHECKING:
    from uuid import UUID

    from tests.fakes.measures import FakeMeasuresUnitOfWork

_REFERENCE = "The change refers to a record that does not exist."


class _Repo(FakeEntityRepository):  # type: ignore[type-arg]
    _uow: FakeMeasuresUnitOfWork  # type: ignore[assignment]

    def _measure_exists(self, measure_id: UUID) -> None:
        m = self._uow.tables.measures.get(measure_id)
        if m is None or m.unit_id != self.unit_id:
            raise Conflict(_REFERENCE)


def matches(m: Measure, f: MeasureFilter) -> bool:
    return (
        (not f.stages or m.stage in f.stages)
        and (f.tier is None or m.tier is f.tier)
        and (f.focus_area_id is None or f.focus_area_id in m.focus_area_ids)
        and (f.goal_id is None or f.goal_id in m.goal_ids)
        and (f.owner_id is None or m.owner_id == f.owner_id)
        and (not f.without_owner or (m.owner_id is None and _under_way(m)))
        and (not f.q or contains(m.title, f.q))
    )


def _under_way(m: Measure) -> bool:
    return m.stage is Stage.DECIDED or m.stage in RUNNING


class FakeMeasureRepository(_Repo):
    table, noun = "measures", "measure"

    def _check(self, item: Measure) -> None:
        t = self._uow.tables
        persons = [item.owner_id] if item.owner_id else []
        orgs = [*item.responsible_organisation_ids, *item.partner_organisation_ids]
        plans = [p for p in t.plans.values() if p.unit_id == self.unit_id]
        areas = {fa.id for p in plans for fa in p.focus_areas}
        goals = {g for p in plans for g in p.goal_ids()}
        if (
            any(i not in t.persons or t.persons[i].unit_id != self.unit_id for i in persons)
            or any(
                i not in t.organisations or t.organisations[i].unit_id != self.unit_id for i in orgs
            )
            or any(i not in areas for i in item.focus_area_ids)
            or any(i not in goals for i in item.goal_ids)
        ):
            raise Conflict(_REFERENCE)

    async def delete(self, id: UUID, expected_version: int) -> None:
        await super().delete(id, expected_version)
        t = self._uow.tables  # ON DELETE CASCADE: the history, notes and evaluations go with it
        for rows in (t.stage_changes, t.progress_notes, t.evaluations):
            for k in [k for k, r in rows.items() if r.measure_id == id]:
                del rows[k]

    async def list(self, f: MeasureFilter, page: PageRequest) -> Page[Measure]:
        rows = [m for m in self._mine() if matches(m, f)]
        return keyset_page(rows, lambda m: m.title.lower(), lambda m: m.id, page)

    async def all(self, f: MeasureFilter) -> Sequence[Measure]:
        rows = [m for m in self._mine() if matches(m, f)]
        return sorted(rows, key=lambda m: (m.title.lower(), str(m.id)))

    async def portfolio(self) -> Sequence[PortfolioCell]:
        cells: dict[tuple[Any, ...], list[int]] = {}
        for m in self._mine():
            for fa in m.focus_area_ids or (None,):
                c = cells.setdefault((fa, m.tier, m.stage), [0, 0])
                c[0] += 1
                c[1] += m.budget_nok or 0
        return [
            PortfolioCell(focus_area_id=k[0], tier=k[1], stage=k[2], count=n, budget_nok=b)
            for k, (n, b) in sorted(cells.items(), key=lambda kv: tuple(str(x) for x in kv[0]))
        ]


class FakeStageHistory(_Repo):
    table, noun = "stage_changes", "stage change"

    async def append(self, change: StageChange) -> None:
        self._own(change)
        self._measure_exists(change.measure_id)
        if any(
            c.measure_id == change.measure_id and c.sequence == change.sequence
            for c in self._mine()
        ):  # unique (measure_id, sequence): the concurrent transition loses
            raise StaleVersion("Someone else moved this measure in the meantime.")
        # The check and the trigger of migration 0010: the first step is the proposal, and each
        # later one starts where the previous one ended.
        previous = [
            c
            for c in self._mine()
            if c.measure_id == change.measure_id and c.sequence == change.sequence - 1
        ]
        proposal = change.from_stage is None and change.to_stage is Stage.PROPOSED
        chained = bool(previous) and previous[0].to_stage is change.from_stage
        if not (proposal if change.sequence == 1 else chained):
            raise Conflict("A stage change starts where the previous one ended.")
        self._rows[change.id] = change

    async def of_measure(self, measure_id: UUID) -> Sequence[StageChange]:
        return sorted((c for c in self._mine() if c.measure_id == measure_id), key=_sequence)

    async def of_measures(self, measure_ids: Sequence[UUID]) -> Sequence[StageChange]:
        """By measure (uuid text order, PostgreSQL's), then sequence."""
        wanted = set(measure_ids)
        rows = (c for c in self._mine() if c.measure_id in wanted)
        return sorted(rows, key=lambda c: (str(c.measure_id), c.sequence))


def _sequence(c: StageChange) -> int:
    return c.sequence


class FakeProgressNotes(_Repo):
    table, noun = "progress_notes", "progress note"

    async def add(self, note: ProgressNote) -> None:
        self._measure_exists(note.measure_id)
        await super().add(note)

    async def of_measure(self, measure_id: UUID) -> Sequence[ProgressNote]:
        return await self.of_measures([measure_id])

    async def of_measures(self, measure_ids: Sequence[UUID]) -> Sequence[ProgressNote]:
        wanted = set(measure_ids)
        mine = (n for n in self._mine() if n.measure_id in wanted)
        return sorted(mine, key=lambda n: (n.at, str(n.id)), reverse=True)


def _by_due(e: Evaluation) -> tuple[bool, date, str]:
    return (e.due_on is None, e.due_on or date.min, str(e.id))


class FakeEvaluationRepository(_Repo):
    table, noun = "evaluations", "evaluation"

    def _check(self, item: Evaluation) -> None:
        self._measure_exists(item.measure_id)

    async def of_measure(self, measure_id: UUID) -> Sequence[Evaluation]:
        return sorted((e for e in self._mine() if e.measure_id == measure_id), key=_by_due)

    async def of_measures(self, measure_ids: Sequence[UUID]) -> Sequence[Evaluation]:
        wanted = set(measure_ids)
        return sorted((e for e in self._mine() if e.measure_id in wanted), key=_by_due)

    async def due(self, until: date) -> Sequence[Evaluation]:
        rows = (
            e
            for e in self._mine()
            if not e.completed and e.due_on is not None and e.due_on <= until
        )
        return sorted(rows, key=_by_due)

    async def delete(self, id: UUID, expected_version: int) -> None:
        await super().delete(id, expected_version)
        self._uow.tables.reports.pop(id, None)


class FakeReportStore:
    def __init__(self, uow: FakeMeasuresUnitOfWork) -> None:
        self._uow = uow

    def _exists(self, evaluation_id: UUID) -> bool:
        e = self._uow.tables.evaluations.get(evaluation_id)
        return e is not None and e.unit_id == self._uow.unit_id

    async def put(
        self,
        evaluation_id: UUID,
        filename: str,
        media_type: str,
        content: bytes,
        sha256: str,
        at: datetime,
    ) -> None:
        if not self._exists(evaluation_id):
            raise Conflict(_REFERENCE)
        self._uow.tables.reports[evaluation_id] = content

    async def content(self, evaluation_id: UUID) -> bytes | None:
        return self._uow.tables.reports.get(evaluation_id) if self._exists(evaluation_id) else None

    async def remove(self, evaluation_id: UUID) -> None:
        if self._exists(evaluation_id):
            self._uow.tables.reports.pop(evaluation_id, None)


class FakePlanRepository(_Repo):
    table, noun = "plans", "action plan"

    def _check(self, item: ActionPlan) -> None:
        ids = [fa.id for fa in item.focus_areas] + list(item.goal_ids())
        others = [p for p in self._uow.tables.plans.values() if p.id != item.id]
        taken = {fa.id for p in others for fa in p.focus_areas} | {
            g for p in others for g in p.goal_ids()
        }
        if len(set(ids)) != len(ids) or taken & set(ids):  # primary keys of the tree's rows
            raise Conflict("The change conflicts with stored data.")
        self._still_referred(taken | set(ids))

    def _still_referred(self, remaining: set[UUID]) -> None:
        """The measures' foreign keys to focus areas and goals (ON DELETE RESTRICT)."""
        for m in self._uow.tables.measures.values():
            if m.unit_id == self.unit_id and {*m.focus_area_ids, *m.goal_ids} - remaining:
                raise InUse("Other records still refer to this one; end or remove those first.")

    async def delete(self, id: UUID, expected_version: int) -> None:
        stored = await self.get(id)
        if stored.version != expected_version:
            raise StaleVersion("Someone else changed this in the meantime.")
        others = [p for p in self._mine() if p.id != id]
        self._still_referred(
            {fa.id for p in others for fa in p.focus_areas}
            | {g for p in others for g in p.goal_ids()}
        )
        del self._rows[id]

    async def list(self) -> Sequence[ActionPlan]:
        return sorted(self._mine(), key=lambda p: (p.period_start, str(p.id)), reverse=True)

    async def focus_area_ids(self) -> frozenset[UUID]:
        return frozenset(fa.id for p in self._mine() for fa in p.focus_areas)

    async def goal_ids(self) -> dict[UUID, UUID]:
        return {g: fa for p in self._mine() for g, fa in p.goal_ids().items()}
