"""Measures domain room: the read models — a measure's timeline (decision → stage changes →
evaluations → progress notes, by time), the portfolio by focus area × tier × stage, the "needs
attention" lists, the unit's settings and the decisions a measure or plan may be linked to."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.measures import policies as pol
from domain.measures.base import UseCases
from domain.measures.evaluation import Evaluation
from domain.measures.filters import MeasureFilter
from domain.measures.history import ProgressNote, StageChange
from domain.measures.limits import BUDGET_MAX_NOK, PLAN_EXPIRING_WITHIN_DAYS
from domain.measures.stage import DecisionFacts
from domain.measures.views import (
    Attention,
    MeasureSettingsView,
    MeasureView,
    Portfolio,
    Timeline,
    TimelineEntry,
)
from domain.shared.errors import ValidationFailed
from domain.shared.policies import require
from domain.shared.principal import Principal

OSLO = ZoneInfo("Europe/Oslo")
LEVELS = frozenset({"steering", "coordinating", "executive"})
_RANK = {"decision": 0, "stage": 1, "evaluation": 2, "note": 3}


def _when(e: TimelineEntry) -> tuple[date, time, int]:
    """Dated entries sort on their day; a decision first, an evaluation after that day's steps."""
    if isinstance(e.at, datetime):
        local = e.at.astimezone(OSLO)
        return local.date(), local.time(), _RANK[e.kind]
    return e.at, time.min if e.kind == "decision" else time.max, _RANK[e.kind]


def timeline_of(
    view: MeasureView,
    steps: Sequence[StageChange],
    evaluations: Sequence[Evaluation],
    notes: Sequence[ProgressNote],
) -> Timeline:
    """Decision → stage changes → evaluations → notes, by time; undated evaluations last."""
    entries: list[TimelineEntry] = []
    if view.decision is not None:
        entries.append(
            TimelineEntry(kind="decision", at=view.decision.meeting_date, decision=view.decision)
        )
    entries += [TimelineEntry(kind="stage", at=s.at, stage_change=s) for s in steps]
    for e in evaluations:
        when = e.completed_on or e.due_on
        if when is not None:
            entries.append(TimelineEntry(kind="evaluation", at=when, evaluation=e))
    entries += [TimelineEntry(kind="note", at=n.at, note=n) for n in notes]
    undated = [
        TimelineEntry(kind="evaluation", at=date.max, evaluation=e)
        for e in evaluations
        if e.completed_on is None and e.due_on is None
    ]
    return Timeline(measure=view, entries=(*sorted(entries, key=_when), *undated))


class ReadUseCases(UseCases):
    async def timeline(self, p: Principal, id: UUID) -> Timeline:
        async with self._read(p) as uow:
            m = await uow.measures.get(id)
            view = await self._view(uow, p, m)
            steps = await uow.history.of_measure(id)
            evaluations = await uow.evaluations.of_measure(id)
            notes = await uow.notes.of_measure(id)
        return timeline_of(view, steps, evaluations, notes)

    async def portfolio(self, p: Principal) -> Portfolio:
        async with self._read(p) as uow:
            cells = await uow.measures.portfolio()
            plans = await uow.plans.list()
        titles = {fa.id: fa.title for plan in plans for fa in plan.focus_areas}
        used = {c.focus_area_id for c in cells if c.focus_area_id is not None}
        return Portfolio(
            cells=tuple(cells), focus_areas={k: v for k, v in titles.items() if k in used}
        )

    async def attention(self, p: Principal) -> Attention:
        today = self._clock.today()
        until = today + timedelta(days=PLAN_EXPIRING_WITHIN_DAYS)
        async with self._read(p) as uow:
            orphans = await uow.measures.all(MeasureFilter(without_owner=True))
            without_owner = tuple(await self._views(uow, p, orphans))
            due = await self._due(uow)
            plans = await uow.plans.list()
        expiring = tuple(pl for pl in plans if pl.adopted and today <= pl.period_end <= until)
        return Attention(without_owner=without_owner, evaluations_due=due, plans_expiring=expiring)

    async def measure_settings(self, p: Principal) -> MeasureSettingsView:
        async with self._read(p) as uow:
            return MeasureSettingsView(
                evaluation_threshold_nok=await uow.settings.evaluation_threshold_nok()
            )

    async def set_evaluation_threshold(self, p: Principal, amount: int) -> MeasureSettingsView:
        uow_ = self._manage(p, "change this unit's measure settings")
        if (
            isinstance(amount, bool)
            or not isinstance(amount, int)
            or not 0 <= amount <= BUDGET_MAX_NOK
        ):
            raise ValidationFailed.single(
                "evaluationThresholdNok",
                "out-of-range",
                f"Between 0 and {BUDGET_MAX_NOK}.",
                {"min": 0, "max": BUDGET_MAX_NOK},
            )
        async with uow_ as uow:
            await uow.settings.set_evaluation_threshold_nok(amount)
            await uow.commit()
        return MeasureSettingsView(evaluation_threshold_nok=amount)

    async def decisions(self, p: Principal, level: str | None = None) -> tuple[DecisionFacts, ...]:
        """Numbered decisions of approved minutes the unit may link, newest first."""
        require(pol.can_read(p), "see this unit's decisions")
        if level is not None and level not in LEVELS:
            raise ValidationFailed.single(
                "bodyLevel", "invalid", "One of steering, coordinating, executive."
            )
        async with self._uow(p.unit_id) as uow:
            return tuple(await uow.decisions.list(level))
