"""Measures domain room: batch reads for the GraphQL DataLoaders — several measures' history and
notes at once (evaluations: ``evaluations_of_measures``), each use case one statement whatever
the number of measures (another unit's or an unknown id simply finds nothing). A timeline is
``reads.timeline_of`` over these."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar
from uuid import UUID

from domain.measures.base import UseCases
from domain.measures.history import ProgressNote, StageChange
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
