"""Per-request GraphQL context: the principal, the services, fresh DataLoaders, and ``OneSnapshot``,
which reads a whole query operation in one transaction (ADR 0011)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from fastapi import Depends, Request
from strawberry.dataloader import DataLoader
from strawberry.extensions import SchemaExtension
from strawberry.fastapi import BaseContext
from strawberry.types.graphql import OperationType

from api.principal import container, current_principal
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


Snapshot = Callable[[UUID], AbstractAsyncContextManager[None]]


@asynccontextmanager
async def _no_snapshot(unit_id: UUID) -> AsyncIterator[None]:
    del unit_id
    yield


class Context(BaseContext):
    def __init__(
        self, principal: Principal, svc: OrganisationService, snapshot: Snapshot = _no_snapshot
    ) -> None:
        super().__init__()
        self.principal = principal
        self.svc = svc
        self.snapshot = snapshot
        self.loaders = make_loaders(svc, principal)


async def get_context(
    request: Request, principal: Principal = Depends(current_principal)
) -> Context:
    """Authentication happens here, before any parsing: an anonymous request gets a 401 problem."""
    c = container(request)
    return Context(principal, c.organisation, c.connections.snapshot)


class OneSnapshot(SchemaExtension):
    """A query operation reads in one transaction, so every resolver and DataLoader sees the same
    data. A mutation's use cases each commit their own (each field reports its own outcome)."""

    async def on_execute(self) -> AsyncIterator[None]:  # type: ignore[override]
        ctx = self.execution_context.context
        if self.execution_context.operation_type is not OperationType.QUERY or not isinstance(
            ctx, Context
        ):
            yield
            return
        async with ctx.snapshot(ctx.principal.unit_id):
            yield
