"""Per-request GraphQL context: the principal, the services and fresh DataLoaders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from fastapi import Depends, Request
from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

from api.rest.deps import current_principal, organisation_service
from domain.organisation import model as m
from domain.organisation.service import OrganisationService
from domain.shared.principal import Principal


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


class Context(BaseContext):
    def __init__(self, principal: Principal, svc: OrganisationService) -> None:
        super().__init__()
        self.principal = principal
        self.svc = svc
        self.loaders = make_loaders(svc, principal)


async def get_context(
    request: Request,
    principal: Principal = Depends(current_principal),
    svc: OrganisationService = Depends(organisation_service),
) -> Context:
    """Authentication happens here, before any parsing: an anonymous request gets a 401 problem."""
    del request
    return Context(principal, svc)
