"""The fakes keep the ports' contracts, so the service tests above mean something."""

from __future__ import annotations

from uuid import uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.organisation.filters import OrganisationFilter
from domain.organisation.model import Organisation, OrganisationType
from domain.shared.errors import NotFound, StaleVersion
from domain.shared.pagination import PageRequest
from tests.fakes import FakeStore, FakeUnitOfWorkFactory, keyset_page

UNIT = uuid4()


def org(name: str, unit: object = UNIT) -> Organisation:
    return Organisation(id=uuid4(), unit_id=unit, name=name, type=OrganisationType.OTHER)  # type: ignore[arg-type]


@settings(max_examples=50)
@given(
    names=st.lists(st.text(alphabet="aAbBcC ", min_size=1, max_size=3), max_size=25),
    limit=st.integers(1, 7),
)
def test_keyset_pages_visit_every_row_once_in_order(names: list[str], limit: int) -> None:
    rows = [org(n) for n in names]
    expected = sorted(rows, key=lambda o: (o.name.lower(), str(o.id)))
    seen: list[Organisation] = []
    cursor: str | None = None
    for _ in range(len(rows) + 1):
        page = keyset_page(
            rows, lambda o: o.name.lower(), lambda o: o.id, PageRequest.of(limit, cursor)
        )
        assert page.total == len(rows)
        seen += page.items
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == expected


async def test_leaving_without_commit_rolls_back() -> None:
    store = FakeStore()
    factory = FakeUnitOfWorkFactory(store)
    async with factory(UNIT) as uow:
        await uow.organisations.add(org("Forkastet"))
    assert store.tables.organisations == {}
    async with factory(UNIT) as uow:
        o = org("Beholdt")
        await uow.organisations.add(o)
        await uow.commit()
    assert store.tables.organisations == {o.id: o}


async def test_repositories_see_only_their_unit() -> None:
    store = FakeStore()
    factory = FakeUnitOfWorkFactory(store)
    other = uuid4()
    mine, theirs = org("Min"), org("Deres", other)
    store.put(mine, theirs)
    async with factory(UNIT) as uow:
        assert await uow.organisations.get(mine.id) == mine
        with pytest.raises(NotFound):
            await uow.organisations.get(theirs.id)
        assert await uow.organisations.get_many([mine.id, theirs.id]) == [mine]
        page = await uow.organisations.list(OrganisationFilter(), PageRequest())
        assert page.items == [mine]
        with pytest.raises(AssertionError):
            await uow.organisations.add(org("Feil enhet", other))


async def test_update_and_delete_check_the_version() -> None:
    store = FakeStore()
    o = org("Versjonert")
    store.put(o)
    async with FakeUnitOfWorkFactory(store)(UNIT) as uow:
        with pytest.raises(StaleVersion):
            await uow.organisations.update(o, expected_version=2)
        with pytest.raises(StaleVersion):
            await uow.organisations.delete(o.id, expected_version=2)
        with pytest.raises(NotFound):
            await uow.organisations.delete(uuid4(), expected_version=1)
        await uow.organisations.delete(o.id, expected_version=1)
        with pytest.raises(NotFound):
            await uow.organisations.get(o.id)
