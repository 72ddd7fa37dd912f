"""Measures domain room: use cases of evaluations — list, read, add, change, remove, and the
evaluations due. Setting a conclusion completes an evaluation (findings required, completed
today unless a day is given); a completed evaluation stays completed and is not removed."""

from __future__ import annotations

import dataclasses
from typing import Any
from uuid import UUID, uuid4

from domain.measures import policies as pol
from domain.measures.base import UseCases
from domain.measures.changes import EvaluationChanges
from domain.measures.errors import EvaluationCompleted, MeasureNotRunning
from domain.measures.evaluation import Evaluation
from domain.measures.measure import Measure
from domain.measures.other_checks import typed_evaluation
from domain.measures.stage import RUNNING, Stage
from domain.measures.views import DueEvaluation
from domain.shared.changes import UNSET, expect_version
from domain.shared.errors import ValidationFailed
from domain.shared.policies import require
from domain.shared.principal import Principal

OPEN_FOR_EVALUATION = RUNNING | {Stage.DECIDED}


def _fields(changes: EvaluationChanges) -> dict[str, Any]:
    sent = changes.trimmed().set_fields()
    if isinstance(sent.get("aspects"), list | tuple | set):
        sent["aspects"] = frozenset(sent["aspects"])
    return sent


class EvaluationUseCases(UseCases):
    def _follow_up(self, p: Principal, m: Measure) -> None:
        require(pol.can_follow_up(p, m), "keep this measure's evaluations")

    async def evaluations_of(self, p: Principal, measure_id: UUID) -> tuple[Evaluation, ...]:
        async with self._read(p) as uow:
            await uow.measures.get(measure_id)
            return tuple(await uow.evaluations.of_measure(measure_id))

    async def evaluations_of_measures(
        self, p: Principal, measure_ids: list[UUID]
    ) -> dict[UUID, tuple[Evaluation, ...]]:
        """Several measures' evaluations in one statement (the GraphQL DataLoader)."""
        async with self._read(p) as uow:
            rows = await uow.evaluations.of_measures(list(dict.fromkeys(measure_ids)))
        out: dict[UUID, list[Evaluation]] = {i: [] for i in measure_ids}
        for e in rows:
            out.setdefault(e.measure_id, []).append(e)
        return {k: tuple(v) for k, v in out.items()}

    async def get_evaluation(self, p: Principal, id: UUID) -> Evaluation:
        async with self._read(p) as uow:
            return await uow.evaluations.get(id)

    async def add_evaluation(
        self,
        p: Principal,
        measure_id: UUID,
        changes: EvaluationChanges,
        override_reason: str | None = None,
    ) -> Evaluation:
        uow_ = self._read(p)
        sent = _fields(changes)
        values: dict[str, Any] = {"aspects": frozenset(), "method": "", "performer": None}
        ev = Evaluation(id=uuid4(), unit_id=p.unit_id, measure_id=measure_id, **(values | sent))
        async with uow_ as uow:
            m = await uow.measures.get(measure_id)
            self._follow_up(p, m)
            if m.stage not in OPEN_FOR_EVALUATION:
                raise MeasureNotRunning(
                    f"The measure is {m.stage.value}: evaluations need a decided or running measure."
                )
            ev = self._completed(typed_evaluation(ev), "completed_on" in sent)
            ev.check()
            await self._screen(uow, p, m.id, {"findings": ev.findings}, override_reason)
            await uow.evaluations.add(ev)
            await uow.commit()
        return ev

    async def update_evaluation(
        self,
        p: Principal,
        id: UUID,
        changes: EvaluationChanges,
        expected_version: int | None,
        override_reason: str | None = None,
    ) -> Evaluation:
        uow_ = self._read(p)
        sent = _fields(changes)
        async with uow_ as uow:
            old = await uow.evaluations.get(id)
            self._follow_up(p, await uow.measures.get(old.measure_id))
            expected = expect_version(old.version, expected_version)
            if old.completed and sent.get("conclusion", UNSET) is None:
                raise EvaluationCompleted("A completed evaluation keeps a conclusion.")
            new = dataclasses.replace(old, **sent, version=old.version + 1)
            new = self._completed(typed_evaluation(new), "completed_on" in sent)
            new.check()
            if "findings" in sent:
                await self._screen(
                    uow, p, new.measure_id, {"findings": new.findings}, override_reason
                )
            await uow.evaluations.update(new, expected)
            await uow.commit()
        return new

    def _completed(self, ev: Evaluation, dated: bool) -> Evaluation:
        """A conclusion completes the evaluation today unless a day (not a future one) was given."""
        today = self._clock.today()
        if dated and ev.completed_on is not None and ev.completed_on > today:
            raise ValidationFailed.single(
                "completedOn", "in-future", "An evaluation is completed today or earlier."
            )
        if ev.conclusion is not None and ev.completed_on is None:
            return dataclasses.replace(ev, completed_on=today)
        return ev

    async def delete_evaluation(self, p: Principal, id: UUID, expected_version: int | None) -> None:
        async with self._read(p) as uow:
            old = await uow.evaluations.get(id)
            self._follow_up(p, await uow.measures.get(old.measure_id))
            if old.completed:
                raise EvaluationCompleted("A completed evaluation is part of the measure's record.")
            expected = expect_version(old.version, expected_version)
            await uow.reports.remove(id)
            await uow.evaluations.delete(id, expected)
            await uow.commit()

    async def evaluations_due(self, p: Principal) -> tuple[DueEvaluation, ...]:
        """Not completed, due within 30 days or overdue, of measures not closed."""
        async with self._read(p) as uow:
            return await self._due(uow)
