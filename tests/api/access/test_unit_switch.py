"""The unit switcher: /api/me lists the units a person may act in; POST /api/me/unit moves the
session to one of them (CSRF-checked), and to no other."""

from __future__ import annotations

import pytest

from adapters.postgres.demo import DEMO_UNIT, OTHER_UNIT
from tests.support.auth import login, machine_token


async def test_a_person_with_one_unit_has_one_choice(client):
    await login(client, "coordinator")
    me = (await client.get("/api/me")).json()
    assert me["units"] == [{"id": str(DEMO_UNIT), "name": "SLT Lillestrøm (demo)"}]


async def test_an_inter_municipal_coordinator_starts_in_the_home_unit(client):
    await login(client, "inter_municipal_coordinator")
    me = (await client.get("/api/me")).json()
    assert me["unit"]["id"] == str(DEMO_UNIT)
    assert [u["id"] for u in me["units"]] == [str(DEMO_UNIT), str(OTHER_UNIT)]
    assert me["roles"] == ["coordinator"]


async def test_switching_back_and_forth(client):
    client.headers["X-CSRF-Token"] = await login(client, "inter_municipal_coordinator")
    for unit in (OTHER_UNIT, DEMO_UNIT, OTHER_UNIT):
        r = await client.post("/api/me/unit", json={"unitId": str(unit)})
        assert r.status_code == 200, r.text
        assert r.json()["unit"]["id"] == str(unit)
        assert r.json()["csrfToken"] == client.headers["X-CSRF-Token"]


async def test_no_switch_to_a_unit_without_access(client):
    client.headers["X-CSRF-Token"] = await login(client, "coordinator")
    r = await client.post("/api/me/unit", json={"unitId": str(OTHER_UNIT)})
    assert r.status_code == 403
    assert r.json()["type"] == "/problems/forbidden"
    assert (await client.get("/api/me")).json()["unit"]["id"] == str(DEMO_UNIT)


async def test_a_switch_needs_the_csrf_token(client):
    await login(client, "inter_municipal_coordinator")
    r = await client.post("/api/me/unit", json={"unitId": str(OTHER_UNIT)})
    assert r.status_code == 403
    assert r.json()["type"] == "/problems/csrf-failed"
    assert (await client.get("/api/me")).json()["unit"]["id"] == str(DEMO_UNIT)


@pytest.mark.parametrize("body", [{}, {"unitId": "not-a-uuid"}, {"unitId": None}])
async def test_a_switch_needs_a_unit_id(client, body):
    client.headers["X-CSRF-Token"] = await login(client, "inter_municipal_coordinator")
    r = await client.post("/api/me/unit", json=body)
    assert r.status_code == 422


async def test_a_machine_cannot_switch(client):
    token = await machine_token(client, "archive_system", ["samordna:organisation.read"])
    bearer = {"Authorization": f"Bearer {token}"}
    me = (await client.get("/api/me", headers=bearer)).json()
    assert len(me["units"]) == 1
    r = await client.post("/api/me/unit", json={"unitId": str(OTHER_UNIT)}, headers=bearer)
    assert r.status_code == 403
