"""GraphQL, organisation context: the memberships aggregate (type, inputs, queries, mutations)."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import date
from typing import Annotated, Any
from uuid import UUID

import strawberry

from api.graphql.context import Context
from api.graphql.organisation.bodies import Body
from api.graphql.organisation.context import loaders, org
from api.graphql.organisation.enums import BodyRole
from api.graphql.organisation.persons import Person
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.pages import Page, page_of
from api.graphql.shared.problems import Deleted, DeleteResult, Problems, problem_of
from api.graphql.shared.resolvers import I, guard, page_request, sent
from domain.organisation import model as m
from domain.organisation.filters import MembershipFilter
from domain.organisation.memberships import MembershipChanges
from domain.shared.errors import DomainError


@strawberry.type
class Membership:
    id: UUID
    body_id: UUID
    person_id: UUID
    role: BodyRole  # type: ignore[valid-type]
    organisation_id: UUID | None
    valid_from: date
    valid_to: date | None
    version: int
    person_name: str | None = None
    body_name: str | None = None
    organisation_name: str | None = None

    @strawberry.field
    async def person(self, info: I) -> Person | None:
        p = await loaders(info.context).person.load(self.person_id)
        return Person.of(p) if p else None

    @strawberry.field
    async def body(self, info: I) -> Body | None:
        b = await loaders(info.context).body.load(self.body_id)
        return Body.of(b) if b else None

    @classmethod
    def of_view(cls, v: m.MembershipView) -> Membership:
        return from_domain(cls, v.membership, **_names(v))


def _names(v: m.MembershipView) -> dict[str, str | None]:
    return {
        "person_name": v.person_name,
        "body_name": v.body_name,
        "organisation_name": v.organisation_name,
    }


MembershipResult = Annotated[Membership | Problems, strawberry.union("MembershipResult")]


async def named(c: Context, change: Awaitable[m.Membership]) -> m.MembershipView:
    """The changed membership read back with person, body and organisation names."""
    x = await change
    return await org(c).get_membership_view(c.principal, x.id)


async def answer(c: Context, change: Awaitable[m.Membership]) -> Any:
    """A membership mutation's result: the named membership (as REST answers), or the problem."""
    try:
        return Membership.of_view(await named(c, change))
    except DomainError as exc:
        return problem_of(exc)


@strawberry.input
class MembershipInput:
    role: BodyRole | None = strawberry.UNSET  # type: ignore[valid-type]
    organisation_id: UUID | None = strawberry.UNSET
    valid_from: date | None = strawberry.UNSET
    valid_to: date | None = strawberry.UNSET


@strawberry.input
class NewMembershipInput:
    body_id: UUID
    person_id: UUID
    role: BodyRole  # type: ignore[valid-type]
    organisation_id: UUID | None = None
    valid_from: date | None = None
    valid_to: date | None = None


@strawberry.type
class MembershipQuery:
    @strawberry.field
    async def memberships(
        self,
        info: I,
        body_id: UUID | None = None,
        person_id: UUID | None = None,
        organisation_id: UUID | None = None,
        role: BodyRole | None = None,  # type: ignore[valid-type]
        active_on: date | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Page[Membership]:
        f = MembershipFilter(
            body_id=body_id,
            person_id=person_id,
            organisation_id=organisation_id,
            role=role,
            active_on=active_on,
        )
        page = await org(info.context).list_memberships(
            info.context.principal, f, page_request(limit, cursor)
        )
        return page_of(page, Membership.of_view)

    @strawberry.field
    async def membership(self, info: I, id: UUID) -> Membership:
        return Membership.of_view(
            await org(info.context).get_membership_view(info.context.principal, id)
        )


@strawberry.type
class MembershipMutation:
    @strawberry.mutation
    async def add_membership(self, info: I, input: NewMembershipInput) -> MembershipResult:
        c = info.context
        return await answer(c, org(c).add_membership(c.principal, **vars(input)))

    @strawberry.mutation
    async def update_membership(
        self, info: I, id: UUID, version: int, input: MembershipInput
    ) -> MembershipResult:
        c = info.context
        return await answer(
            c,
            org(c).update_membership(
                c.principal, id, MembershipChanges.from_mapping(sent(input)), version
            ),
        )

    @strawberry.mutation
    async def end_membership(
        self, info: I, id: UUID, version: int, on: date | None = None
    ) -> MembershipResult:
        c = info.context
        return await answer(c, org(c).end_membership(c.principal, id, on, version))

    @strawberry.mutation
    async def delete_membership(self, info: I, id: UUID, version: int) -> DeleteResult:
        c = info.context
        return await guard(
            org(c).delete_membership(c.principal, id, version), lambda _: Deleted(id=id)
        )
