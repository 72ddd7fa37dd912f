"""REST DTOs of the unit, its establishment, organisation health, the picture and reference data."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Update
from api.rest.inputs import IsoDate, optional
from api.rest.organisation.dtos.bodies import BodyRead
from domain.organisation import model as m
from domain.organisation.health import HealthCheck, OrganisationHealth
from domain.organisation.service import OrganisationPicture


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
    kind: m.UnitKind
    municipality_numbers: list[str]
    police_district: str
    oslo_district_number: str | None
    language: str
    version: int

    @classmethod
    def from_domain(cls, u: m.SltUnit) -> Self:
        return cls(
            id=u.id,
            name=u.name,
            kind=u.kind,
            municipality_numbers=list(u.municipality_numbers),
            police_district=u.police_district,
            oslo_district_number=u.oslo_district_number,
            language=u.language,
            version=u.version,
        )


class UnitUpdate(Update):
    name: str = optional(min_length=1, max_length=m.NAME_MAX)
    language: str = optional(pattern="^(nb|nn)$")


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

    @classmethod
    def from_domain(cls, e: m.Establishment) -> Self:
        return cls(
            municipal_decision_date=e.municipal_decision_date,
            municipal_decision_ref=e.municipal_decision_ref,
            police_confirmation_date=e.police_confirmation_date,
            police_confirmation_ref=e.police_confirmation_ref,
            coordinator_person_id=e.coordinator_person_id,
            coordinator_fte=e.coordinator_fte,
            police_contact_person_id=e.police_contact_person_id,
            is_established=e.is_established,
            version=e.version,
        )


class EstablishmentUpdate(Update):
    municipal_decision_date: IsoDate | None = None
    municipal_decision_ref: str | None = Field(default=None, max_length=m.REF_MAX)
    police_confirmation_date: IsoDate | None = None
    police_confirmation_ref: str | None = Field(default=None, max_length=m.REF_MAX)
    coordinator_person_id: UUID | None = None
    coordinator_fte: Decimal | None = None
    police_contact_person_id: UUID | None = None


class HealthCheckRead(Dto):
    code: str
    severity: str
    ok: bool
    body_id: UUID | None
    membership_id: UUID | None
    due: date | None

    @classmethod
    def from_domain(cls, c: HealthCheck) -> Self:
        return cls(
            code=c.code.value,
            severity=c.severity.value,
            ok=c.ok,
            body_id=c.body_id,
            membership_id=c.membership_id,
            due=c.due,
        )


class HealthRead(Dto):
    ok: bool = Field(description="True when every required element is in place.")
    checks: list[HealthCheckRead]

    @classmethod
    def from_domain(cls, h: OrganisationHealth) -> Self:
        return cls(ok=h.ok, checks=[HealthCheckRead.from_domain(c) for c in h.checks])


class BodySummaryRead(Dto):
    body: BodyRead
    chair_person_id: UUID | None
    chair_name: str | None
    member_count: int


class PictureLevel(Dto):
    level: m.Level
    bodies: list[BodySummaryRead]


class PictureRead(Dto):
    unit: UnitRead
    levels: list[PictureLevel] = Field(
        description="Steering, coordinating, executive: top to bottom."
    )

    @classmethod
    def from_domain(cls, p: OrganisationPicture) -> Self:
        return cls(
            unit=UnitRead.from_domain(p.unit),
            levels=[
                PictureLevel(
                    level=lvl,
                    bodies=[
                        BodySummaryRead(
                            body=BodyRead.from_domain(s.body),
                            chair_person_id=s.chair_person_id,
                            chair_name=s.chair_name,
                            member_count=s.member_count,
                        )
                        for s in p.levels[lvl]
                    ],
                )
                for lvl in m.Level
            ],
        )
