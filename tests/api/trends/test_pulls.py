"""Trends over HTTP: the dev police system (real machine token) pulls the demo's frozen tables as
JSON and CSV — the same bytes every time, ETag their sha256, each pull in the unit's log — and
nothing but what TREND-A publishes; ad-hoc filters are refused; who else reads what."""

from __future__ import annotations

import hashlib
from uuid import uuid4

import httpx
import pytest

from adapters.postgres.demo.data import DEMO_UNIT, OTHER_UNIT
from tests.api.trends.conftest import last_half
from tests.api.trends.support import (
    TABLE,
    as_machine,
    as_person,
    assert_trend_a,
    problem,
    published_values,
)

pytestmark = pytest.mark.usefixtures("released")


async def test_the_police_system_pulls_json_and_csv_byte_identical_and_logged(
    client: httpx.AsyncClient,
):
    h = await as_machine(client)
    catalogue = (await client.get("/api/trends", headers=h)).json()
    assert [u["id"] for u in catalogue["units"]] == [str(DEMO_UNIT)]
    period = str(last_half())
    assert period in catalogue["units"][0]["periods"]
    assert {t["code"] for t in catalogue["tables"]} >= {TABLE, "substance-treatment"}
    url = f"/api/trends/{TABLE}?period={period}"
    first, again = await client.get(url, headers=h), await client.get(url, headers=h)
    assert first.status_code == 200 and first.headers["content-type"] == "application/json"
    assert first.content == again.content
    assert first.headers["etag"] == f'"{hashlib.sha256(first.content).hexdigest()}"'
    assert first.headers["cache-control"] == "no-store"
    assert_trend_a(published_values(first.content))
    csv = await client.get(url + "&format=csv", headers=h)
    by_accept = await client.get(url, headers={**h, "Accept": "text/csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.content == by_accept.content and b";" in csv.content
    assert csv.content.startswith(b"# ")
    h = await as_person(client, "coordinator")
    log = (await client.get("/api/trends/pulls", headers=h)).json()
    assert log["total"] == 4
    row = log["items"][0]
    assert row["clientOrg"] == "0192:991901000" and row["table"] == TABLE
    assert row["period"] == period and row["revision"] == 1 and row["cellsReleased"] > 0
    assert {r["format"] for r in log["items"]} == {"json", "csv"}


@pytest.mark.parametrize(
    "query",
    ["category=violence", "area=sentrum", "period=2025H1&age_band=14-15", "municipality=3205"],
)
async def test_ad_hoc_filters_are_refused_naming_them(client: httpx.AsyncClient, query: str):
    h = await as_machine(client)
    r = await client.get(f"/api/trends/{TABLE}?period={last_half()}&{query}", headers=h)
    body = problem(r, 400, "trend-filter-refused")
    assert query.split("&")[-1].split("=")[0] in body["detail"]


async def test_all_tables_of_every_released_period_obey_trend_a(client: httpx.AsyncClient):
    h = await as_person(client, "police_contact")
    catalogue = (await client.get("/api/trends", headers=h)).json()
    [unit] = catalogue["units"]
    grains = {t["code"]: t["grain"] for t in catalogue["tables"]}
    pulled = 0
    for period in unit["periods"]:
        for table, grain in grains.items():
            if (grain == "year") != ("H" not in period):
                continue
            r = await client.get(f"/api/trends/{table}?period={period}", headers=h)
            assert r.status_code == 200, r.text
            values = published_values(r.content)
            assert not [v for v in values if 1 <= v <= 7] and all(v % 5 == 0 for v in values)
            pulled += 1
    assert pulled == 4 * 3 + 2


@pytest.mark.parametrize("who", ["police_contact", "coordinator", "unit_admin", "steering_reader"])
async def test_persons_of_the_unit_read_their_own_unit_only(client: httpx.AsyncClient, who: str):
    h = await as_person(client, who)
    catalogue = (await client.get("/api/trends", headers=h)).json()
    assert [u["id"] for u in catalogue["units"]] == [str(DEMO_UNIT)]
    url = f"/api/trends/{TABLE}?period={last_half()}"
    assert (await client.get(url, headers=h)).status_code == 200
    problem(await client.get(f"{url}&unit={OTHER_UNIT}", headers=h), 404, "trend-not-released")
    problem(await client.get(f"{url}&unit={uuid4()}", headers=h), 404, "trend-not-released")


async def test_another_unit_and_a_body_member_read_nothing(client: httpx.AsyncClient):
    url = f"/api/trends/{TABLE}?period={last_half()}"
    h = await as_person(client, "other_unit_coordinator")  # Indre Sogn: another police district
    assert (await client.get("/api/trends", headers=h)).json()["units"][0]["periods"] == []
    problem(await client.get(f"{url}&unit={DEMO_UNIT}", headers=h), 404, "trend-not-released")
    problem(await client.get(url, headers=h), 404)
    h = await as_person(client, "body_member")
    problem(await client.get("/api/trends", headers=h), 403)
    problem(await client.get(url, headers=h), 403)
    problem(await client.get("/api/trends/pulls", headers=h), 403)


async def test_machines_without_the_scope_are_forbidden(client: httpx.AsyncClient):
    h = await as_machine(client, "import_script", ["samordna:import.write"])
    problem(await client.get("/api/trends", headers=h), 403)
    problem(await client.get(f"/api/trends/{TABLE}?period={last_half()}", headers=h), 403)
    problem(await client.get("/api/trends/pulls", headers=h), 403)
    h = await as_machine(client)
    problem(await client.get("/api/trends/pulls", headers=h), 403)
    problem(await client.post("/api/trends/releases", json={"period": "2024H1"}, headers=h), 403)


async def test_bad_pulls(client: httpx.AsyncClient):
    h = await as_machine(client)
    problem(await client.get(f"/api/trends/nope?period={last_half()}", headers=h), 404)
    for query in ("period=2024H9", "period=2024H1&revision=0", "period=2024H1&unit=x",
                  "period=2024H1&format=xlsx", "", "period=" + "9" * 20):  # fmt: skip
        problem(await client.get(f"/api/trends/{TABLE}?{query}", headers=h), 422)
    problem(await client.get(f"/api/trends/{TABLE}?period=2024Q1", headers=h), 404)
    r = await client.get(f"/api/trends/{TABLE}?period={last_half()}&revision=9", headers=h)
    problem(r, 404, "trend-not-released")
