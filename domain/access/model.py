"""Access administration's model: accounts with unit roles, registered machine clients, the change log."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from domain.shared import identity_number
from domain.shared.errors import Conflict, Errors
from domain.shared.principal import Role, Scope
from domain.shared.validation import organisation_number_ok, plain

CLIENT_NAME_MAX = 200
# The machine identity provider names a consumer by ISO 6523 "0192" (Norwegian organisation number).
CONSUMER_PREFIX = "0192:"


class LastUnitAdmin(Conflict):
    """The change would leave a unit that has a unit admin without one."""

    code = "last-unit-admin"
    title = "The unit must keep a unit admin"


class AccountExists(Conflict):
    code = "account-exists"
    title = "That person already has access to the unit"


class ClientExists(Conflict):
    code = "client-exists"
    title = "That organisation is already registered as a client of the unit"


class ChangeAction(enum.StrEnum):
    ACCOUNT_GRANTED = "account_granted"
    ROLES_CHANGED = "roles_changed"
    ACCOUNT_REVOKED = "account_revoked"
    CLIENT_REGISTERED = "client_registered"
    CLIENT_REVOKED = "client_revoked"


@dataclass(frozen=True, slots=True, kw_only=True)
class Account:
    """A person's access to one unit. The person is known by a keyed hash of their identity
    number, which never leaves the adapters; here only the linked staff ``Person`` names them."""

    id: UUID
    unit_id: UUID
    roles: frozenset[Role]
    person_id: UUID | None = None
    person_name: str | None = None
    version: int = 1
    created_at: datetime | None = None

    @property
    def is_admin(self) -> bool:
        return Role.UNIT_ADMIN in self.roles


@dataclass(frozen=True, slots=True, kw_only=True)
class MachineClient:
    """An organisation whose machine tokens act in this unit, within ``scopes``."""

    unit_id: UUID
    organisation_number: str
    name: str
    scopes: frozenset[Scope]
    version: int = 1
    created_at: datetime | None = None

    @property
    def consumer_id(self) -> str:
        return f"{CONSUMER_PREFIX}{self.organisation_number}"


@dataclass(frozen=True, slots=True, kw_only=True)
class AccessChange:
    """One line of the unit's access log: who changed what, and when."""

    id: UUID
    at: datetime
    action: ChangeAction
    actor_person_id: UUID | None
    actor_name: str
    target_name: str | None = None
    account_id: UUID | None = None
    organisation_number: str | None = None
    roles: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()


def roles_of(errors: Errors, values: Iterable[str], *, person_id: UUID | None) -> frozenset[Role]:
    """The unit roles named, each known; none at all only for a linked person (whose seats on
    bodies give access), else the account would let its holder do nothing."""
    known = {r.value: r for r in Role}
    roles: set[Role] = set()
    for value in values:
        if value not in known:
            errors.add("roles", "unknown-role", f"Unknown role {value[:40]!r}.")
        else:
            roles.add(known[value])
    if not roles and person_id is None and not errors.items:
        errors.add("roles", "required", "Give at least one role, or link the account to a person.")
    return frozenset(roles)


def scopes_of(errors: Errors, values: Iterable[str]) -> frozenset[Scope]:
    known = {s.value: s for s in Scope}
    scopes: set[Scope] = set()
    for value in values:
        if value not in known:
            errors.add("scopes", "unknown-scope", f"Unknown scope {value[:60]!r}.")
        else:
            scopes.add(known[value])
    if not scopes and not errors.items:
        errors.add("scopes", "required", "Give at least one scope.")
    return frozenset(scopes)


def check_identity_number(errors: Errors, value: str) -> None:
    """A valid national identity number (birth, D-, H- or synthetic number); never echoed back."""
    if not value.strip():
        errors.add("identityNumber", "required", "This field is required.")
    elif identity_number.parse(value.strip()) is None:
        errors.add("identityNumber", "invalid", "Not a valid national identity number.")


def check_client(errors: Errors, organisation_number: str, name: str) -> None:
    if not organisation_number_ok(organisation_number):
        errors.add(
            "organisationNumber", "invalid", "Not a valid organisation number (9 digits, mod 11)."
        )
    if not name.strip():
        errors.add("name", "required", "This field is required.")
    elif len(name) > CLIENT_NAME_MAX:
        errors.add(
            "name", "too-long", f"At most {CLIENT_NAME_MAX} characters.", {"max": CLIENT_NAME_MAX}
        )
    elif not plain(name):
        errors.add("name", "control-characters", "Control characters are not allowed.")
