"""Fakes room: the database's constraints as the fakes enforce them, raising the domain errors
``adapters/postgres/constraints.py`` maps the same constraints to (checks, then unique and
exclusion rules, then references: PostgreSQL's own order)."""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from domain.organisation.model import Body, Establishment, Membership, Organisation, Person
from domain.shared.errors import (
    ChairOverlap,
    DuplicateName,
    InUse,
    MembershipOverlap,
    ValidationFailed,
)
from domain.shared.principal import BodyRole
from tests.fakes.store import Tables


def _unknown(field: str) -> ValidationFailed:
    return ValidationFailed.single(field, "unknown", "No such record in this unit.")


def _refers(rows: dict[UUID, object], unit_id: UUID, id: UUID | None) -> bool:
    row = rows.get(id) if id is not None else None
    return id is None or (row is not None and getattr(row, "unit_id", None) == unit_id)


def _unique_name(rows: Iterable[Organisation | Body], item: Organisation | Body) -> bool:
    """``ix_<table>_unit_name``: one ``lower(name)`` per unit."""
    return not any(
        r.unit_id == item.unit_id and r.id != item.id and r.name.lower() == item.name.lower()
        for r in rows
    )


def organisation(t: Tables, item: Organisation, municipalities: Iterable[str]) -> None:
    if not _unique_name(t.organisations.values(), item):
        raise DuplicateName("An organisation with that name already exists.")
    if item.municipality_number is not None and item.municipality_number not in municipalities:
        raise _unknown("municipalityNumber")


def person(t: Tables, item: Person) -> None:
    if not _refers(t.organisations, item.unit_id, item.organisation_id):  # type: ignore[arg-type]
        raise _unknown("organisationId")


def body(t: Tables, item: Body) -> None:
    if item.is_politiraad and item.level.value != "steering":
        raise ValidationFailed.single(
            "isPolitiraad", "steering-only", "A politiråd can only serve at the steering level."
        )
    if not _unique_name(t.bodies.values(), item):
        raise DuplicateName("A body with that name already exists.")


def membership(t: Tables, item: Membership) -> None:
    if item.valid_to is not None and item.valid_to < item.valid_from:
        raise ValidationFailed.single(
            "validTo", "before-start", "The end date is before the start date."
        )
    others = [
        m
        for m in t.memberships.values()
        if m.unit_id == item.unit_id and m.body_id == item.body_id and m.id != item.id
    ]
    if any(m.person_id == item.person_id and m.overlaps(item) for m in others):
        raise MembershipOverlap("The person is already a member of this body in that period.")
    if item.role is BodyRole.CHAIR and any(
        m.role is BodyRole.CHAIR and m.overlaps(item) for m in others
    ):
        raise ChairOverlap(
            "The body already has a chair in that period; hand over the chair instead."
        )
    for field, rows, id in (
        ("bodyId", t.bodies, item.body_id),
        ("organisationId", t.organisations, item.organisation_id),
        ("personId", t.persons, item.person_id),
    ):
        if not _refers(rows, item.unit_id, id):  # type: ignore[arg-type]
            raise _unknown(field)


def establishment(t: Tables, item: Establishment) -> None:
    for field, id in (
        ("coordinatorPersonId", item.coordinator_person_id),
        ("policeContactPersonId", item.police_contact_person_id),
    ):
        if not _refers(t.persons, item.unit_id, id):  # type: ignore[arg-type]
            raise _unknown(field)


def referenced(t: Tables, unit_id: UUID, table: str, id: UUID) -> bool:
    """Whether a foreign key still points at the row (PostgreSQL then refuses the delete)."""
    mine = [m for m in t.memberships.values() if m.unit_id == unit_id]
    match table:
        case "organisations":
            return any(
                p.unit_id == unit_id and p.organisation_id == id for p in t.persons.values()
            ) or any(m.organisation_id == id for m in mine)
        case "persons":
            est = t.establishments.get(unit_id)
            return (
                any(m.person_id == id for m in mine)
                or (
                    est is not None
                    and id in (est.coordinator_person_id, est.police_contact_person_id)
                )
                or any(a.unit_id == unit_id and a.person_id == id for a in t.accounts.values())
            )
        case "bodies":
            return any(m.body_id == id for m in mine)
    return False


def refuse_delete_if_referenced(t: Tables, unit_id: UUID, table: str, id: UUID) -> None:
    if referenced(t, unit_id, table, id):
        raise InUse("Other records still refer to this one; end or remove those first.")
