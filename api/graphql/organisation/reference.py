"""GraphQL, organisation context: reference data (municipalities, police districts)."""

from __future__ import annotations

import strawberry

from api.graphql.organisation.context import org
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.resolvers import I


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
class ReferenceQuery:
    @strawberry.field
    async def municipalities(self, info: I) -> list[Municipality]:
        found = await org(info.context).municipalities(info.context.principal)
        return [from_domain(Municipality, x) for x in found]

    @strawberry.field
    async def police_districts(self, info: I) -> list[PoliceDistrict]:
        found = await org(info.context).police_districts(info.context.principal)
        return [from_domain(PoliceDistrict, x) for x in found]
