"""Police district scoping over HTTP: the dev police system reads the units of its district that
registered it with samordna:trends.read — a unit of the same district that has not registered it,
or one of another district that has, reads nothing (404, absent from the catalogue). And a
release whose counts exceed the populations is never a 500."""

from __future__ import annotations

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.identity.personas import machine
from adapters.postgres.demo.data import DEMO_UNIT, OTHER_UNIT
from api.bootstrap import Container
from domain.shared.principal import Principal, PrincipalKind, Role
from tests.api.trends.conftest import last_half
from tests.api.trends.support import SCOPE, TABLE, as_machine, as_person, problem

pytestmark = pytest.mark.usefixtures("released")
REGISTER = sa.text(
    "INSERT INTO machine_client (consumer_id, unit_id, name, scopes) VALUES (:c, :u, :n, :s)"
)


async def _units(client: httpx.AsyncClient, h: dict[str, str]) -> list[str]:
    return [u["id"] for u in (await client.get("/api/trends", headers=h)).json()["units"]]


async def test_only_registered_units_of_the_district(
    client: httpx.AsyncClient, admin_engine: AsyncEngine, container: Container
):
    period = str(last_half())
    nils = Principal(kind=PrincipalKind.PERSON, subject_key="nils", unit_id=OTHER_UNIT,
                     display_name="Nils Nabokommune", roles=frozenset({Role.COORDINATOR}))  # fmt: skip
    await container.trends.release(nils, period)  # Indre Sogn releases its half-year
    url = f"/api/trends/{TABLE}?period={period}&unit={OTHER_UNIT}"
    police = machine("police_system")
    async with admin_engine.begin() as conn:  # another district, registered: still nothing
        await conn.execute(
            REGISTER, {"c": police.consumer_id, "u": OTHER_UNIT, "n": police.name, "s": [SCOPE]}
        )
    h = await as_machine(client)
    assert await _units(client, h) == [str(DEMO_UNIT)]
    problem(await client.get(url, headers=h), 404, "trend-not-released")
    async with admin_engine.begin() as conn:  # the same district, the registration removed
        await conn.execute(sa.text("UPDATE slt_unit SET police_district = 'ost' WHERE id = :u"),
                           {"u": OTHER_UNIT})  # fmt: skip
        await conn.execute(
            sa.text("DELETE FROM machine_client WHERE unit_id = :u AND consumer_id = :c"),
            {"u": OTHER_UNIT, "c": police.consumer_id},
        )
    assert await _units(client, h) == [str(DEMO_UNIT)]
    problem(await client.get(url, headers=h), 404, "trend-not-released")
    async with admin_engine.begin() as conn:  # the same district, registered: readable
        await conn.execute(
            REGISTER, {"c": police.consumer_id, "u": OTHER_UNIT, "n": police.name, "s": [SCOPE]}
        )
    assert sorted(await _units(client, h)) == sorted([str(DEMO_UNIT), str(OTHER_UNIT)])
    r = await client.get(url, headers=h)
    assert r.status_code == 200 and str(OTHER_UNIT).encode() in r.content
    h = await as_person(client, "other_unit_coordinator")
    log = (await client.get("/api/trends/pulls", headers=h)).json()
    assert [x["clientOrg"] for x in log["items"]] == [police.consumer_id]


async def test_counts_above_the_populations_are_no_500(
    client: httpx.AsyncClient, admin_engine: AsyncEngine
):
    async with admin_engine.begin() as conn:
        await conn.execute(
            sa.text("UPDATE knowledge_area_populations SET residents = 3 WHERE unit_id = :u"),
            {"u": DEMO_UNIT},
        )
    h = await as_person(client, "coordinator")
    r = await client.post("/api/trends/releases", json={"period": str(last_half())}, headers=h)
    assert r.status_code in (201, 409, 422), r.text
    if r.status_code == 201:
        assert r.json()["revision"] == 2
