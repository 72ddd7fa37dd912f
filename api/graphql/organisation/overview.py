"""GraphQL, organisation context: the read models over the whole unit (health, the picture)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import strawberry

from api.graphql.organisation.bodies import Body
from api.graphql.organisation.context import org
from api.graphql.organisation.enums import Level
from api.graphql.organisation.units import Unit
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.resolvers import I
from domain.organisation import model as m
from domain.organisation.health import HealthCheck as DHealthCheck
from domain.organisation.service import BodySummary as DBodySummary
from domain.organisation.service import OrganisationPicture


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
        return from_domain(cls, c)


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

    @classmethod
    def of(cls, p: OrganisationPicture) -> Picture:
        def summary(s: DBodySummary) -> BodySummary:
            return from_domain(BodySummary, s, body=Body.of(s.body))

        return cls(
            unit=Unit.of(p.unit),
            levels=[
                PictureLevel(level=lvl, bodies=[summary(s) for s in p.levels[lvl]])
                for lvl in m.Level
            ],
        )


@strawberry.type
class OverviewQuery:
    @strawberry.field(
        description="Organisation health: each requirement of the SLT model, met or not."
    )
    async def health(self, info: I) -> Health:
        h = await org(info.context).health(info.context.principal)
        return Health(ok=h.ok, checks=[HealthCheck.of(c) for c in h.checks])

    @strawberry.field(description="The three-level picture.")
    async def picture(self, info: I) -> Picture:
        return Picture.of(await org(info.context).picture(info.context.principal))
