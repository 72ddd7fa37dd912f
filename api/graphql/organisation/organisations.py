"""GraphQL, organisation context: the organisations aggregate (type, input, queries, mutations)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry

from api.graphql.organisation.context import org
from api.graphql.organisation.enums import OrganisationKind
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.pages import Page, page_of
from api.graphql.shared.problems import Deleted, DeleteResult, Problems
from api.graphql.shared.resolvers import I, guard, page_request, required, sent
from domain.organisation import model as m
from domain.organisation.filters import OrganisationFilter
from domain.organisation.organisations import OrganisationChanges


@strawberry.type
class Organisation:
    id: UUID
    name: str
    type: OrganisationKind  # type: ignore[valid-type]
    organisation_number: str | None
    municipality_number: str | None
    active: bool
    version: int

    @classmethod
    def of(cls, o: m.Organisation) -> Organisation:
        return from_domain(cls, o)


OrganisationResult = Annotated[Organisation | Problems, strawberry.union("OrganisationResult")]


@strawberry.input
class OrganisationInput:
    name: str | None = strawberry.UNSET
    type: OrganisationKind | None = strawberry.UNSET  # type: ignore[valid-type]
    organisation_number: str | None = strawberry.UNSET
    municipality_number: str | None = strawberry.UNSET
    active: bool | None = strawberry.UNSET


@strawberry.type
class OrganisationQuery:
    @strawberry.field
    async def organisations(
        self,
        info: I,
        q: str | None = None,
        type: OrganisationKind | None = None,  # type: ignore[valid-type]
        active: bool | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Page[Organisation]:
        page = await org(info.context).list_organisations(
            info.context.principal,
            OrganisationFilter(q=q, type=type, active=active),
            page_request(limit, cursor),
        )
        return page_of(page, Organisation.of)

    @strawberry.field
    async def organisation(self, info: I, id: UUID) -> Organisation:
        return Organisation.of(await org(info.context).get_organisation(info.context.principal, id))


@strawberry.type
class OrganisationMutation:
    @strawberry.mutation
    async def create_organisation(self, info: I, input: OrganisationInput) -> OrganisationResult:
        c, v = info.context, sent(input)

        async def run() -> Any:
            required(v, "name", "type")
            return await org(c).create_organisation(c.principal, **v)

        return await guard(run(), Organisation.of)

    @strawberry.mutation
    async def update_organisation(
        self, info: I, id: UUID, version: int, input: OrganisationInput
    ) -> OrganisationResult:
        c = info.context
        return await guard(
            org(c).update_organisation(
                c.principal, id, OrganisationChanges.from_mapping(sent(input)), version
            ),
            Organisation.of,
        )

    @strawberry.mutation
    async def delete_organisation(self, info: I, id: UUID, version: int) -> DeleteResult:
        c = info.context
        return await guard(
            org(c).delete_organisation(c.principal, id, version), lambda _: Deleted(id=id)
        )
