"""Repository tier: small builders of valid organisation rows for the contract cases."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid4

from domain.organisation.model import (
    Body,
    Level,
    Membership,
    Organisation,
    OrganisationType,
    Person,
)
from domain.shared.principal import BodyRole


def org(
    unit: UUID,
    name: str = "Fjell skole",
    type: OrganisationType = OrganisationType.SCHOOL,
    **kw: Any,
) -> Organisation:
    return Organisation(id=uuid4(), unit_id=unit, name=name, type=type, **kw)


def person(unit: UUID, name: str = "Kari Nordmann", **kw: Any) -> Person:
    return Person(id=uuid4(), unit_id=unit, name=name, **kw)


def body(
    unit: UUID, name: str = "Koordineringsgruppa", level: Level = Level.COORDINATING, **kw: Any
) -> Body:
    return Body(id=uuid4(), unit_id=unit, name=name, level=level, **kw)


def membership(
    b: Body,
    p: Person,
    start: date = date(2024, 1, 1),
    end: date | None = None,
    role: BodyRole = BodyRole.MEMBER,
    **kw: Any,
) -> Membership:
    return Membership(
        id=uuid4(),
        unit_id=b.unit_id,
        body_id=b.id,
        person_id=p.id,
        role=role,
        valid_from=start,
        valid_to=end,
        **kw,
    )
