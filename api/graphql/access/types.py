"""GraphQL, access context: its types, results and inputs (accounts, machine clients, the log)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import strawberry

from api.graphql.shared.mapping import from_domain
from api.graphql.shared.problems import Problems
from domain.access import model as am
from domain.shared.principal import Role as DRole
from domain.shared.principal import Scope as DScope

Role = strawberry.enum(DRole, name="Role")
Scope = strawberry.enum(DScope, name="Scope")
ChangeAction = strawberry.enum(am.ChangeAction, name="AccessChangeAction")


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
