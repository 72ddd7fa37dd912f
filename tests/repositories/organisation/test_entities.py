"""The shared contract of the organisation repositories (``EntityRepository``), on the fakes and on
PostgreSQL: get / get_many / add / update / delete, versions, and another unit's rows not being there."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.organisation.model import OrganisationType
from domain.organisation.ports import UnitOfWork
from domain.shared.errors import Conflict, NotFound, StaleVersion
from domain.shared.principal import BodyRole
from tests.repositories.conftest import Backend, repository
from tests.repositories.organisation import rows


@dataclass(frozen=True)
class Kind:
    make: Callable[[Backend, UUID], Awaitable[Any]]  # stores what the row needs, returns the row
    change: Callable[[Any], Any]  # the row as an update would write it (next version)


async def _org(b: Backend, unit: UUID) -> Any:
    return rows.org(unit, f"Skole {uuid4().hex[:6]}", municipality_number="3301")


async def _person(b: Backend, unit: UUID) -> Any:
    o = rows.org(unit, f"Skole {uuid4().hex[:6]}")
    await b.store(o, unit=unit)
    return rows.person(unit, title="Rektor", organisation_id=o.id, email="kari@example.invalid")


async def _body(b: Backend, unit: UUID) -> Any:
    return rows.body(unit, f"Gruppe {uuid4().hex[:6]}", mandate="Samordne", meeting_norm_per_year=4)


async def _membership(b: Backend, unit: UUID) -> Any:
    body, person = rows.body(unit, f"Gruppe {uuid4().hex[:6]}"), rows.person(unit)
    await b.store(body, person, unit=unit)
    return rows.membership(body, person, date(2024, 1, 1), date(2024, 12, 31))


KINDS = {
    "organisations": Kind(
        _org,
        lambda o: replace(
            o, name=o.name + " ny", type=OrganisationType.OTHER, active=False, version=2
        ),
    ),
    "persons": Kind(
        _person,
        lambda p: replace(
            p, name="Kari Ny", organisation_id=None, phone="+47 22 22 22 22", version=2
        ),
    ),
    "bodies": Kind(_body, lambda x: replace(x, mandate=None, meeting_norm_per_year=6, version=2)),
    "memberships": Kind(
        _membership, lambda m: replace(m, role=BodyRole.SECRETARY, valid_to=None, version=2)
    ),
}


@pytest.fixture(params=list(KINDS))
def kind(request: pytest.FixtureRequest) -> Kind:
    return KINDS[request.param]


def repo(uow: UnitOfWork, row: Any) -> Any:
    return repository(uow, row)


async def _read(b: Backend, row: Any, unit: UUID | None = None) -> Any:
    async with b.factory(unit or b.unit) as uow:
        return await repo(uow, row).get(row.id)


async def test_a_committed_row_reads_back_equal(backend: Backend, kind: Kind) -> None:
    row = await kind.make(backend, backend.unit)
    await backend.store(row)
    assert await _read(backend, row) == row
    async with backend.factory(backend.unit) as uow:
        assert list(await repo(uow, row).get_many([row.id, uuid4()])) == [row]
        assert list(await repo(uow, row).get_many([])) == []


async def test_leaving_without_commit_keeps_nothing(backend: Backend, kind: Kind) -> None:
    row = await kind.make(backend, backend.unit)
    async with backend.factory(backend.unit) as uow:
        await repo(uow, row).add(row)
        assert await repo(uow, row).get(row.id) == row  # the unit of work sees its own write
    with pytest.raises(NotFound):
        await _read(backend, row)


async def test_a_missing_id_is_not_found(backend: Backend, kind: Kind) -> None:
    row = await kind.make(backend, backend.unit)
    async with backend.factory(backend.unit) as uow:
        with pytest.raises(NotFound):
            await repo(uow, row).get(row.id)
    async with backend.factory(backend.unit) as uow:
        with pytest.raises(NotFound):
            await repo(uow, row).update(kind.change(row), 1)
    async with backend.factory(backend.unit) as uow:
        with pytest.raises(NotFound):
            await repo(uow, row).delete(row.id, 1)


async def test_another_units_row_is_not_there(backend: Backend, kind: Kind) -> None:
    theirs = await kind.make(backend, backend.other)
    await backend.store(theirs, unit=backend.other)
    async with backend.factory(backend.unit) as uow:
        with pytest.raises(NotFound):
            await repo(uow, theirs).get(theirs.id)
        assert list(await repo(uow, theirs).get_many([theirs.id])) == []
    # Written as if it were ours: still not there, and nothing of theirs changes.
    async with backend.factory(backend.unit) as uow:
        with pytest.raises(NotFound):
            await repo(uow, theirs).update(replace(kind.change(theirs), unit_id=backend.unit), 1)
    async with backend.factory(backend.unit) as uow:
        with pytest.raises(NotFound):
            await repo(uow, theirs).delete(theirs.id, 1)
    assert await _read(backend, theirs, backend.other) == theirs


async def test_update_with_the_stored_version(backend: Backend, kind: Kind) -> None:
    row = await kind.make(backend, backend.unit)
    await backend.store(row)
    changed = kind.change(row)
    async with backend.factory(backend.unit) as uow:
        await repo(uow, row).update(changed, 1)
        await uow.commit()
    assert await _read(backend, row) == changed


async def test_update_with_a_stale_version_is_refused(backend: Backend, kind: Kind) -> None:
    row = await kind.make(backend, backend.unit)
    await backend.store(row)
    async with backend.factory(backend.unit) as uow:
        with pytest.raises(StaleVersion):
            await repo(uow, row).update(replace(kind.change(row), version=3), 2)
    assert await _read(backend, row) == row


async def test_delete_with_the_stored_version(backend: Backend, kind: Kind) -> None:
    row = await kind.make(backend, backend.unit)
    await backend.store(row)
    async with backend.factory(backend.unit) as uow:
        with pytest.raises(StaleVersion):
            await repo(uow, row).delete(row.id, 2)
    async with backend.factory(backend.unit) as uow:
        await repo(uow, row).delete(row.id, 1)
        await uow.commit()
    with pytest.raises(NotFound):
        await _read(backend, row)


async def test_the_same_id_twice_is_a_conflict(backend: Backend, kind: Kind) -> None:
    row = await kind.make(backend, backend.unit)
    await backend.store(row)
    async with backend.factory(backend.unit) as uow:
        with pytest.raises(Conflict):
            await repo(uow, row).add(row)
