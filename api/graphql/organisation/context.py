"""The organisation context's per-request GraphQL pieces: its service and its DataLoaders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from strawberry.dataloader import DataLoader

from api.graphql.context import Context
from domain.organisation import model as m
from domain.organisation.service import OrganisationService
from domain.shared.principal import Principal


def org(ctx: Context) -> OrganisationService:
    return ctx.services.organisation  # type: ignore[no-any-return]


def loaders(ctx: Context) -> Loaders:
    return ctx.scoped("organisation", lambda: make_loaders(org(ctx), ctx.principal))


@dataclass
class Loaders:
    organisation: DataLoader[UUID, m.Organisation | None]
    person: DataLoader[UUID, m.Person | None]
    body: DataLoader[UUID, m.Body | None]
    memberships: DataLoader[tuple[UUID, date | None], list[m.MembershipView]]


def make_loaders(svc: OrganisationService, p: Principal) -> Loaders:
    def by_id(fetch: Any) -> Any:
        async def load(ids: Sequence[UUID]) -> list[Any]:
            found = await fetch(p, list(dict.fromkeys(ids)))
            return [found.get(i) for i in ids]

        return load

    async def memberships(keys: Sequence[tuple[UUID, date | None]]) -> list[list[m.MembershipView]]:
        by_day: dict[date | None, list[UUID]] = {}
        for body_id, day in keys:
            by_day.setdefault(day, []).append(body_id)
        found: dict[tuple[UUID, date | None], list[m.MembershipView]] = {}
        for day, body_ids in by_day.items():
            for body_id, views in (await svc.memberships_of_bodies(p, body_ids, day)).items():
                found[(body_id, day)] = views
        return [found.get(k, []) for k in keys]

    return Loaders(
        organisation=DataLoader(by_id(svc.organisations_by_id)),
        person=DataLoader(by_id(svc.persons_by_id)),
        body=DataLoader(by_id(svc.bodies_by_id)),
        memberships=DataLoader(memberships),
    )
