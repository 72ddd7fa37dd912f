"""Organisation domain room: the base every use-case class shares (authorise, open a unit of work).

Each use case authorises, opens one unit of work, applies the rules and commits. Both front
doors (REST, GraphQL) call the use cases and nothing else, so they share rules and authorisation.
"""

from __future__ import annotations

from typing import TypeVar
from uuid import UUID

from domain.organisation.ports import Clock, UnitOfWork, UnitOfWorkFactory
from domain.shared import policies as pol
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.ports import EntityRepository
from domain.shared.principal import Principal


class UseCases:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow_factory
        self._clock = clock

    def _open(self, p: Principal) -> UnitOfWork:
        return self._uow(p.unit_id)

    def _read(self, p: Principal) -> UnitOfWork:
        pol.require(pol.can_read_organisation(p), "see this unit's organisation")
        return self._open(p)

    def _write(self, p: Principal) -> UnitOfWork:
        pol.require(pol.can_manage_organisation(p), "change this unit's organisation")
        return self._open(p)


T = TypeVar("T")


async def find(repo: EntityRepository[T], id: UUID) -> T | None:
    try:
        return await repo.get(id)
    except NotFound:
        return None


async def exists(repo: EntityRepository[T], id: UUID) -> bool:
    return await find(repo, id) is not None


async def require_ref(repo: EntityRepository[T], id: UUID | None, field: str) -> None:
    if id is not None and not await exists(repo, id):
        raise ValidationFailed.single(field, "unknown", "No such record in this unit.")
