"""Organisation domain room: the read models across aggregates (the three-level picture, health,
a body's roster) and the batch reads the GraphQL DataLoaders use (one query for many ids)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.organisation.base import UseCases
from domain.organisation.health import OrganisationHealth, assess
from domain.organisation.model import (
    Body,
    BodySummary,
    Level,
    MembershipView,
    Organisation,
    Person,
    SltUnit,
)
from domain.organisation.roster import Roster, build_roster
from domain.shared.principal import Principal


@dataclass(frozen=True, slots=True, kw_only=True)
class OrganisationPicture:
    """The three-level picture: every body with chair and member count, grouped top to bottom."""

    unit: SltUnit
    levels: Mapping[Level, Sequence[BodySummary]]


class OverviewUseCases(UseCases):
    async def health(self, p: Principal) -> OrganisationHealth:
        async with self._read(p) as uow:
            return assess(
                establishment=await uow.establishments.get(p.unit_id),
                bodies=await uow.bodies.all(),
                memberships=await uow.memberships.all(),
                today=self._clock.today(),
            )

    async def picture(self, p: Principal) -> OrganisationPicture:
        async with self._read(p) as uow:
            unit = await uow.units.get(p.unit_id)
            summaries = await uow.bodies.summaries(self._clock.today())
        levels: dict[Level, list[BodySummary]] = {lvl: [] for lvl in Level}
        for s in summaries:
            levels[s.body.level].append(s)
        return OrganisationPicture(unit=unit, levels=levels)

    async def roster(self, p: Principal, body_id: UUID) -> Roster:
        """A body's members today with their contact details (contact list, member exports)."""
        async with self._read(p) as uow:
            body = await uow.bodies.get(body_id)
            views = await uow.memberships.views_of_bodies([body_id], self._clock.today())
            people = await uow.persons.get_many([v.membership.person_id for v in views])
        return build_roster(body, views, {x.id: x for x in people})

    # -- batch reads ------------------------------------------------------------------------------

    async def organisations_by_id(
        self, p: Principal, ids: Sequence[UUID]
    ) -> dict[UUID, Organisation]:
        async with self._read(p) as uow:
            return {o.id: o for o in await uow.organisations.get_many(ids)}

    async def persons_by_id(self, p: Principal, ids: Sequence[UUID]) -> dict[UUID, Person]:
        async with self._read(p) as uow:
            return {x.id: x for x in await uow.persons.get_many(ids)}

    async def bodies_by_id(self, p: Principal, ids: Sequence[UUID]) -> dict[UUID, Body]:
        async with self._read(p) as uow:
            return {x.id: x for x in await uow.bodies.get_many(ids)}

    async def memberships_of_bodies(
        self, p: Principal, body_ids: Sequence[UUID], active_on: date | None
    ) -> dict[UUID, list[MembershipView]]:
        async with self._read(p) as uow:
            views = await uow.memberships.views_of_bodies(body_ids, active_on)
        out: dict[UUID, list[MembershipView]] = {b: [] for b in body_ids}
        for v in views:
            out[v.membership.body_id].append(v)
        return out
