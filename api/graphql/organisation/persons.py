"""GraphQL, organisation context: the persons aggregate (type, input, queries, mutations)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry

from api.graphql.organisation.context import loaders, org
from api.graphql.organisation.enums import OrganisationKind
from api.graphql.organisation.organisations import Organisation
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.pages import Page, page_of
from api.graphql.shared.problems import Deleted, DeleteResult, Problems
from api.graphql.shared.resolvers import I, guard, page_request, required, sent
from domain.organisation import model as m
from domain.organisation.filters import PersonFilter
from domain.organisation.persons import PersonChanges


@strawberry.type
class Person:
    id: UUID
    name: str
    title: str | None
    organisation_id: UUID | None
    email: str | None
    phone: str | None
    version: int

    @strawberry.field
    async def organisation(self, info: I) -> Organisation | None:
        if self.organisation_id is None:
            return None
        o = await loaders(info.context).organisation.load(self.organisation_id)
        return Organisation.of(o) if o else None

    @classmethod
    def of(cls, p: m.Person) -> Person:
        return from_domain(cls, p)


PersonResult = Annotated[Person | Problems, strawberry.union("PersonResult")]


@strawberry.input
class PersonInput:
    name: str | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    organisation_id: UUID | None = strawberry.UNSET
    email: str | None = strawberry.UNSET
    phone: str | None = strawberry.UNSET


@strawberry.type
class PersonQuery:
    @strawberry.field
    async def persons(
        self,
        info: I,
        q: str | None = None,
        organisation_id: UUID | None = None,
        organisation_type: OrganisationKind | None = None,  # type: ignore[valid-type]
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Page[Person]:
        page = await org(info.context).list_persons(
            info.context.principal,
            PersonFilter(q=q, organisation_id=organisation_id, organisation_type=organisation_type),
            page_request(limit, cursor),
        )
        return page_of(page, Person.of)

    @strawberry.field
    async def person(self, info: I, id: UUID) -> Person:
        return Person.of(await org(info.context).get_person(info.context.principal, id))


@strawberry.type
class PersonMutation:
    @strawberry.mutation
    async def create_person(self, info: I, input: PersonInput) -> PersonResult:
        c, v = info.context, sent(input)

        async def run() -> Any:
            required(v, "name")
            return await org(c).create_person(c.principal, **v)

        return await guard(run(), Person.of)

    @strawberry.mutation
    async def update_person(
        self, info: I, id: UUID, version: int, input: PersonInput
    ) -> PersonResult:
        c = info.context
        return await guard(
            org(c).update_person(c.principal, id, PersonChanges.from_mapping(sent(input)), version),
            Person.of,
        )

    @strawberry.mutation
    async def delete_person(self, info: I, id: UUID, version: int) -> DeleteResult:
        c = info.context
        return await guard(org(c).delete_person(c.principal, id, version), lambda _: Deleted(id=id))
