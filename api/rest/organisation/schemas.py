"""REST DTOs (``XCreate``, ``XUpdate``, ``XRead``, ``XPage``), camelCase on the wire.

Never table classes: each ``from_domain`` maps a domain object out; ``changes()`` turns an update
into the snake_case field map the use case applies (only fields the client sent).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Generic, Self, TypeVar, get_args
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

from api.rest.inputs import Bool, Int, IsoDate, optional, plain_text
from domain.organisation import model as m
from domain.organisation.health import HealthCheck, OrganisationHealth
from domain.organisation.service import OrganisationPicture
from domain.shared.principal import BodyRole

T = TypeVar("T")


class Dto(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


class Input(Dto):
    """Base of every request body. One text rule for all its fields, checked after each field's
    own constraints: no control characters. The domain checks it again for the other door."""

    @field_validator("*", mode="after")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        return plain_text(value)


class Update(Input):
    """All fields optional; those the entity requires may be left out but never set to null."""

    @field_validator("*", mode="before")
    @classmethod
    def _not_null(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name is not None:
            annotation = cls.model_fields[info.field_name].annotation
            if type(None) not in get_args(annotation):
                raise PydanticCustomError("required", "This field is required; it cannot be null.")
        return value

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True, by_alias=False)


class PageOf(Dto, Generic[T]):
    items: list[T]
    total: int = Field(description="Rows matching the filter, on all pages.")
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null at the end."
    )


Name = Field(min_length=1, max_length=m.NAME_MAX)


# -- reference data ---------------------------------------------------------------------------


class MunicipalityRead(Dto):
    number: str
    name: str
    county: str
    police_district: str


class PoliceDistrictRead(Dto):
    code: str
    name: str


# -- unit and establishment -------------------------------------------------------------------


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


# -- organisations ----------------------------------------------------------------------------


class OrganisationRead(Dto):
    id: UUID
    name: str
    type: m.OrganisationType
    organisation_number: str | None
    municipality_number: str | None
    active: bool
    version: int

    @classmethod
    def from_domain(cls, o: m.Organisation) -> Self:
        return cls(
            id=o.id,
            name=o.name,
            type=o.type,
            organisation_number=o.organisation_number,
            municipality_number=o.municipality_number,
            active=o.active,
            version=o.version,
        )


class OrganisationCreate(Input):
    name: str = Name
    type: m.OrganisationType
    organisation_number: str | None = Field(default=None, pattern=r"^\d{9}$")
    municipality_number: str | None = Field(default=None, pattern=r"^\d{4}$")
    active: Bool = True


class OrganisationUpdate(Update):
    name: str = optional(min_length=1, max_length=m.NAME_MAX)
    type: m.OrganisationType = optional()
    organisation_number: str | None = Field(default=None, pattern=r"^\d{9}$")
    municipality_number: str | None = Field(default=None, pattern=r"^\d{4}$")
    active: Bool = optional()


# -- persons ----------------------------------------------------------------------------------


class PersonRead(Dto):
    id: UUID
    name: str
    title: str | None
    organisation_id: UUID | None
    email: str | None
    phone: str | None
    version: int

    @classmethod
    def from_domain(cls, p: m.Person) -> Self:
        return cls(
            id=p.id,
            name=p.name,
            title=p.title,
            organisation_id=p.organisation_id,
            email=p.email,
            phone=p.phone,
            version=p.version,
        )


class PersonCreate(Input):
    name: str = Name
    title: str | None = Field(default=None, max_length=m.NAME_MAX)
    organisation_id: UUID | None = None
    email: str | None = Field(default=None, max_length=m.EMAIL_MAX)
    phone: str | None = Field(default=None, max_length=m.PHONE_MAX)


class PersonUpdate(Update):
    name: str = optional(min_length=1, max_length=m.NAME_MAX)
    title: str | None = Field(default=None, max_length=m.NAME_MAX)
    organisation_id: UUID | None = None
    email: str | None = Field(default=None, max_length=m.EMAIL_MAX)
    phone: str | None = Field(default=None, max_length=m.PHONE_MAX)


# -- bodies -----------------------------------------------------------------------------------


class BodyRead(Dto):
    id: UUID
    name: str
    level: m.Level
    mandate: str | None
    is_politiraad: bool
    meeting_norm_per_year: int | None
    version: int

    @classmethod
    def from_domain(cls, b: m.Body) -> Self:
        return cls(
            id=b.id,
            name=b.name,
            level=b.level,
            mandate=b.mandate,
            is_politiraad=b.is_politiraad,
            meeting_norm_per_year=b.meeting_norm_per_year,
            version=b.version,
        )


class BodyCreate(Input):
    name: str = Name
    level: m.Level
    mandate: str | None = Field(default=None, max_length=m.TEXT_MAX)
    is_politiraad: Bool = False
    meeting_norm_per_year: Int | None = Field(
        default=None, description="Defaults by level: steering 4, coordinating 12, executive none."
    )


class BodyUpdate(Update):
    name: str = optional(min_length=1, max_length=m.NAME_MAX)
    level: m.Level = optional()
    mandate: str | None = Field(default=None, max_length=m.TEXT_MAX)
    is_politiraad: Bool = optional()
    meeting_norm_per_year: Int | None = None


# -- memberships ------------------------------------------------------------------------------


class MembershipRead(Dto):
    id: UUID
    body_id: UUID
    person_id: UUID
    role: BodyRole
    organisation_id: UUID | None
    valid_from: date
    valid_to: date | None
    version: int
    person_name: str | None = None
    body_name: str | None = None
    organisation_name: str | None = None

    @classmethod
    def from_domain(cls, x: m.Membership) -> Self:
        return cls(
            id=x.id,
            body_id=x.body_id,
            person_id=x.person_id,
            role=x.role,
            organisation_id=x.organisation_id,
            valid_from=x.valid_from,
            valid_to=x.valid_to,
            version=x.version,
        )

    @classmethod
    def from_view(cls, v: m.MembershipView) -> Self:
        return cls.from_domain(v.membership).model_copy(
            update={
                "person_name": v.person_name,
                "body_name": v.body_name,
                "organisation_name": v.organisation_name,
            }
        )


class MembershipCreate(Input):
    body_id: UUID
    person_id: UUID
    role: BodyRole
    organisation_id: UUID | None = Field(
        default=None, description="The organisation represented; defaults to the person's."
    )
    valid_from: IsoDate | None = Field(default=None, description="Defaults to today.")
    valid_to: IsoDate | None = None


class MembershipUpdate(Update):
    role: BodyRole = optional()
    organisation_id: UUID | None = None
    valid_from: IsoDate = optional()
    valid_to: IsoDate | None = None


class MembershipEnd(Input):
    on: IsoDate | None = Field(
        default=None, description="Last day of the membership; defaults to today."
    )


# -- health and the three-level picture -------------------------------------------------------


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
