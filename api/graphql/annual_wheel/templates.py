"""GraphQL, annual-wheel context: the templates (type, input, query, mutations)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry

from api.graphql.annual_wheel.context import OwnerRole, wheel
from api.graphql.organisation.enums import Level
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.problems import Deleted, DeleteResult, Problems
from api.graphql.shared.resolvers import I, guard, required, sent
from domain.annual_wheel.service import TemplateChanges
from domain.annual_wheel.template import WheelTemplate as DTemplate


@strawberry.type
class WheelTemplate:
    id: UUID
    title: str
    month: int
    day: int | None
    owner_role: OwnerRole  # type: ignore[valid-type]
    body_level: Level | None  # type: ignore[valid-type]
    description: str | None
    active: bool
    version: int

    @classmethod
    def of(cls, t: DTemplate) -> WheelTemplate:
        return from_domain(cls, t)


WheelTemplateResult = Annotated[WheelTemplate | Problems, strawberry.union("WheelTemplateResult")]


@strawberry.input
class WheelTemplateInput:
    title: str | None = strawberry.UNSET
    month: int | None = strawberry.UNSET
    day: int | None = strawberry.UNSET
    owner_role: OwnerRole | None = strawberry.UNSET  # type: ignore[valid-type]
    body_level: Level | None = strawberry.UNSET  # type: ignore[valid-type]
    description: str | None = strawberry.UNSET
    active: bool | None = strawberry.UNSET


@strawberry.type
class Seeded:
    created: int
    templates: list[WheelTemplate]


SeedResult = Annotated[Seeded | Problems, strawberry.union("WheelSeedResult")]


@strawberry.type
class TemplateQuery:
    @strawberry.field(description="The wheel's recurring tasks by month, day and title.")
    async def wheel_templates(self, info: I) -> list[WheelTemplate]:
        return [
            WheelTemplate.of(t)
            for t in await wheel(info.context).list_templates(info.context.principal)
        ]


@strawberry.type
class TemplateMutation:
    @strawberry.mutation
    async def create_wheel_template(
        self, info: I, input: WheelTemplateInput
    ) -> WheelTemplateResult:
        c, v = info.context, sent(input)

        async def run() -> Any:
            required(v, "title", "month", "owner_role")
            v.pop("active", None)  # a new template is active
            return await wheel(c).create_template(c.principal, **v)

        return await guard(run(), WheelTemplate.of)

    @strawberry.mutation
    async def update_wheel_template(
        self, info: I, id: UUID, version: int, input: WheelTemplateInput
    ) -> WheelTemplateResult:
        c = info.context
        changes = TemplateChanges.from_mapping(sent(input))
        return await guard(
            wheel(c).update_template(c.principal, id, changes, version), WheelTemplate.of
        )

    @strawberry.mutation
    async def delete_wheel_template(self, info: I, id: UUID, version: int) -> DeleteResult:
        c = info.context
        return await guard(
            wheel(c).delete_template(c.principal, id, version), lambda _: Deleted(id=id)
        )

    @strawberry.mutation(description="The handbook's default wheel, for a unit without templates.")
    async def seed_wheel(self, info: I) -> SeedResult:
        c = info.context
        return await guard(
            wheel(c).seed_handbook(c.principal),
            lambda ts: Seeded(created=len(ts), templates=[WheelTemplate.of(t) for t in ts]),
        )
