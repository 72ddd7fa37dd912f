"""GraphQL, access context: access administration (unit admins only) — the same use cases, rules
and errors as REST's /api/access; its Query and Mutation are merged into the root schema."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import strawberry

from api.graphql.access.types import (
    AccessAccount,
    AccessChange,
    AccountChangeInput,
    AccountResult,
    GrantInput,
    MachineClient,
    MachineClientInput,
    MachineClientResult,
    Revoked,
    RevokeResult,
)
from api.graphql.shared.resolvers import I, guard, sent
from domain.access.service import CHANGES_MAX, AccessService, AccountChanges


def _svc(info: I) -> AccessService:
    request: Any = info.context.request
    return request.app.state.container.access  # type: ignore[no-any-return]


def _revoked(_: None) -> Revoked:
    return Revoked(ok=True)


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
        grant = _svc(info).grant(
            info.context.principal,
            identity_number=input.identity_number,
            roles=list(input.roles),
            person_id=input.person_id,
        )
        return await guard(grant, AccessAccount.of)

    @strawberry.mutation(description="Change an account's roles or linked person.")
    async def change_access(
        self, info: I, id: UUID, version: int, input: AccountChangeInput
    ) -> AccountResult:
        changes = sent(input)
        if changes.get("roles", []) is None:
            changes["roles"] = []
        change = _svc(info).change(
            info.context.principal, id, AccountChanges.from_mapping(changes), version
        )
        return await guard(change, AccessAccount.of)

    @strawberry.mutation(description="Take a person's access to the unit away.")
    async def revoke_access(self, info: I, id: UUID, version: int) -> RevokeResult:
        return await guard(_svc(info).revoke(info.context.principal, id, version), _revoked)

    @strawberry.mutation(description="Register an organisation as a machine client with scopes.")
    async def register_machine_client(
        self, info: I, input: MachineClientInput
    ) -> MachineClientResult:
        register = _svc(info).register_client(
            info.context.principal,
            organisation_number=input.organisation_number,
            name=input.name,
            scopes=list(input.scopes),
        )
        return await guard(register, MachineClient.of)

    @strawberry.mutation(description="Stop an organisation's machine tokens acting in the unit.")
    async def revoke_machine_client(
        self, info: I, organisation_number: str, version: int
    ) -> RevokeResult:
        c = info.context
        return await guard(
            _svc(info).revoke_client(c.principal, organisation_number, version), _revoked
        )


# The names the root schema merges, as every context offers them.
Query = AccessQuery
Mutation = AccessMutation
