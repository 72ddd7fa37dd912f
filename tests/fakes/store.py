"""Fakes room: the in-memory 'database' every fake unit of work works on, and its reference data."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any
from uuid import UUID, uuid4

from domain.access.model import AccessChange, Account, MachineClient
from domain.organisation.model import (
    Body,
    Establishment,
    Membership,
    Municipality,
    Organisation,
    Person,
    PoliceDistrict,
    SltUnit,
    UnitKind,
)

MUNICIPALITIES: tuple[Municipality, ...] = (
    Municipality(number="0301", name="Oslo", county="Oslo", police_district="oslo"),
    Municipality(number="3105", name="Sarpsborg", county="Østfold", police_district="ost"),
    Municipality(number="3201", name="Bærum", county="Akershus", police_district="oslo"),
    Municipality(number="3301", name="Drammen", county="Buskerud", police_district="sor-ost"),
    Municipality(number="4640", name="Sogndal", county="Vestland", police_district="vest"),
    Municipality(number="4644", name="Luster", county="Vestland", police_district="vest"),
)
POLICE_DISTRICTS: tuple[PoliceDistrict, ...] = (
    PoliceDistrict(code="oslo", name="Oslo"),
    PoliceDistrict(code="ost", name="Øst"),
    PoliceDistrict(code="sor-ost", name="Sør-Øst"),
    PoliceDistrict(code="vest", name="Vest"),
)


@dataclasses.dataclass
class Tables:
    """Every unit's rows, keyed by id (establishments by unit id; accounts by id, machine
    clients by (unit id, organisation number), the access log as a list)."""

    units: dict[UUID, SltUnit] = dataclasses.field(default_factory=dict)
    establishments: dict[UUID, Establishment] = dataclasses.field(default_factory=dict)
    organisations: dict[UUID, Organisation] = dataclasses.field(default_factory=dict)
    persons: dict[UUID, Person] = dataclasses.field(default_factory=dict)
    bodies: dict[UUID, Body] = dataclasses.field(default_factory=dict)
    memberships: dict[UUID, Membership] = dataclasses.field(default_factory=dict)
    accounts: dict[UUID, Account] = dataclasses.field(default_factory=dict)
    person_keys: dict[UUID, str] = dataclasses.field(default_factory=dict)  # by account id
    clients: dict[tuple[UUID, str], MachineClient] = dataclasses.field(default_factory=dict)
    access_log: list[tuple[UUID, AccessChange]] = dataclasses.field(default_factory=list)

    def copy(self) -> Tables:
        # Entities are frozen dataclasses, so copying the containers is a full snapshot.
        return Tables(
            **{f.name: copy.copy(getattr(self, f.name)) for f in dataclasses.fields(self)}
        )


class FakeStore:
    """The shared in-memory 'database' behind every fake unit of work."""

    def __init__(self) -> None:
        self.tables = Tables()
        self.commits = 0
        self.municipalities: list[Municipality] = list(MUNICIPALITIES)
        self.police_districts: list[PoliceDistrict] = list(POLICE_DISTRICTS)

    def seed_unit(
        self,
        *,
        name: str = "SLT Drammen",
        kind: UnitKind = UnitKind.MUNICIPALITY,
        municipality_numbers: tuple[str, ...] = ("3301",),
        police_district: str = "sor-ost",
        oslo_district_number: str | None = None,
    ) -> SltUnit:
        unit = SltUnit(
            id=uuid4(),
            name=name,
            kind=kind,
            municipality_numbers=municipality_numbers,
            police_district=police_district,
            oslo_district_number=oslo_district_number,
        )
        unit.check()
        self.tables.units[unit.id] = unit
        return unit

    def put(self, *items: Any) -> None:
        """Seed rows directly (bypassing use cases and rules), e.g. a membership that ended long ago."""
        for item in items:
            match item:
                case SltUnit():
                    self.tables.units[item.id] = item
                case Establishment():
                    self.tables.establishments[item.unit_id] = item
                case Organisation():
                    self.tables.organisations[item.id] = item
                case Person():
                    self.tables.persons[item.id] = item
                case Body():
                    self.tables.bodies[item.id] = item
                case Membership():
                    self.tables.memberships[item.id] = item
                case _:
                    raise TypeError(f"cannot store {item!r}")
