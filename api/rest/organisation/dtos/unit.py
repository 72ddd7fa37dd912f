"""REST DTOs of the unit, its establishment, organisation health, the picture and reference data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Update
from api.rest.inputs import IsoDate, optional, stated
from api.rest.organisation.dtos import fields
from api.rest.organisation.dtos.bodies import BodyRead
from domain.organisation.health import CheckCode, Severity
from domain.organisation.limits import FTE_MAX, FTE_MIN_EXCLUSIVE, LANGUAGE_PATTERN, REF_MAX
from domain.organisation.model import Level, UnitKind

if TYPE_CHECKING:
    from domain.organisation.service import OrganisationPicture


# A rule JSON Schema cannot state; said in words so clients know the entity checks it.
NOT_IN_FUTURE = Field(default=None, description="Not after today.")


class MunicipalityRead(Dto):
    number: str
    name: str
    county: str
    police_district: str


class PoliceDistrictRead(Dto):
    code: str
    name: str


class UnitRead(Dto):
    id: UUID
    name: str
    kind: UnitKind
    municipality_numbers: list[str]
    police_district: str
    oslo_district_number: str | None
    language: str
    version: int


class UnitUpdate(Update):
    name: str = fields.new_name()
    language: str = optional(pattern=LANGUAGE_PATTERN)


class EstablishmentRead(Dto):
    municipal_decision_date: date | None
    municipal_decision_ref: str | None
    police_confirmation_date: date | None
    police_confirmation_ref: str | None
    coordinator_person_id: UUID | None
    coordinator_fte: Decimal | None = Field(description="Share of a full-time position, 0–1.")
    police_contact_person_id: UUID | None
    is_established: bool
    version: int = Field(description="0 while nothing is recorded yet.")


class EstablishmentUpdate(Update):
    municipal_decision_date: IsoDate | None = NOT_IN_FUTURE
    municipal_decision_ref: str | None = fields.text(REF_MAX)
    police_confirmation_date: IsoDate | None = NOT_IN_FUTURE
    police_confirmation_ref: str | None = fields.text(REF_MAX)
    coordinator_person_id: UUID | None = None
    coordinator_fte: Decimal | None = Field(
        default=None,
        description="Share of a full-time position: above 0, at most 1, three decimals at most.",
        json_schema_extra=stated(exclusiveMinimum=float(FTE_MIN_EXCLUSIVE), maximum=float(FTE_MAX)),
    )
    police_contact_person_id: UUID | None = None


class HealthCheckRead(Dto):
    code: CheckCode
    severity: Severity
    ok: bool
    body_id: UUID | None
    membership_id: UUID | None
    due: date | None


class HealthRead(Dto):
    ok: bool = Field(description="True when every required element is in place.")
    checks: list[HealthCheckRead]


class BodySummaryRead(Dto):
    body: BodyRead
    chair_person_id: UUID | None
    chair_name: str | None
    member_count: int


class PictureLevel(Dto):
    level: Level
    bodies: list[BodySummaryRead]


class PictureRead(Dto):
    unit: UnitRead
    levels: list[PictureLevel] = Field(
        description="Steering, coordinating, executive: top to bottom."
    )

    @classmethod
    def from_domain(cls, obj: object) -> Self:
        """The levels come as a mapping; the contract lists them in order, each with its level."""
        p: OrganisationPicture = obj  # type: ignore[assignment]
        levels = [
            PictureLevel(level=lvl, bodies=[BodySummaryRead.from_domain(s) for s in p.levels[lvl]])
            for lvl in Level
        ]
        return cls(unit=UnitRead.from_domain(p.unit), levels=levels)
