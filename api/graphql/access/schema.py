"""GraphQL: access administration (unit admins only) — the same use cases, rules and errors as
REST's /api/access, merged into the schema's Query and Mutation."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.problems import Problems, problem_of
from domain.access import model as am
from domain.access.service import CHANGES_MAX, AccessService
from domain.shared.errors import DomainError
from domain.shared.principal import Role as DRole
from domain.shared.principal import Scope as DScope

I = Info[Context, None]  # noqa: E741

Role = strawberry.enum(DRole, name="Role")
Scope = strawberry.enum(DScope, name="Scope")
ChangeAction = strawberry.enum(am.ChangeAction, name="AccessChangeAction")


def _svc(info: I) -> AccessService:
    request: Any = info.context.request
    return request.app.state.container.access  # type: ignore[no-any-return]


@strawberry.type
class AccessAccount:
    id: UUID
    roles: list[Role]  # type: ignore[valid-type]
    person_id: UUID | None
    person_name: str | None
    version: int
    created_at: datetime | None

    @classmethod
    def of(cls, a: am.Account) -> AccessAccount:
        return from_domain(cls, a)


@strawberry.type
class MachineClient:
    organisation_number: str
    name: str
    scopes: list[Scope]  # type: ignore[valid-type]
    version: int
    created_at: datetime | None

    @classmethod
    def of(cls, c: am.MachineClient) -> MachineClient:
        return from_domain(cls, c)


@strawberry.type
class AccessChange:
    id: UUID
    at: datetime
    action: ChangeAction  # type: ignore[valid-type]
    actor_person_id: UUID | None
    actor_name: str
    target_name: str | None
    account_id: UUID | None
    organisation_number: str | None
    roles: list[str]
    scopes: list[str]

    @classmethod
    def of(cls, c: am.AccessChange) -> AccessChange:
        return from_domain(cls, c)


AccountResult = Annotated[AccessAccount | Problems, strawberry.union("AccountResult")]
MachineClientResult = Annotated[MachineClient | Problems, strawberry.union("MachineClientResult")]


@strawberry.type
class Revoked:
    ok: bool


RevokeResult = Annotated[Revoked | Problems, strawberry.union("RevokeResult")]


@strawberry.input
class GrantInput:
    identity_number: str
    roles: list[Role]  # type: ignore[valid-type]
    person_id: UUID | None = None


@strawberry.input
class AccountChangeInput:
    roles: list[Role] | None = strawberry.UNSET  # type: ignore[valid-type]
    person_id: UUID | None = strawberry.UNSET


@strawberry.input
class MachineClientInput:
    organisation_number: str
    name: str
    scopes: list[Scope]  # type: ignore[valid-type]


@strawberry.type
class AccessQuery:
    @strawberry.field(description="Everyone with access to the unit (unit admin only).")
    async def access_accounts(self, info: I) -> list[AccessAccount]:
        return [AccessAccount.of(a) for a in await _svc(info).accounts(info.context.principal)]

    @strawberry.field(description="Organisations registered as machine clients of the unit.")
    async def machine_clients(self, info: I) -> list[MachineClient]:
        return [MachineClient.of(c) for c in await _svc(info).clients(info.context.principal)]

    @strawberry.field(description="The access log, newest first.")
    async def access_changes(self, info: I, limit: int = 50) -> list[AccessChange]:
        limit = max(1, min(limit, CHANGES_MAX))
        return [AccessChange.of(c) for c in await _svc(info).changes(info.context.principal, limit)]


@strawberry.type
class AccessMutation:
    @strawberry.mutation(description="Give a person access to the unit with roles.")
    async def grant_access(self, info: I, input: GrantInput) -> AccountResult:
        try:
            a = await _svc(info).grant(
                info.context.principal,
                identity_number=input.identity_number,
                roles=list(input.roles),
                person_id=input.person_id,
            )
        except DomainError as exc:
            return problem_of(exc)
        return AccessAccount.of(a)

    @strawberry.mutation(description="Change an account's roles or linked person.")
    async def change_access(
        self, info: I, id: UUID, version: int, input: AccountChangeInput
    ) -> AccountResult:
        changes = {k: v for k, v in vars(input).items() if v is not strawberry.UNSET}
        if changes.get("roles", []) is None:
            changes["roles"] = []
        try:
            a = await _svc(info).change(info.context.principal, id, changes, version)
        except DomainError as exc:
            return problem_of(exc)
        return AccessAccount.of(a)

    @strawberry.mutation(description="Take a person's access to the unit away.")
    async def revoke_access(self, info: I, id: UUID, version: int) -> RevokeResult:
        try:
            await _svc(info).revoke(info.context.principal, id, version)
        except DomainError as exc:
            return problem_of(exc)
        return Revoked(ok=True)

    @strawberry.mutation(description="Register an organisation as a machine client with scopes.")
    async def register_machine_client(
        self, info: I, input: MachineClientInput
    ) -> MachineClientResult:
        try:
            c = await _svc(info).register_client(
                info.context.principal,
                organisation_number=input.organisation_number,
                name=input.name,
                scopes=list(input.scopes),
            )
        except DomainError as exc:
            return problem_of(exc)
        return MachineClient.of(c)

    @strawberry.mutation(description="Stop an organisation's machine tokens acting in the unit.")
    async def revoke_machine_client(
        self, info: I, organisation_number: str, version: int
    ) -> RevokeResult:
        try:
            await _svc(info).revoke_client(info.context.principal, organisation_number, version)
        except DomainError as exc:
            return problem_of(exc)
        return Revoked(ok=True)


# The names the root schema merges, as every context offers them.
Query = AccessQuery
Mutation = AccessMutation
