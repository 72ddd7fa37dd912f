"""Fakes room: access administration's unit of work (``domain/access/ports.py``) over the same
``FakeStore``: accounts by person key, machine clients, the access log, and the last-admin guard
that PostgreSQL checks at commit."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Self
from uuid import UUID, uuid4

from domain.access.model import (
    AccessChange,
    Account,
    AccountExists,
    ClientExists,
    LastUnitAdmin,
    MachineClient,
)
from domain.access.ports import AccessUnitOfWork, AccessUnitOfWorkFactory
from domain.shared.errors import Conflict, NotFound, StaleVersion
from domain.shared.principal import Role
from tests.fakes.store import FakeStore, Tables


def _admins(t: Tables, unit_id: UUID) -> int:
    return sum(a.unit_id == unit_id and a.is_admin for a in t.accounts.values())


class FakeAccountRepository:
    def __init__(self, uow: FakeAccessUnitOfWork) -> None:
        self._uow = uow
        self.unit_id = uow.unit_id

    def _named(self, a: Account) -> Account:
        person = self._uow.tables.persons.get(a.person_id) if a.person_id else None
        name = person.name if person is not None and person.unit_id == self.unit_id else None
        return dataclasses.replace(a, person_name=name)

    def _mine(self) -> list[Account]:
        return [
            self._named(a) for a in self._uow.tables.accounts.values() if a.unit_id == self.unit_id
        ]

    async def list(self) -> Sequence[Account]:
        far = datetime.max.replace(tzinfo=UTC)
        return sorted(
            self._mine(),
            key=lambda a: (
                a.person_name is None,
                a.person_name or "",
                a.created_at or far,
                str(a.id),
            ),
        )

    async def get(self, id: UUID) -> Account:
        found = next((a for a in self._mine() if a.id == id), None)
        if found is None:
            raise NotFound("No such account in this unit.")
        return found

    async def by_person_key(self, person_key: str) -> Account | None:
        keys = self._uow.tables.person_keys
        return next((a for a in self._mine() if keys.get(a.id) == person_key), None)

    async def add(self, account: Account, person_key: str) -> None:
        assert account.unit_id == self.unit_id, "account written into another unit"
        t = self._uow.tables
        if account.id in t.accounts:
            raise Conflict("The change conflicts with stored data.")
        if await self.by_person_key(person_key) is not None:
            raise AccountExists("That person already has access to the unit; change their roles.")
        # now(): the transaction's start, as PostgreSQL's default gives
        stored = dataclasses.replace(
            account, person_name=None, created_at=account.created_at or self._uow.started
        )
        t.accounts[account.id], t.person_keys[account.id] = stored, person_key

    async def update(self, account: Account, expected_version: int) -> None:
        stored = self._uow.tables.accounts.get(account.id)
        if stored is None or stored.unit_id != self.unit_id or stored.version != expected_version:
            raise StaleVersion("The account has changed since you read it.")
        self._uow.tables.accounts[account.id] = dataclasses.replace(
            stored, roles=account.roles, person_id=account.person_id, version=account.version
        )

    async def delete(self, id: UUID, expected_version: int) -> None:
        stored = self._uow.tables.accounts.get(id)
        if stored is None or stored.unit_id != self.unit_id or stored.version != expected_version:
            raise StaleVersion("The account has changed since you read it.")
        del self._uow.tables.accounts[id]
        self._uow.tables.person_keys.pop(id, None)

    async def lock_admins(self) -> None:
        """Nothing runs in parallel in memory."""

    async def admin_count(self) -> int:
        return _admins(self._uow.tables, self.unit_id)


class FakeMachineClientRepository:
    def __init__(self, uow: FakeAccessUnitOfWork) -> None:
        self._uow = uow
        self.unit_id = uow.unit_id

    async def list(self) -> Sequence[MachineClient]:
        mine = [c for (u, _), c in self._uow.tables.clients.items() if u == self.unit_id]
        return sorted(mine, key=lambda c: (c.name, c.consumer_id))

    async def get(self, organisation_number: str) -> MachineClient:
        found = self._uow.tables.clients.get((self.unit_id, organisation_number))
        if found is None:
            raise NotFound("No such machine client in this unit.")
        return found

    async def add(self, client: MachineClient) -> None:
        assert client.unit_id == self.unit_id, "machine client written into another unit"
        key = (self.unit_id, client.organisation_number)
        if key in self._uow.tables.clients:
            raise ClientExists("That organisation is already a client of the unit.")
        created = client.created_at or self._uow.started
        self._uow.tables.clients[key] = dataclasses.replace(client, created_at=created)

    async def delete(self, organisation_number: str, expected_version: int) -> None:
        key = (self.unit_id, organisation_number)
        stored = self._uow.tables.clients.get(key)
        if stored is None or stored.version != expected_version:
            raise StaleVersion("The machine client has changed since you read it.")
        del self._uow.tables.clients[key]


class FakeAccessChangeLog:
    def __init__(self, uow: FakeAccessUnitOfWork) -> None:
        self._uow = uow
        self.unit_id = uow.unit_id

    async def record(self, change: AccessChange) -> None:
        self._uow.tables.access_log.append((self.unit_id, change))

    async def latest(self, limit: int) -> Sequence[AccessChange]:
        mine = [c for u, c in self._uow.tables.access_log if u == self.unit_id]
        return sorted(mine, key=lambda c: (-c.at.timestamp(), str(c.id)))[:limit]


class FakeAccessUnitOfWork:
    """One 'transaction' of access administration bound to one unit (see ``FakeUnitOfWork``)."""

    def __init__(self, store: FakeStore, unit_id: UUID) -> None:
        self.store = store
        self.unit_id = unit_id
        self.committed = False
        self.tables = store.tables.copy()
        self.started = datetime.now(UTC)
        self.accounts = FakeAccountRepository(self)
        self.clients = FakeMachineClientRepository(self)
        self.changes = FakeAccessChangeLog(self)

    async def __aenter__(self) -> Self:
        self.tables = self.store.tables.copy()
        self.started = datetime.now(UTC)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.tables = self.store.tables.copy()

    async def person_name(self, person_id: UUID) -> str | None:
        person = self.tables.persons.get(person_id)
        return person.name if person is not None and person.unit_id == self.unit_id else None

    async def commit(self) -> None:
        # The database's deferred guard: a unit that had a unit admin keeps one.
        had = _admins(self.store.tables, self.unit_id)
        if had and not _admins(self.tables, self.unit_id) and self.unit_id in self.tables.units:
            self.tables = self.store.tables.copy()
            raise LastUnitAdmin("The unit would have no unit admin left.")
        self.store.tables = self.tables.copy()
        self.store.commits += 1
        self.committed = True


class FakeAccessUnitOfWorkFactory:
    def __init__(self, store: FakeStore | None = None) -> None:
        self.store = store or FakeStore()
        self.opened: list[UUID] = []

    def __call__(self, unit_id: UUID) -> FakeAccessUnitOfWork:
        self.opened.append(unit_id)
        return FakeAccessUnitOfWork(self.store, unit_id)


def account(unit_id: UUID, *roles: Role, person_id: UUID | None = None) -> Account:
    """An account to add (the person key is given to ``add``)."""
    return Account(id=uuid4(), unit_id=unit_id, roles=frozenset(roles), person_id=person_id)


if TYPE_CHECKING:  # the fakes must satisfy the ports they stand in for
    _uow: AccessUnitOfWork = FakeAccessUnitOfWork(FakeStore(), uuid4())
    _factory: AccessUnitOfWorkFactory = FakeAccessUnitOfWorkFactory()
