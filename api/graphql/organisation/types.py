"""GraphQL object types and problem types. Nested fields resolve through the request's DataLoaders,
so a query costs a fixed number of SQL statements whatever the list lengths."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from domain.organisation import model as m
from domain.organisation.health import HealthCheck as DHealthCheck
from domain.shared.errors import (
    Conflict,
    DomainError,
    Forbidden,
    NotFound,
    StaleVersion,
    ValidationFailed,
)
from domain.shared.principal import BodyRole as DBodyRole

if TYPE_CHECKING:
    from api.graphql.context import Context

Level = strawberry.enum(m.Level, name="Level")
OrganisationKind = strawberry.enum(m.OrganisationType, name="OrganisationType")
UnitKind = strawberry.enum(m.UnitKind, name="UnitKind")
BodyRole = strawberry.enum(DBodyRole, name="BodyRole")


@strawberry.type
class Municipality:
    number: str
    name: str
    county: str
    police_district: str


@strawberry.type
class PoliceDistrict:
    code: str
    name: str


@strawberry.type
class Unit:
    id: UUID
    name: str
    kind: UnitKind  # type: ignore[valid-type]
    municipality_numbers: list[str]
    police_district: str
    oslo_district_number: str | None
    language: str
    version: int

    @classmethod
    def of(cls, u: m.SltUnit) -> Unit:
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


@strawberry.type
class Establishment:
    municipal_decision_date: date | None
    municipal_decision_ref: str | None
    police_confirmation_date: date | None
    police_confirmation_ref: str | None
    coordinator_person_id: UUID | None
    coordinator_fte: Decimal | None
    police_contact_person_id: UUID | None
    is_established: bool
    version: int

    @classmethod
    def of(cls, e: m.Establishment) -> Establishment:
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


@strawberry.type
class Organisation:
    id: UUID
    name: str
    type: OrganisationKind  # type: ignore[valid-type]
    organisation_number: str | None
    municipality_number: str | None
    active: bool
    version: int

    @classmethod
    def of(cls, o: m.Organisation) -> Organisation:
        return cls(
            id=o.id,
            name=o.name,
            type=o.type,
            organisation_number=o.organisation_number,
            municipality_number=o.municipality_number,
            active=o.active,
            version=o.version,
        )


@strawberry.type
class Person:
    id: UUID
    name: str
    title: str | None
    organisation_id: UUID | None
    email: str | None
    phone: str | None
    version: int

    @strawberry.field
    async def organisation(self, info: strawberry.Info[Context, None]) -> Organisation | None:
        if self.organisation_id is None:
            return None
        o = await info.context.loaders.organisation.load(self.organisation_id)
        return Organisation.of(o) if o else None

    @classmethod
    def of(cls, p: m.Person) -> Person:
        return cls(
            id=p.id,
            name=p.name,
            title=p.title,
            organisation_id=p.organisation_id,
            email=p.email,
            phone=p.phone,
            version=p.version,
        )


@strawberry.type
class Membership:
    id: UUID
    body_id: UUID
    person_id: UUID
    role: BodyRole  # type: ignore[valid-type]
    organisation_id: UUID | None
    valid_from: date
    valid_to: date | None
    version: int
    person_name: str | None = None
    body_name: str | None = None
    organisation_name: str | None = None

    @strawberry.field
    async def person(self, info: strawberry.Info[Context, None]) -> Person | None:
        p = await info.context.loaders.person.load(self.person_id)
        return Person.of(p) if p else None

    @strawberry.field
    async def body(self, info: strawberry.Info[Context, None]) -> Body | None:
        b = await info.context.loaders.body.load(self.body_id)
        return Body.of(b) if b else None

    @classmethod
    def of(cls, x: m.Membership) -> Membership:
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
    def of_view(cls, v: m.MembershipView) -> Membership:
        out = cls.of(v.membership)
        out.person_name, out.body_name, out.organisation_name = (
            v.person_name,
            v.body_name,
            v.organisation_name,
        )
        return out


@strawberry.type
class Body:
    id: UUID
    name: str
    level: Level  # type: ignore[valid-type]
    mandate: str | None
    is_politiraad: bool
    meeting_norm_per_year: int | None
    version: int

    @strawberry.field(
        description="Memberships, by person name; `activeOn` keeps those valid that day."
    )
    async def memberships(
        self, info: strawberry.Info[Context, None], active_on: date | None = None
    ) -> list[Membership]:
        views = await info.context.loaders.memberships.load((self.id, active_on))
        return [Membership.of_view(v) for v in views]

    @classmethod
    def of(cls, b: m.Body) -> Body:
        return cls(
            id=b.id,
            name=b.name,
            level=b.level,
            mandate=b.mandate,
            is_politiraad=b.is_politiraad,
            meeting_norm_per_year=b.meeting_norm_per_year,
            version=b.version,
        )


@strawberry.type
class HealthCheck:
    code: str
    severity: str
    ok: bool
    body_id: UUID | None
    membership_id: UUID | None
    due: date | None

    @classmethod
    def of(cls, c: DHealthCheck) -> HealthCheck:
        return cls(
            code=c.code.value,
            severity=c.severity.value,
            ok=c.ok,
            body_id=c.body_id,
            membership_id=c.membership_id,
            due=c.due,
        )


@strawberry.type
class Health:
    ok: bool
    checks: list[HealthCheck]


@strawberry.type
class BodySummary:
    body: Body
    chair_person_id: UUID | None
    chair_name: str | None
    member_count: int


@strawberry.type
class PictureLevel:
    level: Level  # type: ignore[valid-type]
    bodies: list[BodySummary]


@strawberry.type
class Picture:
    unit: Unit
    levels: list[PictureLevel]


@strawberry.type
class OrganisationPage:
    items: list[Organisation]
    total: int
    next_cursor: str | None


@strawberry.type
class PersonPage:
    items: list[Person]
    total: int
    next_cursor: str | None


@strawberry.type
class BodyPage:
    items: list[Body]
    total: int
    next_cursor: str | None


@strawberry.type
class MembershipPage:
    items: list[Membership]
    total: int
    next_cursor: str | None


# -- problems: the same domain errors as REST's problem+json, as typed union members ----------


@strawberry.type
class FieldProblem:
    field: str
    code: str
    message: str = strawberry.field(description="For developers; clients word the code.")
    params: JSON = strawberry.field(
        description='The code\'s parameters, e.g. {"max": 200} for too-long; {} when none.'
    )


@strawberry.interface
class Problem:
    code: str
    message: str


@strawberry.type
class ValidationProblem(Problem):
    field_errors: list[FieldProblem]


@strawberry.type
class NotFoundProblem(Problem):
    pass


@strawberry.type
class ConflictProblem(Problem):
    pass


@strawberry.type
class StaleVersionProblem(Problem):
    pass


@strawberry.type
class ForbiddenProblem(Problem):
    pass


@strawberry.type
class Deleted:
    id: UUID


def problem_of(exc: DomainError) -> Problem:
    if isinstance(exc, ValidationFailed):
        return ValidationProblem(
            code=exc.code,
            message=exc.detail,
            field_errors=[
                FieldProblem(field=e.field, code=e.code, message=e.message, params=e.params)
                for e in exc.errors
            ],
        )
    for cls, gql in (
        (NotFound, NotFoundProblem),
        (Conflict, ConflictProblem),
        (StaleVersion, StaleVersionProblem),
        (Forbidden, ForbiddenProblem),
    ):
        if isinstance(exc, cls):
            return gql(code=exc.code, message=exc.detail)  # type: ignore[no-any-return]
    raise exc


_Problems = (
    ValidationProblem | NotFoundProblem | ConflictProblem | StaleVersionProblem | ForbiddenProblem
)
OrganisationResult = Annotated[Organisation | _Problems, strawberry.union("OrganisationResult")]
PersonResult = Annotated[Person | _Problems, strawberry.union("PersonResult")]
BodyResult = Annotated[Body | _Problems, strawberry.union("BodyResult")]
MembershipResult = Annotated[Membership | _Problems, strawberry.union("MembershipResult")]
UnitResult = Annotated[Unit | _Problems, strawberry.union("UnitResult")]
EstablishmentResult = Annotated[Establishment | _Problems, strawberry.union("EstablishmentResult")]
DeleteResult = Annotated[Deleted | _Problems, strawberry.union("DeleteResult")]
