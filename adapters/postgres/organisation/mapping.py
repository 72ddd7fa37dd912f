"""Organisation room: database rows (asyncpg records, read by column name) to domain objects, and
the column lists the reads select. Enum values are looked up in a dict, not constructed."""

from __future__ import annotations

from typing import Any

from domain.organisation.model import (
    Body,
    Level,
    Membership,
    MembershipView,
    Organisation,
    OrganisationType,
    Person,
)
from domain.shared.principal import BodyRole

Row = Any

ORG_COLUMNS = (
    "organisation.id, organisation.unit_id, organisation.name, organisation.type, "
    "organisation.organisation_number, organisation.municipality_number, organisation.active, "
    "organisation.version"
)
PERSON_COLUMNS = (
    "person.id, person.unit_id, person.name, person.title, person.organisation_id, "
    "person.email, person.phone, person.version"
)
BODY_COLUMNS = (
    "body.id, body.unit_id, body.name, body.level, body.mandate, body.is_politiraad, "
    "body.meeting_norm_per_year, body.version"
)
MEMBERSHIP_COLUMNS = (
    "membership.id, membership.unit_id, membership.body_id, membership.person_id, "
    "membership.role, membership.organisation_id, membership.valid_from, membership.valid_to, "
    "membership.version"
)

_ORG_TYPES: dict[str, OrganisationType] = OrganisationType._value2member_map_  # type: ignore[assignment]
_LEVELS: dict[str, Level] = Level._value2member_map_  # type: ignore[assignment]
_ROLES: dict[str, BodyRole] = BodyRole._value2member_map_  # type: ignore[assignment]


def organisation(r: Row) -> Organisation:
    return Organisation(
        id=r["id"],
        unit_id=r["unit_id"],
        name=r["name"],
        type=_ORG_TYPES[r["type"]],
        organisation_number=r["organisation_number"],
        municipality_number=r["municipality_number"],
        active=r["active"],
        version=r["version"],
    )


def person(r: Row) -> Person:
    return Person(
        id=r["id"],
        unit_id=r["unit_id"],
        name=r["name"],
        title=r["title"],
        organisation_id=r["organisation_id"],
        email=r["email"],
        phone=r["phone"],
        version=r["version"],
    )


def body(r: Row) -> Body:
    return Body(
        id=r["id"],
        unit_id=r["unit_id"],
        name=r["name"],
        level=_LEVELS[r["level"]],
        mandate=r["mandate"],
        is_politiraad=r["is_politiraad"],
        meeting_norm_per_year=r["meeting_norm_per_year"],
        version=r["version"],
    )


def membership(r: Row) -> Membership:
    return Membership(
        id=r["id"],
        unit_id=r["unit_id"],
        body_id=r["body_id"],
        person_id=r["person_id"],
        role=_ROLES[r["role"]],
        organisation_id=r["organisation_id"],
        valid_from=r["valid_from"],
        valid_to=r["valid_to"],
        version=r["version"],
    )


def membership_view(r: Row) -> MembershipView:
    return MembershipView(
        membership=membership(r),
        person_name=r["person_name"],
        body_name=r["body_name"],
        organisation_name=r["organisation_name"],
    )
