"""Ports every context shares: the clock and the shape of a tenant-scoped repository."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol, TypeVar
from uuid import UUID

T = TypeVar("T")


class Clock(Protocol):
    """The current time; a fake one in tests."""

    def now(self) -> datetime: ...

    def today(self) -> date: ...


class EntityRepository(Protocol[T]):
    """Rows of one kind, always within the unit of work's SLT unit.

    ``get`` raises ``NotFound`` for a missing id (and for another unit's id: it is not there).
    ``update``/``delete`` succeed only when the stored version equals ``expected_version``,
    else raise ``StaleVersion`` (or ``NotFound``). Repositories never commit.
    """

    async def get(self, id: UUID) -> T: ...

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[T]:
        """The rows among ``ids`` that exist in this unit (missing ids are skipped)."""
        ...

    async def add(self, item: T) -> None: ...

    async def update(self, item: T, expected_version: int) -> None: ...

    async def delete(self, id: UUID, expected_version: int) -> None: ...
