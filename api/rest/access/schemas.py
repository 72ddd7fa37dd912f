"""REST DTOs of access administration: accounts, machine clients, the access log, the unit switch."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BeforeValidator, Field

from api.rest.dtos import Dto, Update
from api.rest.inputs import NOT_BLANK, optional, stated
from domain.access.model import CLIENT_NAME_MAX, ChangeAction
from domain.shared.principal import Role, Scope

IDENTITY_NUMBER = r"^[0-9]{11}$"
ORGANISATION_NUMBER = r"^[0-9]{9}$"

# Roles and scopes are sets in the domain; the wire lists them in order.
SortedRoles = Annotated[list[Role], BeforeValidator(sorted)]
SortedScopes = Annotated[list[Scope], BeforeValidator(sorted)]


class AccountRead(Dto):
    id: UUID
    roles: SortedRoles
    person_id: UUID | None = Field(description="The staff person the account is linked to.")
    person_name: str | None
    version: int
    created_at: datetime | None


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
    scopes: SortedScopes
    version: int
    created_at: datetime | None


class MachineClientCreate(Dto):
    organisation_number: str = Field(pattern=ORGANISATION_NUMBER)
    name: str = Field(
        min_length=1, max_length=CLIENT_NAME_MAX, json_schema_extra=stated(pattern=NOT_BLANK)
    )
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


class UnitSwitch(Dto):
    unit_id: UUID
