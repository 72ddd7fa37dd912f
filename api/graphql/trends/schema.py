"""GraphQL trends room: its Query and Mutation. ``trendTable`` logs the pull, so a query naming
it commits its own transaction instead of reading in the shared, rolled-back snapshot."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry

from api.graphql.context import OWN_TRANSACTION_FIELDS
from api.graphql.shared.problems import Problems
from api.graphql.shared.resolvers import I, guard
from api.graphql.trends.types import PublishedTrendTable, TrendCatalogue, TrendRelease
from domain.knowledge.periods import Period
from domain.shared.errors import ValidationFailed
from domain.trends.service import TrendsService

OWN_TRANSACTION_FIELDS.add("trendTable")
TrendReleaseResult = Annotated[TrendRelease | Problems, strawberry.union("TrendReleaseResult")]
PERIOD_MAX = 16


def svc(info: I) -> TrendsService:
    return info.context.services.trends  # type: ignore[no-any-return]


def _period(text: str) -> Period:
    if len(text) > PERIOD_MAX:
        raise ValidationFailed.single("period", "too-long", "Too long.", {"max": PERIOD_MAX})
    return Period.parse(text)


@strawberry.type
class Query:
    @strawberry.field(description="The TREND-A tables and the units the caller may pull from.")
    async def trend_catalogue(self, info: I) -> TrendCatalogue:
        return TrendCatalogue.of(await svc(info).catalogue(info.context.principal))

    @strawberry.field(
        description="One published table (latest revision unless asked), logged as a pull; "
        "the same cells as REST's frozen JSON body. No filters exist."
    )
    async def trend_table(
        self,
        info: I,
        table: str,
        period: str,
        unit: UUID | None = None,
        revision: int | None = None,
    ) -> PublishedTrendTable:
        body = await svc(info).pull(
            info.context.principal, table, unit, _period(period), revision, "json"
        )
        return PublishedTrendTable.of(body)

    @strawberry.field(description="The unit's releases with their audit and change log.")
    async def trend_releases(self, info: I) -> list[TrendRelease]:
        return [TrendRelease.of(r) for r in await svc(info).releases(info.context.principal)]


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Release every table of an ended half-year or year.")
    async def release_trends(self, info: I, period: str) -> TrendReleaseResult:
        async def run() -> Any:
            return await svc(info).release(info.context.principal, _period(period))

        return await guard(run(), TrendRelease.of)
