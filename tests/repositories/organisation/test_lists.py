"""Lists on the fakes and on PostgreSQL: the same filters, the same order (``lower(name)``, then
id), the same keyset pages and cursors, the same search that ignores case and diacritics."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from domain.organisation.filters import BodyFilter, OrganisationFilter, PersonFilter
from domain.organisation.model import Level, OrganisationType
from domain.shared.errors import ValidationFailed
from domain.shared.pagination import Cursor, Page, PageRequest
from tests.repositories.conftest import Backend
from tests.repositories.organisation import rows

SCHOOL, POLICE, OTHER = OrganisationType.SCHOOL, OrganisationType.POLICE, OrganisationType.OTHER


async def walk(
    list_: Callable[[Any, PageRequest], Awaitable[Page[Any]]], f: Any, limit: int
) -> tuple[list[Any], set[int]]:
    """Every page of a list from the first on: the rows in order and the totals seen."""
    seen: list[Any] = []
    totals: set[int] = set()
    cursor: str | None = None
    for _ in range(100):
        page = await list_(f, PageRequest.of(limit, cursor))
        seen += page.items
        totals.add(page.total)
        cursor = page.next_cursor
        if cursor is None:
            return seen, totals
    raise AssertionError("the cursor never ran out")


@pytest.fixture
async def orgs(backend: Backend) -> dict[str, Any]:
    u = backend.unit
    made = {
        "alfa": rows.org(u, "alfa skole", SCHOOL),
        "bravo": rows.org(u, "Bravo politi", POLICE),
        "charlie": rows.org(u, "charlie skole", SCHOOL, active=False),
        "delta": rows.org(u, "Delta Bærum", OTHER),
        "echo": rows.org(u, "echo 100% ungdom", OTHER),
        "foxtrot": rows.org(u, "foxtrot 1000 ungdom", OTHER),
    }
    await backend.store(*made.values())
    # Another unit's row of the same name is neither listed nor a duplicate.
    await backend.store(rows.org(backend.other, "alfa skole", SCHOOL), unit=backend.other)
    return made


async def names(backend: Backend, f: OrganisationFilter) -> list[str]:
    async with backend.factory(backend.unit) as uow:
        seen, _ = await walk(uow.organisations.list, f, 50)
    return [o.name for o in seen]


async def test_organisations_page_in_name_order(backend: Backend, orgs: dict[str, Any]) -> None:
    expected = [orgs[k] for k in ("alfa", "bravo", "charlie", "delta", "echo", "foxtrot")]
    for limit in (1, 2, 4, 6, 7):
        async with backend.factory(backend.unit) as uow:
            seen, totals = await walk(uow.organisations.list, OrganisationFilter(), limit)
        assert seen == expected
        assert totals == {6}


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (OrganisationFilter(q="SKOLE"), ["alfa skole", "charlie skole"]),
        (OrganisationFilter(q="baerum"), ["Delta Bærum"]),
        (OrganisationFilter(q="bærum"), ["Delta Bærum"]),
        (OrganisationFilter(q="0%"), ["echo 100% ungdom"]),  # % is a character, not a wildcard
        (OrganisationFilter(q="_"), []),
        (OrganisationFilter(type=SCHOOL), ["alfa skole", "charlie skole"]),
        (OrganisationFilter(active=False), ["charlie skole"]),
        (OrganisationFilter(q="skole", active=True), ["alfa skole"]),
        (OrganisationFilter(q="ungdom", type=POLICE), []),
    ],
)
async def test_organisation_filters(
    backend: Backend, orgs: dict[str, Any], f: OrganisationFilter, expected: list[str]
) -> None:
    assert await names(backend, f) == expected


async def test_a_forged_cursor_is_refused(backend: Backend, orgs: dict[str, Any]) -> None:
    page = PageRequest(limit=2, after=Cursor(key="alfa skole", id="not-an-id"))
    async with backend.factory(backend.unit) as uow:
        with pytest.raises(ValidationFailed) as caught:
            await uow.organisations.list(OrganisationFilter(), page)
    assert [(e.field, e.code) for e in caught.value.errors] == [("cursor", "invalid")]


async def test_persons_of_one_name_page_by_id(backend: Backend) -> None:
    u = backend.unit
    police = rows.org(u, "Politiet", POLICE)
    school = rows.org(u, "Skolen", SCHOOL)
    await backend.store(police, school)
    karis = [rows.person(u, "Kari Nordmann"), rows.person(u, "kari nordmann")]
    anne = rows.person(u, "Anne Lærer", title="Lærer", organisation_id=school.id)
    ola = rows.person(u, "Ola", email="ola@politiet.invalid", organisation_id=police.id)
    await backend.store(*karis, anne, ola)
    expected = [anne, *sorted(karis, key=lambda p: str(p.id)), ola]
    async with backend.factory(u) as uow:
        for limit in (1, 2, 3):
            seen, totals = await walk(uow.persons.list, PersonFilter(), limit)
            assert (seen, totals) == (expected, {4})
        by = uow.persons.list
        page = PageRequest()
        assert (await by(PersonFilter(q="LAERER"), page)).items == [anne]  # the title
        assert (await by(PersonFilter(q="politiet.inv"), page)).items == [ola]  # the e-mail
        assert (await by(PersonFilter(organisation_id=school.id), page)).items == [anne]
        assert (await by(PersonFilter(organisation_type=POLICE), page)).items == [ola]
        assert (await by(PersonFilter(organisation_type=OTHER), page)).items == []


async def test_bodies_list_and_all(backend: Backend) -> None:
    u = backend.unit
    made = [
        rows.body(u, "Arbeidsgruppe barn", Level.EXECUTIVE),
        rows.body(u, "koordineringsgruppa", Level.COORDINATING),
        rows.body(u, "Politirådet", Level.STEERING, is_politiraad=True),
    ]
    await backend.store(*reversed(made))
    async with backend.factory(u) as uow:
        seen, totals = await walk(uow.bodies.list, BodyFilter(), 2)
        assert (seen, totals) == (made, {3})
        assert list(await uow.bodies.all()) == made
        steering = await uow.bodies.list(BodyFilter(level=Level.STEERING), PageRequest())
        assert steering.items == [made[2]]
        found = await uow.bodies.list(BodyFilter(q="POLITIRADET"), PageRequest())
        assert found.items == [made[2]]
