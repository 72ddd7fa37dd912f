"""REST DTOs of access administration: accounts, machine clients, the access log, the unit switch."""

from __future__ import annotations

from datetime import datetime
from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Update
from api.rest.inputs import optional
from domain.access.model import CLIENT_NAME_MAX, AccessChange, Account, ChangeAction, MachineClient
from domain.shared.principal import Role, Scope

IDENTITY_NUMBER = r"^[0-9]{11}$"
ORGANISATION_NUMBER = r"^[0-9]{9}$"


class AccountRead(Dto):
    id: UUID
    roles: list[Role]
    person_id: UUID | None = Field(description="The staff person the account is linked to.")
    person_name: str | None
    version: int
    created_at: datetime | None

    @classmethod
    def from_domain(cls, a: Account) -> Self:
        return cls(
            id=a.id,
            roles=sorted(a.roles),
            person_id=a.person_id,
            person_name=a.person_name,
            version=a.version,
            created_at=a.created_at,
        )


class AccountCreate(Dto):
    identity_number: str = Field(
        pattern=IDENTITY_NUMBER,
        description="The person's national identity number: hashed at once, never stored or shown.",
    )
    roles: list[Role] = Field(max_length=len(Role))
    person_id: UUID | None = Field(default=None, description="Link to a staff person (optional).")


class AccountUpdate(Update):
    roles: list[Role] = optional(max_length=len(Role))
    person_id: UUID | None = None


class MachineClientRead(Dto):
    organisation_number: str
    name: str
    scopes: list[Scope]
    version: int
    created_at: datetime | None

    @classmethod
    def from_domain(cls, c: MachineClient) -> Self:
        return cls(
            organisation_number=c.organisation_number,
            name=c.name,
            scopes=sorted(c.scopes),
            version=c.version,
            created_at=c.created_at,
        )


class MachineClientCreate(Dto):
    organisation_number: str = Field(pattern=ORGANISATION_NUMBER)
    name: str = Field(min_length=1, max_length=CLIENT_NAME_MAX)
    scopes: list[Scope] = Field(min_length=1, max_length=len(Scope))


class AccessChangeRead(Dto):
    id: UUID
    at: datetime
    action: ChangeAction
    actor_person_id: UUID | None
    actor_name: str
    target_name: str | None
    account_id: UUID | None
    organisation_number: str | None
    roles: list[str]
    scopes: list[str]

    @classmethod
    def from_domain(cls, c: AccessChange) -> Self:
        return cls(
            id=c.id,
            at=c.at,
            action=c.action,
            actor_person_id=c.actor_person_id,
            actor_name=c.actor_name,
            target_name=c.target_name,
            account_id=c.account_id,
            organisation_number=c.organisation_number,
            roles=list(c.roles),
            scopes=list(c.scopes),
        )


class UnitSwitch(Dto):
    unit_id: UUID
