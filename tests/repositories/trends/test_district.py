"""Repository tier, trends: police systems read across units only through migration 0015's
definer functions — the units of their home unit's police district that registered them with
``samordna:trends.read`` — and every pull is logged in the pulled unit; persons stay in theirs."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from uuid import uuid4

import pytest

from domain.knowledge.periods import Period
from domain.shared.pagination import PageRequest
from domain.shared.principal import Principal, PrincipalKind, Role
from domain.trends.errors import NotReleased
from domain.trends.model import PullRecord
from tests.repositories.trends.conftest import SCOPE, T0, TrendsDb, release

H1 = Period.parse("2026H1")
POLICE, OSLO = "0192:974760673", "0192:974760999"


def machine(consumer: str, unit) -> Principal:
    return Principal(kind=PrincipalKind.MACHINE, subject_key=consumer, unit_id=unit,
                     display_name="Politiet", scopes=frozenset({SCOPE}))  # fmt: skip


def person(unit, name: str = "Per Politikontakt") -> Principal:
    return Principal(kind=PrincipalKind.PERSON, subject_key="hash", unit_id=unit,
                     display_name=name, roles=frozenset({Role.POLICE_CONTACT}),
                     person_id=uuid4())  # fmt: skip


def pull(unit, *, client: str | None = None, by: str = "", cells: int = 2) -> PullRecord:
    return PullRecord(id=uuid4(), unit_id=unit, table="offences-by-category", period=H1,
                      revision=1, fmt="json", cells_released=cells, at=T0, client_org=client,
                      person_id=None if client else uuid4(), by_name=by)  # fmt: skip


async def _released(trends: TrendsDb, *units) -> None:
    for unit in units:
        async with trends.factory(unit) as uow:
            await uow.releases.add(release(unit))
            await uow.commit()


async def test_a_police_system_reads_the_registered_units_of_its_district(trends: TrendsDb):
    await _released(trends, trends.mine, trends.neighbour, trends.far)
    await trends.register(POLICE, trends.mine)  # its home unit (first registered)
    await trends.register(POLICE, trends.neighbour, at=T0 + timedelta(days=1))
    await trends.register(POLICE, trends.far, at=T0 + timedelta(days=2))  # another district
    p = machine(POLICE, trends.mine)
    async with trends.factory(trends.mine) as uow:
        units = await uow.units.readable_units(p)
        assert [u.id for u in units] == [trends.neighbour, trends.mine]  # by name
        assert units[1].municipalities == ("4640", "4641") and units[1].police_district == "vest"
        there = await uow.releases.latest(trends.neighbour, "offences-by-category", H1)
        assert there is not None and there.unit_id == trends.neighbour
        assert await uow.releases.get(trends.mine, "offences-by-category", H1, 1) is not None
        assert await uow.releases.latest(trends.far, "offences-by-category", H1) is None
        assert (await uow.units.unit(trends.neighbour)).name == "SLT Bergen"
        with pytest.raises(Exception, match="No such unit"):
            await uow.units.unit(trends.far)


async def test_a_unit_of_the_district_that_did_not_register_the_client_reads_nothing(
    trends: TrendsDb,
):
    await _released(trends, trends.mine, trends.neighbour)
    await trends.register(POLICE, trends.mine)
    await trends.register(POLICE, trends.neighbour, scopes=("samordna:import.write",),
                          at=T0 + timedelta(days=1))  # fmt: skip
    async with trends.factory(trends.mine) as uow:
        assert [u.id for u in await uow.units.readable_units(machine(POLICE, trends.mine))] == [
            trends.mine]  # fmt: skip
        assert await uow.releases.latest(trends.neighbour, "offences-by-category", H1) is None
        with pytest.raises(NotReleased):
            await uow.pulls.append(pull(trends.neighbour, client=POLICE))


async def test_a_client_of_another_district_reads_nothing(trends: TrendsDb):
    await _released(trends, trends.mine, trends.far)
    await trends.register(OSLO, trends.far)  # home: Oslo
    await trends.register(OSLO, trends.mine, at=T0 + timedelta(days=1))  # registered in vest too
    async with trends.factory(trends.far) as uow:
        assert [u.id for u in await uow.units.readable_units(machine(OSLO, trends.far))] == [
            trends.far]  # fmt: skip
        assert await uow.releases.latest(trends.mine, "offences-by-category", H1) is None
        assert await uow.releases.latest(trends.far, "offences-by-category", H1) is not None
    async with trends.factory(trends.far) as uow:  # an unregistered consumer: nothing at all
        stranger = machine("0192:000000000", trends.far)
        assert await uow.units.readable_units(stranger) == []
        assert await uow.releases.latest(trends.far, "offences-by-category", H1) is None


async def test_pulls_are_logged_in_the_pulled_unit(trends: TrendsDb):
    await _released(trends, trends.mine, trends.neighbour)
    await trends.register(POLICE, trends.mine)
    await trends.register(POLICE, trends.neighbour, at=T0 + timedelta(days=1))
    async with trends.factory(trends.mine) as uow:
        await uow.units.readable_units(machine(POLICE, trends.mine))
        await uow.pulls.append(pull(trends.neighbour, client=POLICE, cells=3))
        await uow.commit()
    async with trends.factory(trends.mine) as uow:
        await uow.pulls.append(pull(trends.mine, by="Per Politikontakt"))
        await uow.commit()
    async with trends.factory(trends.neighbour) as uow:
        page = await uow.pulls.list(trends.neighbour, PageRequest())
        [logged] = page.items
        assert (logged.client_org, logged.by_name, logged.cells_released) == (
            POLICE, "Politiet 673", 3)  # fmt: skip
        assert logged.unit_id == trends.neighbour and logged.period == H1
    async with trends.factory(trends.mine) as uow:
        [mine] = (await uow.pulls.list(trends.mine, PageRequest())).items
        assert mine.client_org is None and mine.by_name == "Per Politikontakt"
        assert mine.person_id is not None
        # a person's pull is a row of their own unit only (row-level security)
        with pytest.raises(Exception, match="row-level security"):
            await uow.pulls.append(pull(trends.neighbour, by="Per Politikontakt"))


async def test_a_person_reads_only_their_own_unit(trends: TrendsDb):
    await _released(trends, trends.mine, trends.neighbour)
    async with trends.factory(trends.mine) as uow:
        assert [u.id for u in await uow.units.readable_units(person(trends.mine))] == [trends.mine]
        assert await uow.releases.latest(trends.mine, "offences-by-category", H1) is not None
        assert await uow.releases.latest(trends.neighbour, "offences-by-category", H1) is None


async def test_the_pull_log_pages_newest_first(trends: TrendsDb):
    async with trends.factory(trends.mine) as uow:
        for i in range(5):
            r = pull(trends.mine, by=f"P{i}")
            await uow.pulls.append(dataclasses.replace(r, at=T0 + timedelta(minutes=i)))
        await uow.commit()
    async with trends.factory(trends.mine) as uow:
        first = await uow.pulls.list(trends.mine, PageRequest(limit=3))
        rest = await uow.pulls.list(trends.mine, PageRequest.of(3, first.next_cursor))
        assert first.total == 5 and rest.next_cursor is None
        assert [r.by_name for r in (*first.items, *rest.items)] == ["P4", "P3", "P2", "P1", "P0"]
