"""Nothing of one SLT unit is visible to another, through either door."""

from __future__ import annotations

import pytest

from adapters.postgres.demo import demo_id
from tests.support.auth import login

BODY = demo_id("body/politirad")
PERSON = demo_id("person/kari")
MEMBERSHIP = demo_id("membership/politirad/kari")
ORG = demo_id("org/politi")


@pytest.fixture
async def neighbour(client):
    """The coordinator of SLT Indre Sogn, looking at SLT Lillestrøm's ids."""
    client.headers["X-CSRF-Token"] = await login(client, "other_unit_coordinator")
    return client


async def test_lists_show_only_the_own_unit(neighbour):
    me = (await neighbour.get("/api/me")).json()
    assert me["unit"]["name"] == "SLT Indre Sogn (demo)"
    assert [b["name"] for b in (await neighbour.get("/api/bodies")).json()["items"]] == [
        "Koordineringsgruppa"
    ]
    assert [p["name"] for p in (await neighbour.get("/api/persons")).json()["items"]] == [
        "Nils Nabokommune"
    ]
    assert (await neighbour.get("/api/organisations")).json()["total"] == 0
    assert (await neighbour.get("/api/memberships")).json()["total"] == 0
    picture = (await neighbour.get("/api/unit/picture")).json()
    assert sum(len(lvl["bodies"]) for lvl in picture["levels"]) == 1


@pytest.mark.parametrize(
    "path",
    [
        f"/api/bodies/{BODY}",
        f"/api/persons/{PERSON}",
        f"/api/memberships/{MEMBERSHIP}",
        f"/api/organisations/{ORG}",
    ],
)
async def test_another_units_ids_do_not_exist(neighbour, path):
    assert (await neighbour.get(path)).status_code == 404
    r = await neighbour.patch(path, json={}, headers={"If-Match": '"1"'})
    assert r.status_code == 404
    r = await neighbour.delete(path, headers={"If-Match": '"1"'})
    assert r.status_code == 404


async def test_cannot_link_to_another_units_rows(neighbour):
    own = (await neighbour.get("/api/persons")).json()["items"][0]
    r = await neighbour.post(
        "/api/memberships", json={"bodyId": str(BODY), "personId": own["id"], "role": "member"}
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "bodyId"
    r = await neighbour.post("/api/persons", json={"name": "Ny", "organisationId": str(ORG)})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "organisationId"


async def test_graphql_sees_only_the_own_unit(neighbour):
    r = await neighbour.post(
        "/graphql", json={"query": f'{{ bodies {{ total }} body(id: "{BODY}") {{ id }} }}'}
    )
    data = r.json()
    assert data["errors"][0]["extensions"]["code"] == "not-found"
    r = await neighbour.post(
        "/graphql", json={"query": "{ bodies { items { name memberships { personName } } } }"}
    )
    assert r.json()["data"]["bodies"]["items"] == [
        {"name": "Koordineringsgruppa", "memberships": []}
    ]


async def test_after_switching_unit_nothing_of_the_old_unit_is_visible(client):
    """An inter-municipal coordinator switches from SLT Lillestrøm to SLT Indre Sogn."""
    client.headers["X-CSRF-Token"] = await login(client, "inter_municipal_coordinator")
    me = (await client.get("/api/me")).json()
    assert me["unit"]["name"] == "SLT Lillestrøm (demo)"
    other = next(u for u in me["units"] if u["name"] == "SLT Indre Sogn (demo)")
    assert (await client.get(f"/api/bodies/{BODY}")).status_code == 200

    switched = await client.post("/api/me/unit", json={"unitId": other["id"]})
    assert switched.status_code == 200, switched.text
    assert switched.json()["unit"] == other
    assert (await client.get("/api/me")).json()["unit"] == other
    assert [b["name"] for b in (await client.get("/api/bodies")).json()["items"]] == [
        "Koordineringsgruppa"
    ]
    assert (await client.get("/api/organisations")).json()["total"] == 0
    assert (await client.get("/api/memberships")).json()["total"] == 0
    for path in (
        f"/api/bodies/{BODY}",
        f"/api/persons/{PERSON}",
        f"/api/memberships/{MEMBERSHIP}",
        f"/api/organisations/{ORG}",
    ):
        assert (await client.get(path)).status_code == 404, path
    graphql = await client.post("/graphql", json={"query": "{ bodies { items { name } } }"})
    assert graphql.json()["data"]["bodies"]["items"] == [{"name": "Koordineringsgruppa"}]
