"""Access administration's repositories on the fakes and on PostgreSQL: accounts by person key,
the last-admin guard at commit, machine clients, the access log, and another unit's rows not there."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from domain.access.model import (
    AccessChange,
    Account,
    AccountExists,
    ChangeAction,
    ClientExists,
    LastUnitAdmin,
    MachineClient,
)
from domain.shared.errors import NotFound, StaleVersion
from domain.shared.principal import Role, Scope
from tests.fakes.access import account
from tests.repositories.conftest import Backend
from tests.repositories.organisation import rows

ADMIN, COORD = Role.UNIT_ADMIN, Role.COORDINATOR


def bare(a: Account) -> Account:
    return replace(a, created_at=None)


async def keep(b: Backend, a: Account, key: str, unit: UUID | None = None) -> None:
    async with b.access(unit or b.unit) as uow:
        await uow.accounts.add(a, key)
        await uow.commit()


async def test_accounts_by_id_and_person_key_in_their_unit(backend: Backend) -> None:
    kari = rows.person(backend.unit, "Kari")
    await backend.store(kari)
    mine = account(backend.unit, COORD, person_id=kari.id)
    theirs = account(backend.other, ADMIN)
    await keep(backend, mine, "key-kari")
    await keep(backend, theirs, "key-kari", backend.other)  # one person, two units
    async with backend.access(backend.unit) as uow:
        got = await uow.accounts.get(mine.id)
        assert bare(got) == replace(mine, person_name="Kari")
        assert got.created_at is not None
        found = await uow.accounts.by_person_key("key-kari")
        assert found is not None and found.id == mine.id
        assert await uow.accounts.by_person_key("key-nobody") is None
        with pytest.raises(NotFound):
            await uow.accounts.get(theirs.id)
        assert [a.id for a in await uow.accounts.list()] == [mine.id]
        assert await uow.person_name(kari.id) == "Kari"
        assert await uow.person_name(uuid4()) is None


async def test_one_account_per_person_key_in_a_unit(backend: Backend) -> None:
    await keep(backend, account(backend.unit, COORD), "key-1")
    async with backend.access(backend.unit) as uow:
        with pytest.raises(AccountExists):
            await uow.accounts.add(account(backend.unit, ADMIN), "key-1")


async def test_accounts_change_by_version(backend: Backend) -> None:
    a = account(backend.unit, COORD)
    await keep(backend, a, "key-1")
    async with backend.access(backend.unit) as uow:
        with pytest.raises(StaleVersion):
            await uow.accounts.update(replace(a, roles=frozenset({ADMIN}), version=3), 2)
    async with backend.access(backend.unit) as uow:
        with pytest.raises(StaleVersion):
            await uow.accounts.delete(a.id, 2)
    async with backend.access(backend.other) as uow:  # another unit's account: not theirs to change
        with pytest.raises(StaleVersion):
            await uow.accounts.delete(a.id, 1)
    async with backend.access(backend.unit) as uow:
        await uow.accounts.update(replace(a, roles=frozenset({COORD, ADMIN}), version=2), 1)
        await uow.commit()
    async with backend.access(backend.unit) as uow:
        assert (await uow.accounts.get(a.id)).roles == {COORD, ADMIN}
        assert await uow.accounts.admin_count() == 1
        await uow.accounts.delete(a.id, 2)
        with pytest.raises(LastUnitAdmin):  # the guard is checked at commit
            await uow.commit()
    async with backend.access(backend.unit) as uow:
        assert (await uow.accounts.get(a.id)).version == 2


async def test_a_unit_keeps_a_unit_admin(backend: Backend) -> None:
    first, second = account(backend.unit, ADMIN), account(backend.unit, ADMIN, COORD)
    await keep(backend, first, "key-1")
    await keep(backend, second, "key-2")
    async with backend.access(backend.unit) as uow:
        await uow.accounts.lock_admins()
        await uow.accounts.update(replace(second, roles=frozenset({COORD}), version=2), 1)
        await uow.commit()
    async with backend.access(backend.unit) as uow:
        await uow.accounts.update(replace(first, roles=frozenset({COORD}), version=2), 1)
        with pytest.raises(LastUnitAdmin):
            await uow.commit()
    async with backend.access(backend.unit) as uow:
        assert await uow.accounts.admin_count() == 1


async def test_machine_clients(backend: Backend) -> None:
    def client(number: str, name: str, unit: UUID | None = None) -> MachineClient:
        return MachineClient(
            unit_id=unit or backend.unit,
            organisation_number=number,
            name=name,
            scopes=frozenset({Scope.ORGANISATION_READ}),
        )

    b, a = client("974760673", "Bravo AS"), client("991825827", "Alfa AS")
    async with backend.access(backend.unit) as uow:
        await uow.clients.add(b)
        await uow.clients.add(a)
        await uow.commit()
    async with backend.access(backend.other) as uow:
        await uow.clients.add(client("974760673", "Bravo AS", backend.other))
        await uow.commit()
    async with backend.access(backend.unit) as uow:
        assert [c.name for c in await uow.clients.list()] == ["Alfa AS", "Bravo AS"]
        assert replace(await uow.clients.get("991825827"), created_at=None) == a
        with pytest.raises(NotFound):
            await uow.clients.get("123456785")
    async with backend.access(backend.unit) as uow:
        with pytest.raises(ClientExists):
            await uow.clients.add(client("974760673", "Igjen"))
    async with backend.access(backend.unit) as uow:
        with pytest.raises(StaleVersion):
            await uow.clients.delete("974760673", 2)
    async with backend.access(backend.unit) as uow:
        await uow.clients.delete("974760673", 1)
        await uow.commit()
    async with backend.access(backend.other) as uow:
        assert [c.name for c in await uow.clients.list()] == ["Bravo AS"]


async def test_the_access_log_newest_first(backend: Backend) -> None:
    start = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
    changes = [
        AccessChange(
            id=uuid4(),
            at=start + timedelta(minutes=i),
            action=ChangeAction.ACCOUNT_GRANTED,
            actor_person_id=None,
            actor_name="Arne Admin",
            roles=("coordinator",),
        )
        for i in range(3)
    ]
    async with backend.access(backend.unit) as uow:
        for c in changes:
            await uow.changes.record(c)
        await uow.commit()
    async with backend.access(backend.unit) as uow:
        assert list(await uow.changes.latest(2)) == [changes[2], changes[1]]
    async with backend.access(backend.other) as uow:
        assert list(await uow.changes.latest(10)) == []
