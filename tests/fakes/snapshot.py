"""Fakes room: the 'transaction' every context's fake unit of work shares — it works on a copy of
its store's tables, publishes the copy on ``commit`` and drops it on leaving without one."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Generic, Protocol, Self, TypeVar


class _Copyable(Protocol):
    def copy(self) -> Self: ...


T = TypeVar("T", bound=_Copyable)
S = TypeVar("S")  # the context's store: ``tables`` (a T) and a ``commits`` counter


class SnapshotUnitOfWork(Generic[S, T]):
    """Base of a fake unit of work; the subclass sets ``store`` and ``tables = store.tables.copy()``."""

    store: S
    tables: T

    def _store(self) -> Any:
        return self.store

    async def __aenter__(self) -> Self:
        self.tables = self._store().tables.copy()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.tables = self._store().tables.copy()  # without commit: the rollback

    async def commit(self) -> None:
        store = self._store()
        store.tables = self.tables.copy()
        store.commits += 1
