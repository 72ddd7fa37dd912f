"""GraphQL knowledge room: the changes — indicator definitions (create, update, delete) and an
import's commit and rollback, with REST's rules and problem codes. Uploads are REST-only."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry

from api.graphql.knowledge.queries import svc
from api.graphql.knowledge.types import ImportJob, Indicator
from api.graphql.shared.problems import Deleted, DeleteResult, Problems
from api.graphql.shared.resolvers import I, guard, required, sent
from domain.knowledge.indicators import CLEARABLE, IndicatorChange, IndicatorDraft

IndicatorResult = Annotated[Indicator | Problems, strawberry.union("IndicatorResult")]
ImportJobResult = Annotated[ImportJob | Problems, strawberry.union("ImportJobResult")]


@strawberry.input
class IndicatorInput:
    code: str | None = strawberry.UNSET
    name: str | None = strawberry.UNSET
    source: str | None = strawberry.UNSET
    category: str | None = strawberry.UNSET
    measure_unit: str | None = strawberry.UNSET
    factors: list[str] | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    higher_is_better: bool | None = strawberry.UNSET


def _values(inp: IndicatorInput) -> dict[str, Any]:
    v = sent(inp)
    if v.get("factors") is not None:
        v["factors"] = tuple(v["factors"])
    return v


def change_of(sent: dict[str, Any]) -> IndicatorChange:
    """The fields sent; a nullable one sent as null is cleared (as REST's PATCH)."""
    clear = frozenset(k for k in CLEARABLE if k in sent and sent[k] is None)
    return IndicatorChange(**{k: v for k, v in sent.items() if v is not None}, clear=clear)


@strawberry.type
class KnowledgeMutation:
    @strawberry.mutation
    async def create_indicator(self, info: I, input: IndicatorInput) -> IndicatorResult:
        v = _values(input)

        async def run() -> Any:
            required(v, "code", "name", "source", "category", "measure_unit")
            return await svc(info).create_indicator(info.context.principal, IndicatorDraft(**v))

        return await guard(run(), Indicator.of)

    @strawberry.mutation
    async def update_indicator(
        self, info: I, id: UUID, version: int, input: IndicatorInput
    ) -> IndicatorResult:
        async def run() -> Any:
            change = change_of(_values(input))
            return await svc(info).update_indicator(info.context.principal, id, change, version)

        return await guard(run(), Indicator.of)

    @strawberry.mutation
    async def delete_indicator(self, info: I, id: UUID, version: int) -> DeleteResult:
        call = svc(info).delete_indicator(info.context.principal, id, version)
        return await guard(call, lambda _: Deleted(id=id))

    @strawberry.mutation(description="Commit a previewed import (it runs again and writes).")
    async def commit_import(self, info: I, id: UUID, version: int) -> ImportJobResult:
        async def run() -> Any:
            job = await svc(info).commit(info.context.principal, id, version)
            info.context.services.import_runner.schedule(job)
            return job

        return await guard(run(), ImportJob.of)

    @strawberry.mutation(description="Run an interrupted import again on its kept file.")
    async def retry_import(self, info: I, id: UUID, version: int) -> ImportJobResult:
        async def run() -> Any:
            job = await svc(info).retry(info.context.principal, id, version)
            info.context.services.import_runner.schedule(job)
            return job

        return await guard(run(), ImportJob.of)

    @strawberry.mutation(description="Undo the latest committed import of its kind.")
    async def rollback_import(self, info: I, id: UUID, version: int) -> ImportJobResult:
        call = svc(info).rollback(info.context.principal, id, version)
        return await guard(call, ImportJob.of)
