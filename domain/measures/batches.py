"""Measures domain room: batch reads for the GraphQL DataLoaders — several measures' history,
notes and timelines at once, each use case a constant number of statements whatever the number
of measures (another unit's or an unknown id simply finds nothing)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar
from uuid import UUID

from domain.measures.base import UseCases
from domain.measures.history import ProgressNote, StageChange
from domain.measures.reads import timeline_of
from domain.measures.views import Timeline
from domain.shared.principal import Principal

R = TypeVar("R")


def _grouped(
    ids: Sequence[UUID], rows: Sequence[R], key: Callable[[R], UUID]
) -> dict[UUID, list[R]]:
    out: dict[UUID, list[R]] = {i: [] for i in ids}
    for r in rows:
        if key(r) in out:
            out[key(r)].append(r)
    return out


class BatchUseCases(UseCases):
    async def histories_of_measures(
        self, p: Principal, ids: Sequence[UUID]
    ) -> dict[UUID, tuple[StageChange, ...]]:
        """Each measure's stage history, in sequence order."""
        wanted = list(dict.fromkeys(ids))
        async with self._read(p) as uow:
            rows = await uow.history.of_measures(wanted) if wanted else []
        return {k: tuple(v) for k, v in _grouped(wanted, rows, lambda r: r.measure_id).items()}

    async def notes_of_measures(
        self, p: Principal, ids: Sequence[UUID]
    ) -> dict[UUID, tuple[ProgressNote, ...]]:
        """Each measure's progress notes, newest first."""
        wanted = list(dict.fromkeys(ids))
        async with self._read(p) as uow:
            rows = await uow.notes.of_measures(wanted) if wanted else []
        return {k: tuple(v) for k, v in _grouped(wanted, rows, lambda r: r.measure_id).items()}

    async def timelines_of_measures(
        self, p: Principal, ids: Sequence[UUID]
    ) -> dict[UUID, Timeline]:
        """Each readable measure's timeline, as ``timeline`` builds one."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        async with self._read(p) as uow:
            views = await self._views(uow, p, await uow.measures.get_many(wanted))
            found = [v.measure.id for v in views]
            steps = await uow.history.of_measures(found) if found else []
            evaluations = await uow.evaluations.of_measures(found) if found else []
            notes = await uow.notes.of_measures(found) if found else []
        by_step = _grouped(found, steps, lambda r: r.measure_id)
        by_evaluation = _grouped(found, evaluations, lambda r: r.measure_id)
        by_note = _grouped(found, notes, lambda r: r.measure_id)
        return {
            v.measure.id: timeline_of(
                v, by_step[v.measure.id], by_evaluation[v.measure.id], by_note[v.measure.id]
            )
            for v in views
        }
