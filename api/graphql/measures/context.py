"""GraphQL, measures context: its service and its per-request DataLoaders (each a batch use case,
so a nested query costs a constant number of statements whatever the list lengths)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from strawberry.dataloader import DataLoader

from api.graphql.context import Context
from api.graphql.meetings.context import cut as cut  # the house's nested-list limit
from domain.measures.evaluation import Evaluation
from domain.measures.history import ProgressNote, StageChange
from domain.measures.service import MeasuresService
from domain.measures.views import MeasureView
from domain.shared.principal import Principal


def svc(ctx: Context) -> MeasuresService:
    return ctx.services.measures  # type: ignore[no-any-return]


def loaders(ctx: Context) -> Loaders:
    return ctx.scoped("measures", lambda: make_loaders(svc(ctx), ctx.principal))


@dataclass
class Loaders:
    measure: DataLoader[UUID, MeasureView | None]
    history: DataLoader[UUID, list[StageChange]]
    notes: DataLoader[UUID, list[ProgressNote]]
    evaluations: DataLoader[UUID, list[Evaluation]]


Batch = Callable[[Principal, Sequence[UUID]], Awaitable[dict[UUID, Any]]]


def make_loaders(s: MeasuresService, p: Principal) -> Loaders:
    def batch(fetch: Batch, missing: Callable[[], Any]) -> Any:
        async def load(ids: Sequence[UUID]) -> list[Any]:
            found = await fetch(p, list(dict.fromkeys(ids)))
            return [list(found[i]) if i in found else missing() for i in ids]

        return load

    def single(fetch: Batch) -> Any:
        async def load(ids: Sequence[UUID]) -> list[Any]:
            found = await fetch(p, list(dict.fromkeys(ids)))
            return [found.get(i) for i in ids]

        return load

    return Loaders(
        measure=DataLoader(single(s.measures_by_id)),
        history=DataLoader(batch(s.histories_of_measures, list)),
        notes=DataLoader(batch(s.notes_of_measures, list)),
        evaluations=DataLoader(batch(s.evaluations_of_measures, list)),
    )
