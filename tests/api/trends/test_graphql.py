"""GraphQL over trends: the catalogue, a published table (typed cells equal to REST's frozen
body, the pull logged), releases and releaseTrends agree with REST — same callers, same problem
codes; bad arguments are errors, never crashes."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from adapters.postgres.demo.data import DEMO_UNIT, OTHER_UNIT
from tests.api.trends.conftest import last_half, today
from tests.api.trends.support import TABLE, as_machine, as_person, assert_trend_a

TABLE_Q = """query($t: String!, $p: String!, $u: UUID, $r: Int) {
  trendTable(table: $t, period: $p, unit: $u, revision: $r) {
    table period revision ruleSet unitId dimensions etag
    cells { dims value flags } totals { dims value flags } } }"""
CATALOGUE = "{ trendCatalogue { tables { code grain tier } units { id periods } } }"
RELEASE = """mutation($p: String!) { releaseTrends(period: $p) {
  __typename ... on TrendRelease { period revision tables auditPassed changeLog { table } }
  ... on Problem { code } } }"""


async def gql(c: httpx.AsyncClient, h: dict[str, str], query: str, **variables: Any) -> Any:
    r = await c.post("/graphql", json={"query": query, "variables": variables}, headers=h)
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.usefixtures("released")
async def test_the_police_system_reads_the_same_table_as_rest_and_is_logged(
    client: httpx.AsyncClient,
):
    h = await as_machine(client)
    cat = (await gql(client, h, CATALOGUE))["data"]["trendCatalogue"]
    assert [u["id"] for u in cat["units"]] == [str(DEMO_UNIT)]
    period = str(last_half())
    got = (await gql(client, h, TABLE_Q, t=TABLE, p=period))["data"]["trendTable"]
    rest = await client.get(f"/api/trends/{TABLE}?period={period}", headers=h)
    doc = json.loads(rest.content)
    assert got["etag"] == rest.headers["etag"].strip('"') and got["revision"] == 1
    assert [c["value"] for c in got["cells"]] == [c["value"] for c in doc["cells"]]
    assert [c["value"] for c in got["totals"]] == [c["value"] for c in doc["totals"]]
    assert_trend_a([c["value"] for c in (*got["cells"], *got["totals"]) if c["value"] is not None])
    h = await as_person(client, "coordinator")
    log = (await client.get("/api/trends/pulls", headers=h)).json()
    assert log["total"] == 2 and {r["clientOrg"] for r in log["items"]} == {"0192:991901000"}
    # another unit: not found, exactly as a period never released
    r = await gql(client, h, TABLE_Q, t=TABLE, p=period, u=str(OTHER_UNIT))
    assert r["errors"] and r["data"] is None
    h = await as_person(client, "other_unit_coordinator")
    r = await gql(client, h, TABLE_Q, t=TABLE, p=period, u=str(DEMO_UNIT))
    assert r["errors"] and "not-released" in json.dumps(r["errors"])
    h = await as_person(client, "body_member")
    assert (await gql(client, h, CATALOGUE))["errors"]


@pytest.mark.usefixtures("events")
async def test_release_trends_with_the_rest_rules(client: httpx.AsyncClient):
    h = await as_person(client, "police_contact")
    r = (await gql(client, h, RELEASE, p=str(last_half())))["data"]["releaseTrends"]
    assert r == {"__typename": "ForbiddenProblem", "code": "forbidden"}
    h = await as_person(client, "coordinator")
    r = (await gql(client, h, RELEASE, p=str(last_half())))["data"]["releaseTrends"]
    assert r["__typename"] == "TrendRelease" and r["revision"] == 1 and r["auditPassed"]
    assert len(r["tables"]) == 3
    ongoing = str(today().year)
    r = (await gql(client, h, RELEASE, p=ongoing))["data"]["releaseTrends"]
    assert r == {"__typename": "ConflictProblem", "code": "period-not-ended"}
    for bad in ("2024Q1", "x" * 5000, "2024\x00H1"):
        r = (await gql(client, h, RELEASE, p=bad))["data"]["releaseTrends"]
        assert r["__typename"] == "ValidationProblem", r
    listed = (await gql(client, h, "{ trendReleases { period revision auditRounds } }"))["data"]
    assert [x["period"] for x in listed["trendReleases"]] == [str(last_half())]


@pytest.mark.usefixtures("events")
async def test_bad_arguments_are_errors_not_crashes(client: httpx.AsyncClient):
    h = await as_person(client, "coordinator")
    for t, p, rev in ((TABLE, "2024H7", None), ("nope", "2024H1", None), (TABLE, "9" * 5000, None),
                      (TABLE, "2024H1", 0), ("\x00", "2024H1", None)):  # fmt: skip
        r = await client.post(
            "/graphql", json={"query": TABLE_Q, "variables": {"t": t, "p": p, "r": rev}}, headers=h
        )
        assert r.status_code in (200, 400), r.text
        assert r.json()["errors"] and "internal" not in r.text.lower(), r.text
