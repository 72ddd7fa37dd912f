"""GraphQL, organisation context: the bodies aggregate (type, input, queries, mutations)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any
from uuid import UUID

import strawberry

from api.graphql.organisation.context import loaders, org
from api.graphql.organisation.enums import Level
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.pages import Page, page_of
from api.graphql.shared.problems import Deleted, DeleteResult, Problems
from api.graphql.shared.resolvers import I, guard, page_request, required, sent
from domain.organisation import model as m
from domain.organisation.bodies import BodyChanges
from domain.organisation.filters import BodyFilter

if TYPE_CHECKING:
    from api.graphql.organisation.memberships import Membership

# Membership points back at Body: the lazy reference breaks the import cycle.
_Membership = Annotated["Membership", strawberry.lazy("api.graphql.organisation.memberships")]


@strawberry.type
class Body:
    id: UUID
    name: str
    level: Level  # type: ignore[valid-type]
    mandate: str | None
    is_politiraad: bool
    meeting_norm_per_year: int | None
    version: int

    @strawberry.field(
        description="Memberships, by person name; `activeOn` keeps those valid that day."
    )
    async def memberships(self, info: I, active_on: date | None = None) -> list[_Membership]:
        from api.graphql.organisation.memberships import Membership

        views = await loaders(info.context).memberships.load((self.id, active_on))
        return [Membership.of_view(v) for v in views]

    @classmethod
    def of(cls, b: m.Body) -> Body:
        return from_domain(cls, b)


BodyResult = Annotated[Body | Problems, strawberry.union("BodyResult")]


@strawberry.input
class BodyInput:
    name: str | None = strawberry.UNSET
    level: Level | None = strawberry.UNSET  # type: ignore[valid-type]
    mandate: str | None = strawberry.UNSET
    is_politiraad: bool | None = strawberry.UNSET
    meeting_norm_per_year: int | None = strawberry.UNSET


@strawberry.type
class BodyQuery:
    @strawberry.field
    async def bodies(
        self,
        info: I,
        q: str | None = None,
        level: Level | None = None,  # type: ignore[valid-type]
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Page[Body]:
        page = await org(info.context).list_bodies(
            info.context.principal, BodyFilter(q=q, level=level), page_request(limit, cursor)
        )
        return page_of(page, Body.of)

    @strawberry.field
    async def body(self, info: I, id: UUID) -> Body:
        return Body.of(await org(info.context).get_body(info.context.principal, id))


@strawberry.type
class BodyMutation:
    @strawberry.mutation
    async def create_body(self, info: I, input: BodyInput) -> BodyResult:
        c, v = info.context, sent(input)

        async def run() -> Any:
            required(v, "name", "level")
            return await org(c).create_body(c.principal, **v)

        return await guard(run(), Body.of)

    @strawberry.mutation
    async def update_body(self, info: I, id: UUID, version: int, input: BodyInput) -> BodyResult:
        c = info.context
        return await guard(
            org(c).update_body(c.principal, id, BodyChanges.from_mapping(sent(input)), version),
            Body.of,
        )

    @strawberry.mutation
    async def delete_body(self, info: I, id: UUID, version: int) -> DeleteResult:
        c = info.context
        return await guard(org(c).delete_body(c.principal, id, version), lambda _: Deleted(id=id))
