"""GraphQL, organisation context: the SLT unit and its establishment record."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated
from uuid import UUID

import strawberry

from api.graphql.organisation.context import org
from api.graphql.organisation.enums import UnitKind
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.problems import Problems
from api.graphql.shared.resolvers import I, guard, sent
from domain.organisation import model as m
from domain.organisation.units import EstablishmentChanges, UnitChanges


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
        return from_domain(cls, u)


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
        return from_domain(cls, e)


UnitResult = Annotated[Unit | Problems, strawberry.union("UnitResult")]
EstablishmentResult = Annotated[Establishment | Problems, strawberry.union("EstablishmentResult")]


@strawberry.input
class UnitInput:
    name: str | None = strawberry.UNSET
    language: str | None = strawberry.UNSET


@strawberry.input
class EstablishmentInput:
    municipal_decision_date: date | None = strawberry.UNSET
    municipal_decision_ref: str | None = strawberry.UNSET
    police_confirmation_date: date | None = strawberry.UNSET
    police_confirmation_ref: str | None = strawberry.UNSET
    coordinator_person_id: UUID | None = strawberry.UNSET
    coordinator_fte: Decimal | None = strawberry.UNSET
    police_contact_person_id: UUID | None = strawberry.UNSET


@strawberry.type
class UnitQuery:
    @strawberry.field(description="The caller's SLT unit.")
    async def unit(self, info: I) -> Unit:
        return Unit.of(await org(info.context).unit(info.context.principal))

    @strawberry.field(description="The establishment record.")
    async def establishment(self, info: I) -> Establishment:
        return Establishment.of(await org(info.context).establishment(info.context.principal))


@strawberry.type
class UnitMutation:
    @strawberry.mutation
    async def update_unit(self, info: I, version: int, input: UnitInput) -> UnitResult:
        c = info.context
        return await guard(
            org(c).update_unit(c.principal, UnitChanges.from_mapping(sent(input)), version), Unit.of
        )

    @strawberry.mutation
    async def update_establishment(
        self, info: I, version: int, input: EstablishmentInput
    ) -> EstablishmentResult:
        c = info.context
        return await guard(
            org(c).update_establishment(
                c.principal, EstablishmentChanges.from_mapping(sent(input)), version
            ),
            Establishment.of,
        )
