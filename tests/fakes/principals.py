"""Fakes room: principal builders (a person of a unit with roles or body seats; a machine client)."""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID, uuid4

from domain.shared.principal import BodyRole, Principal, PrincipalKind, Role, Scope


def person(
    unit: UUID,
    *roles: Role,
    body_roles: dict[UUID, BodyRole] | None = None,
    name: str = "Test Person",
    person_id: UUID | None = None,
) -> Principal:
    """A logged-in person of ``unit`` with the given unit roles and body seats (none: no rights)."""
    return Principal(
        kind=PrincipalKind.PERSON,
        subject_key=f"test:{uuid4().hex}",
        unit_id=unit,
        display_name=name,
        roles=frozenset(roles),
        body_roles=dict(body_roles or {}),
        assurance="high",
        person_id=person_id or uuid4(),
    )


def coordinator(unit: UUID) -> Principal:
    return person(unit, Role.COORDINATOR, name="Kari Koordinator")


def unit_admin(unit: UUID) -> Principal:
    return person(unit, Role.UNIT_ADMIN, name="Arne Admin")


def police_contact(unit: UUID) -> Principal:
    return person(unit, Role.POLICE_CONTACT, name="Petter Politikontakt")


def steering_reader(unit: UUID) -> Principal:
    return person(unit, Role.STEERING_READER, name="Stine Styring")


def body_member(unit: UUID, body_id: UUID, role: BodyRole = BodyRole.MEMBER) -> Principal:
    return person(unit, body_roles={body_id: role}, name=f"Body {role.value}")


def machine(unit: UUID, scopes: Iterable[Scope | str] = ()) -> Principal:
    return Principal(
        kind=PrincipalKind.MACHINE,
        subject_key="0192:974760673",
        unit_id=unit,
        display_name="Machine client",
        scopes=frozenset(str(s) for s in scopes),
        client_id="test-client",
    )
