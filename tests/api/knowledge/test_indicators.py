"""Indicator definitions over HTTP: create, read with ETag, change and delete with If-Match, the
unit's unique code (409), and bad input as field errors with nothing written — never a 500."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api.knowledge.support import INDICATOR, as_person, etag, ok, problem

BAD_BODIES: list[tuple[str, dict[str, Any]]] = [
    ("nul in name", {**INDICATOR, "name": "Alko\x00hol"}),
    ("huge name", {**INDICATOR, "name": "x" * 100_000}),
    ("null code", {**INDICATOR, "code": None}),
    ("number as code", {**INDICATOR, "code": 7}),
    ("unknown source", {**INDICATOR, "source": "facebook"}),
    ("bad code", {**INDICATOR, "code": "Ungdata Alkohol"}),
    ("unknown factor", {**INDICATOR, "factors": ["no-such-factor"]}),
    ("factors not a list", {**INDICATOR, "factors": "a,b"}),
    ("string bool", {**INDICATOR, "higherIsBetter": "yes"}),
    ("unknown field", {**INDICATOR, "colour": "red"}),
    ("blank name", {**INDICATOR, "name": "   "}),
]


async def test_create_read_change_delete(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    r = await client.post("/api/indicators", json=INDICATOR, headers=h)
    created = ok(r, 201)
    assert r.headers["Location"] == f"/api/indicators/{created['id']}"
    assert r.headers["ETag"] == '"1"'
    assert created["code"] == "ungdata.alkohol" and created["higherIsBetter"] is False
    one = f"/api/indicators/{created['id']}"
    got = await client.get(one, headers=h)
    assert ok(got) == created and got.headers["ETag"] == '"1"'

    problem(await client.patch(one, json={"name": "Ny"}, headers=h), 428, "version-required")
    stale = {**h, "If-Match": '"7"'}
    problem(await client.patch(one, json={"name": "Ny"}, headers=stale), 412, "stale-version")
    r = await client.patch(
        one,
        json={"name": "Beruselse", "description": None, "factors": []},
        headers={**h, **etag(got)},
    )
    changed = ok(r)
    assert changed["name"] == "Beruselse" and changed["version"] == 2
    assert r.headers["ETag"] == '"2"'
    listed = ok(await client.get("/api/indicators?category=substance_use", headers=h))
    assert [i["code"] for i in listed["items"]] == ["ungdata.alkohol"]
    assert ok(await client.get("/api/indicators?category=school", headers=h))["total"] == 0
    assert ok(await client.get("/api/indicators?q=BERUS", headers=h))["total"] == 1

    problem(await client.delete(one, headers={**h, **etag(got)}), 412, "stale-version")
    assert (await client.delete(one, headers={**h, **etag(r)})).status_code == 204
    problem(await client.get(one, headers=h), 404, "not-found")


async def test_the_code_is_the_units_own(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    ok(await client.post("/api/indicators", json=INDICATOR, headers=h), 201)
    r = await client.post("/api/indicators", json={**INDICATOR, "name": "Igjen"}, headers=h)
    problem(r, 409, "indicator-code-taken")
    other = await as_person(client, "other_unit_coordinator")
    ok(await client.post("/api/indicators", json=INDICATOR, headers=other), 201)


@pytest.mark.parametrize("body", [b for _, b in BAD_BODIES], ids=[n for n, _ in BAD_BODIES])
async def test_bad_input_is_a_field_error(client: httpx.AsyncClient, body: dict[str, Any]) -> None:
    h = await as_person(client, "coordinator")
    r = await client.post("/api/indicators", json=body, headers=h)
    assert r.status_code == 422, r.text
    assert r.json()["errors"], r.text
    assert ok(await client.get("/api/indicators", headers=h))["total"] == 0


async def test_bad_changes_change_nothing(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    r = await client.post("/api/indicators", json=INDICATOR, headers=h)
    one, version = f"/api/indicators/{r.json()['id']}", {**h, **etag(r)}
    for body in ({"name": None}, {"code": "x\x00"}, {"measureUnit": "litre"}, {"name": 3}):
        assert (await client.patch(one, json=body, headers=version)).status_code == 422, body
    assert ok(await client.get(one, headers=h))["version"] == 1
    for bad in ("abc", "0" * 5000, '"1", "2"'):
        r = await client.patch(one, json={"name": "X"}, headers={**h, "If-Match": bad})
        assert r.status_code == 422, (bad, r.text)
    for bad_id in ("not-a-uuid", "0" * 400):
        assert (await client.get(f"/api/indicators/{bad_id}", headers=h)).status_code == 422
