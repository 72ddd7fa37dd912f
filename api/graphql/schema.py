"""The GraphQL schema: queries and mutations over the organisation use cases, plus the limits.

Limits (depth, aliases, tokens) are built once as validation rules so Strawberry's validation
cache keeps working (building limiter extensions per request made small queries 12x slower).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar
from uuid import UUID

import strawberry
from graphql import ExecutionResult, GraphQLError
from starlette.responses import Response
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, ParserCache, ValidationCache
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse
from strawberry.tools import merge_types
from strawberry.types import Info

from api.graphql.access.schema import AccessMutation, AccessQuery
from api.graphql.context import Context, get_context
from api.graphql.cost import create_cost_rule
from api.graphql.error_log import Schema
from api.graphql.organisation import types as t
from api.graphql.organisation.terms import TermMutations, answer
from api.graphql.transport import JsonRefusals
from api.outage import RETRY_AFTER_SECONDS, is_unavailable
from domain.organisation.filters import (
    BodyFilter,
    MembershipFilter,
    OrganisationFilter,
    PersonFilter,
)
from domain.organisation.model import Level
from domain.organisation.service import OrganisationPicture
from domain.shared.changes import camel
from domain.shared.errors import DomainError, Errors, ValidationFailed
from domain.shared.pagination import PageRequest

log = logging.getLogger("samordna.graphql")
X = TypeVar("X")
I = Info[Context, None]  # noqa: E741


def _page(limit: int | None, cursor: str | None) -> PageRequest:
    return PageRequest.of(limit, cursor)


def _picture(p: OrganisationPicture) -> t.Picture:
    return t.Picture(
        unit=t.Unit.of(p.unit),
        levels=[
            t.PictureLevel(
                level=lvl,
                bodies=[
                    t.BodySummary(
                        body=t.Body.of(s.body),
                        chair_person_id=s.chair_person_id,
                        chair_name=s.chair_name,
                        member_count=s.member_count,
                    )
                    for s in p.levels[lvl]
                ],
            )
            for lvl in Level
        ],
    )


@strawberry.type
class Query:
    @strawberry.field(description="The caller's SLT unit.")
    async def unit(self, info: I) -> t.Unit:
        return t.Unit.of(await info.context.svc.unit(info.context.principal))

    @strawberry.field(description="The establishment record.")
    async def establishment(self, info: I) -> t.Establishment:
        return t.Establishment.of(await info.context.svc.establishment(info.context.principal))

    @strawberry.field(
        description="Organisation health: each requirement of the SLT model, met or not."
    )
    async def health(self, info: I) -> t.Health:
        h = await info.context.svc.health(info.context.principal)
        return t.Health(ok=h.ok, checks=[t.HealthCheck.of(c) for c in h.checks])

    @strawberry.field(description="The three-level picture.")
    async def picture(self, info: I) -> t.Picture:
        return _picture(await info.context.svc.picture(info.context.principal))

    @strawberry.field
    async def municipalities(self, info: I) -> list[t.Municipality]:
        return [
            t.Municipality(
                number=x.number, name=x.name, county=x.county, police_district=x.police_district
            )
            for x in await info.context.svc.municipalities(info.context.principal)
        ]

    @strawberry.field
    async def police_districts(self, info: I) -> list[t.PoliceDistrict]:
        return [
            t.PoliceDistrict(code=x.code, name=x.name)
            for x in await info.context.svc.police_districts(info.context.principal)
        ]

    @strawberry.field
    async def organisations(
        self,
        info: I,
        q: str | None = None,
        type: t.OrganisationKind | None = None,  # type: ignore[valid-type]
        active: bool | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> t.OrganisationPage:
        page = await info.context.svc.list_organisations(
            info.context.principal,
            OrganisationFilter(q=q, type=type, active=active),
            _page(limit, cursor),
        )
        return t.OrganisationPage(
            items=[t.Organisation.of(o) for o in page.items],
            total=page.total,
            next_cursor=page.next_cursor,
        )

    @strawberry.field
    async def organisation(self, info: I, id: UUID) -> t.Organisation:
        return t.Organisation.of(
            await info.context.svc.get_organisation(info.context.principal, id)
        )

    @strawberry.field
    async def persons(
        self,
        info: I,
        q: str | None = None,
        organisation_id: UUID | None = None,
        organisation_type: t.OrganisationKind | None = None,  # type: ignore[valid-type]
        limit: int | None = None,
        cursor: str | None = None,
    ) -> t.PersonPage:
        page = await info.context.svc.list_persons(
            info.context.principal,
            PersonFilter(q=q, organisation_id=organisation_id, organisation_type=organisation_type),
            _page(limit, cursor),
        )
        return t.PersonPage(
            items=[t.Person.of(x) for x in page.items],
            total=page.total,
            next_cursor=page.next_cursor,
        )

    @strawberry.field
    async def person(self, info: I, id: UUID) -> t.Person:
        return t.Person.of(await info.context.svc.get_person(info.context.principal, id))

    @strawberry.field
    async def bodies(
        self,
        info: I,
        q: str | None = None,
        level: t.Level | None = None,  # type: ignore[valid-type]
        limit: int | None = None,
        cursor: str | None = None,
    ) -> t.BodyPage:
        page = await info.context.svc.list_bodies(
            info.context.principal, BodyFilter(q=q, level=level), _page(limit, cursor)
        )
        return t.BodyPage(
            items=[t.Body.of(x) for x in page.items], total=page.total, next_cursor=page.next_cursor
        )

    @strawberry.field
    async def body(self, info: I, id: UUID) -> t.Body:
        return t.Body.of(await info.context.svc.get_body(info.context.principal, id))

    @strawberry.field
    async def memberships(
        self,
        info: I,
        body_id: UUID | None = None,
        person_id: UUID | None = None,
        organisation_id: UUID | None = None,
        role: t.BodyRole | None = None,
        active_on: date | None = None,  # type: ignore[valid-type]
        limit: int | None = None,
        cursor: str | None = None,
    ) -> t.MembershipPage:
        f = MembershipFilter(
            body_id=body_id,
            person_id=person_id,
            organisation_id=organisation_id,
            role=role,
            active_on=active_on,
        )
        page = await info.context.svc.list_memberships(
            info.context.principal, f, _page(limit, cursor)
        )
        return t.MembershipPage(
            items=[t.Membership.of_view(v) for v in page.items],
            total=page.total,
            next_cursor=page.next_cursor,
        )

    @strawberry.field
    async def membership(self, info: I, id: UUID) -> t.Membership:
        return t.Membership.of_view(
            await info.context.svc.get_membership_view(info.context.principal, id)
        )


# -- inputs (UNSET = not sent, so updates change only what the client names) -------------------


@strawberry.input
class OrganisationInput:
    name: str | None = strawberry.UNSET
    type: t.OrganisationKind | None = strawberry.UNSET  # type: ignore[valid-type]
    organisation_number: str | None = strawberry.UNSET
    municipality_number: str | None = strawberry.UNSET
    active: bool | None = strawberry.UNSET


@strawberry.input
class PersonInput:
    name: str | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    organisation_id: UUID | None = strawberry.UNSET
    email: str | None = strawberry.UNSET
    phone: str | None = strawberry.UNSET


@strawberry.input
class BodyInput:
    name: str | None = strawberry.UNSET
    level: t.Level | None = strawberry.UNSET  # type: ignore[valid-type]
    mandate: str | None = strawberry.UNSET
    is_politiraad: bool | None = strawberry.UNSET
    meeting_norm_per_year: int | None = strawberry.UNSET


@strawberry.input
class MembershipInput:
    role: t.BodyRole | None = strawberry.UNSET  # type: ignore[valid-type]
    organisation_id: UUID | None = strawberry.UNSET
    valid_from: date | None = strawberry.UNSET
    valid_to: date | None = strawberry.UNSET


@strawberry.input
class NewMembershipInput:
    body_id: UUID
    person_id: UUID
    role: t.BodyRole  # type: ignore[valid-type]
    organisation_id: UUID | None = None
    valid_from: date | None = None
    valid_to: date | None = None


@strawberry.input
class UnitInput:
    name: str | None = strawberry.UNSET
    language: str | None = strawberry.UNSET


@strawberry.input
class EstablishmentInput:
    municipal_decision_date: date | None = strawberry.UNSET
    municipal_decision_ref: str | None = strawberry.UNSET
    police_confirmation_date: date | None = strawberry.UNSET
    police_confirmation_ref: str | None = strawberry.UNSET
    coordinator_person_id: UUID | None = strawberry.UNSET
    coordinator_fte: Decimal | None = strawberry.UNSET
    police_contact_person_id: UUID | None = strawberry.UNSET


def _set(inp: Any) -> dict[str, Any]:
    return {k: v for k, v in vars(inp).items() if v is not strawberry.UNSET}


def _required(values: dict[str, Any], *names: str) -> None:
    errors = Errors()
    for n in names:
        if values.get(n) in (None, ""):
            errors.add(camel(n), "required", "This field is required.")
    errors.raise_if_any()


async def _guard(call: Awaitable[X], wrap: Callable[[X], Any]) -> Any:
    try:
        return wrap(await call)
    except DomainError as exc:
        return t.problem_of(exc)


@strawberry.type
class Mutation(TermMutations):
    @strawberry.mutation
    async def update_unit(self, info: I, version: int, input: UnitInput) -> t.UnitResult:
        c = info.context
        return await _guard(c.svc.update_unit(c.principal, _set(input), version), t.Unit.of)

    @strawberry.mutation
    async def update_establishment(
        self, info: I, version: int, input: EstablishmentInput
    ) -> t.EstablishmentResult:
        c = info.context
        return await _guard(
            c.svc.update_establishment(c.principal, _set(input), version), t.Establishment.of
        )

    @strawberry.mutation
    async def create_organisation(self, info: I, input: OrganisationInput) -> t.OrganisationResult:
        c, v = info.context, _set(input)

        async def run() -> Any:
            _required(v, "name", "type")
            return await c.svc.create_organisation(c.principal, **v)

        return await _guard(run(), t.Organisation.of)

    @strawberry.mutation
    async def update_organisation(
        self, info: I, id: UUID, version: int, input: OrganisationInput
    ) -> t.OrganisationResult:
        c = info.context
        return await _guard(
            c.svc.update_organisation(c.principal, id, _set(input), version), t.Organisation.of
        )

    @strawberry.mutation
    async def delete_organisation(self, info: I, id: UUID, version: int) -> t.DeleteResult:
        c = info.context
        return await _guard(
            c.svc.delete_organisation(c.principal, id, version), lambda _: t.Deleted(id=id)
        )

    @strawberry.mutation
    async def create_person(self, info: I, input: PersonInput) -> t.PersonResult:
        c, v = info.context, _set(input)

        async def run() -> Any:
            _required(v, "name")
            return await c.svc.create_person(c.principal, **v)

        return await _guard(run(), t.Person.of)

    @strawberry.mutation
    async def update_person(
        self, info: I, id: UUID, version: int, input: PersonInput
    ) -> t.PersonResult:
        c = info.context
        return await _guard(c.svc.update_person(c.principal, id, _set(input), version), t.Person.of)

    @strawberry.mutation
    async def delete_person(self, info: I, id: UUID, version: int) -> t.DeleteResult:
        c = info.context
        return await _guard(
            c.svc.delete_person(c.principal, id, version), lambda _: t.Deleted(id=id)
        )

    @strawberry.mutation
    async def create_body(self, info: I, input: BodyInput) -> t.BodyResult:
        c, v = info.context, _set(input)

        async def run() -> Any:
            _required(v, "name", "level")
            return await c.svc.create_body(c.principal, **v)

        return await _guard(run(), t.Body.of)

    @strawberry.mutation
    async def update_body(self, info: I, id: UUID, version: int, input: BodyInput) -> t.BodyResult:
        c = info.context
        return await _guard(c.svc.update_body(c.principal, id, _set(input), version), t.Body.of)

    @strawberry.mutation
    async def delete_body(self, info: I, id: UUID, version: int) -> t.DeleteResult:
        c = info.context
        return await _guard(c.svc.delete_body(c.principal, id, version), lambda _: t.Deleted(id=id))

    @strawberry.mutation
    async def add_membership(self, info: I, input: NewMembershipInput) -> t.MembershipResult:
        c = info.context
        return await answer(c, c.svc.add_membership(c.principal, **vars(input)))

    @strawberry.mutation
    async def update_membership(
        self, info: I, id: UUID, version: int, input: MembershipInput
    ) -> t.MembershipResult:
        c = info.context
        return await answer(c, c.svc.update_membership(c.principal, id, _set(input), version))

    @strawberry.mutation
    async def end_membership(
        self, info: I, id: UUID, version: int, on: date | None = None
    ) -> t.MembershipResult:
        c = info.context
        return await answer(c, c.svc.end_membership(c.principal, id, on, version))

    @strawberry.mutation
    async def delete_membership(self, info: I, id: UUID, version: int) -> t.DeleteResult:
        c = info.context
        return await _guard(
            c.svc.delete_membership(c.principal, id, version), lambda _: t.Deleted(id=id)
        )


def build_schema(
    *, max_depth: int = 10, max_aliases: int = 15, max_tokens: int = 2000, max_cost: int = 50_000
) -> strawberry.Schema:
    # The rule classes are created here, once: the validation cache is keyed on them, so the
    # per-request extension objects below (cheap wrappers) still hit it.
    rules = (depth_rule(max_depth, None, None), alias_rule(max_aliases), create_cost_rule(max_cost))
    return Schema(
        query=merge_types("Query", (Query, AccessQuery)),
        mutation=merge_types("Mutation", (Mutation, AccessMutation)),
        extensions=[
            lambda: AddValidationRules(list(rules)),
            lambda: MaxTokensLimiter(max_token_count=max_tokens),
            ParserCache,
            ValidationCache,
        ],
    )


class SamordnaGraphQLRouter(JsonRefusals, GraphQLRouter[Context, None]):
    """Renders errors with a stable ``extensions.code`` (the domain error code, as REST's problem
    ``type``) and masks anything unexpected, so no internals leak."""

    async def process_result(self, request: Any, result: ExecutionResult) -> GraphQLHTTPResponse:
        data: GraphQLHTTPResponse = {"data": result.data}
        if result.errors:
            data["errors"] = [_format_error(e) for e in result.errors]
        if result.extensions:
            data["extensions"] = result.extensions
        return data

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        # An unreachable database is a 503 with Retry-After, as over REST, not a 200 with errors.
        answers = response_data if isinstance(response_data, list) else [response_data]
        if any(
            (e.get("extensions") or {}).get("code") == "unavailable"
            for a in answers
            for e in a.get("errors") or []
        ):
            sub_response.status_code = 503
            sub_response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return super().create_response(response_data, sub_response)


def _format_error(error: GraphQLError) -> dict[str, Any]:
    original = error.original_error
    out = error.formatted
    if isinstance(original, DomainError):
        out["message"] = original.detail
        out["extensions"] = {"code": original.code}
        if isinstance(original, ValidationFailed):
            out["extensions"]["fieldErrors"] = [
                {"field": e.field, "code": e.code, "message": e.message} for e in original.errors
            ]
    elif original is not None and is_unavailable(original):
        out = {
            "message": "The database is out of reach. Try again shortly.",
            "path": error.path,
            "extensions": {"code": "unavailable"},
        }
    elif original is not None and error.path is None:
        # Raised while reading the request (an Int literal of 5,000 digits, a Date that is not
        # one), before anything ran: the client's input is wrong, not the server.
        out = {"message": error.message[:500], "extensions": {"code": "graphql-invalid"}}
    elif original is not None:  # logged by api.graphql.error_log
        out = {
            "message": "Internal error",
            "path": error.path,
            "extensions": {"code": "internal-error"},
        }
    else:
        out.setdefault("extensions", {})["code"] = "graphql-invalid"
    return out


def build_router(schema: strawberry.Schema, *, graphiql: bool) -> GraphQLRouter[Context, None]:
    return SamordnaGraphQLRouter(
        schema,
        context_getter=get_context,
        graphql_ide="graphiql" if graphiql else None,
        allow_queries_via_get=False,
    )
