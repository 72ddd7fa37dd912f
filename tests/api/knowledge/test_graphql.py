"""GraphQL over the knowledge use cases: the key reads and every mutation agree with REST (same
data, same rules, same problem codes); bad input is a typed problem, never a 500."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api.knowledge.support import (
    AREAS_CSV,
    INDICATOR,
    OBSERVATIONS_CSV,
    as_machine,
    as_person,
    imported,
    ok,
    run,
    settle,
)

CREATE = """mutation($input: IndicatorInput!) { createIndicator(input: $input) {
  __typename ... on Indicator { id code version }
  ... on Problem { code message } ... on ValidationProblem { fieldErrors { field code } } } }"""
UPDATE = """mutation($id: UUID!, $v: Int!, $input: IndicatorInput!) {
  updateIndicator(id: $id, version: $v, input: $input) {
  __typename ... on Indicator { name version description } ... on Problem { code } } }"""
DELETE = """mutation($id: UUID!, $v: Int!) { deleteIndicator(id: $id, version: $v) {
  __typename ... on Problem { code } } }"""
COMMIT = """mutation($id: UUID!, $v: Int!) { commitImport(id: $id, version: $v) {
  __typename ... on ImportJob { id status mode version } ... on Problem { code } } }"""
ROLLBACK = """mutation($id: UUID!, $v: Int!) { rollbackImport(id: $id, version: $v) {
  __typename ... on ImportJob { status rolledBackAt } ... on Problem { code message } } }"""
READS = """{ indicators(category: "substance_use") { total items { code factors } }
  areas { code kind populations { year } }
  observations(indicators: ["ungdata.alkohol"], periodFrom: "2024") { total items { period value } }
  situationalPicture(indicators: ["ungdata.alkohol"], area: "sentrum") {
    series { indicator { code } area { code } cohort gender points { period value count } }
    measuresByFactor { factor measures { id } } }
  importKinds { kind key columns { name type required aliases vocabulary } }
  importJobs { total items { kind status result { inserted } } } }"""
INPUT = {
    "code": "ungdata.alkohol",
    "name": "Beruset siste år",
    "source": "ungdata",
    "category": "substance_use",
    "measureUnit": "percent",
}


async def gql(c: httpx.AsyncClient, h: dict[str, str], query: str, **variables: Any) -> Any:
    r = await c.post("/graphql", json={"query": query, "variables": variables}, headers=h)
    assert r.status_code == 200, r.text
    return r.json()


async def test_reads_agree_with_rest(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    ok(await client.post("/api/indicators", json=INDICATOR, headers=h), 201)
    await imported(client, h, "areas", AREAS_CSV)
    await imported(client, h, "observations", OBSERVATIONS_CSV)
    h = await as_person(client, "police_contact")
    data = (await gql(client, h, READS))["data"]
    assert data["indicators"]["total"] == 1
    assert [a["code"] for a in data["areas"]] == ["kjeller", "lillestrom", "sentrum"]
    rest = ok(await client.get("/api/observations?indicator=ungdata.alkohol&from=2024", headers=h))
    assert data["observations"]["total"] == rest["total"] == 2
    series = data["situationalPicture"]["series"]
    assert [s["area"]["code"] for s in series] == ["sentrum"]
    assert [p["period"] for p in series[0]["points"]] == ["2023", "2024"]
    rest_picture = ok(
        await client.get("/api/picture?indicator=ungdata.alkohol&area=sentrum", headers=h)
    )
    assert len(rest_picture["series"]) == 1
    assert rest_picture["series"][0]["points"][0]["count"] == series[0]["points"][0]["count"] == 25
    assert {k["kind"] for k in data["importKinds"]} == {
        "INDICATORS", "AREAS", "POPULATIONS", "OBSERVATIONS", "EVENTS",
    }  # fmt: skip
    assert data["importJobs"]["total"] == 2


async def test_indicator_mutations(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    made = (await gql(client, h, CREATE, input=INPUT))["data"]["createIndicator"]
    assert made["__typename"] == "Indicator" and made["version"] == 1
    again = (await gql(client, h, CREATE, input=INPUT))["data"]["createIndicator"]
    assert (again["__typename"], again["code"]) == ("ConflictProblem", "indicator-code-taken")
    stale = await gql(client, h, UPDATE, id=made["id"], v=7, input={"name": "X"})
    assert stale["data"]["updateIndicator"]["code"] == "stale-version"
    changed = await gql(client, h, UPDATE, id=made["id"], v=1, input={"description": "Om rus"})
    assert changed["data"]["updateIndicator"]["description"] == "Om rus"
    cleared = await gql(client, h, UPDATE, id=made["id"], v=2, input={"description": None})
    assert cleared["data"]["updateIndicator"] == {
        "__typename": "Indicator", "name": "Beruset siste år", "version": 3, "description": None,
    }  # fmt: skip
    gone = await gql(client, h, DELETE, id=made["id"], v=3)
    assert gone["data"]["deleteIndicator"]["__typename"] == "Deleted"
    assert ok(await client.get("/api/indicators", headers=h))["total"] == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": "Nul\x00"}, "name"),
        ({"name": "x" * 50_000}, "name"),
        ({"code": "Not A Code"}, "code"),
        ({"source": "tiktok"}, "source"),
        ({"factors": ["nope"]}, "factors"),
        ({"name": None}, "name"),
    ],
    ids=["nul", "huge", "code", "source", "factor", "null-name"],
)
async def test_bad_input_is_a_validation_problem(
    client: httpx.AsyncClient, change: dict[str, Any], field: str
) -> None:
    h = await as_person(client, "coordinator")
    body = await gql(client, h, CREATE, input={**INPUT, **change})
    answer = body["data"]["createIndicator"]
    assert answer["__typename"] == "ValidationProblem", body
    assert field in {e["field"] for e in answer["fieldErrors"]}
    assert ok(await client.get("/api/indicators", headers=h))["total"] == 0


async def test_bad_arguments_are_errors_not_crashes(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    for query in (
        '{ observations(indicators: ["a\\u0000"]) { total } }',
        '{ observations(periodFrom: "2024H7") { total } }',
        '{ situationalPicture(cohort: "' + "x" * 5000 + '") { series { cohort } } }',
        '{ indicators(q: "\\u0000") { total } }',
        '{ importJob(id: "not-a-uuid") { id } }',
    ):
        r = await client.post("/graphql", json={"query": query}, headers=h)
        assert r.status_code in (200, 400), r.text
        assert r.json()["errors"], r.text
        assert "internal" not in r.text.lower(), r.text


async def test_commit_and_rollback(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    preview = await run(client, h, "areas", AREAS_CSV)
    stale = await gql(client, h, COMMIT, id=preview["id"], v=preview["version"] + 5)
    assert stale["data"]["commitImport"]["code"] == "stale-version"
    queued = await gql(client, h, COMMIT, id=preview["id"], v=preview["version"])
    assert queued["data"]["commitImport"]["mode"] == "COMMIT"
    done = await settle(client, h, preview["id"])
    assert done["status"] == "committed" and len(ok(await client.get("/api/areas", headers=h))) == 3
    undone = await gql(client, h, ROLLBACK, id=done["id"], v=done["version"])
    assert undone["data"]["rollbackImport"]["status"] == "ROLLED_BACK"
    assert ok(await client.get("/api/areas", headers=h)) == []
    again = await gql(client, h, ROLLBACK, id=done["id"], v=done["version"] + 1)
    assert again["data"]["rollbackImport"]["__typename"] == "ConflictProblem"


@pytest.mark.parametrize("who", ["police_contact", "steering_reader", "body_member", "machine"])
async def test_who_may_not_change_indicators(client: httpx.AsyncClient, who: str) -> None:
    h = await as_machine(client) if who == "machine" else await as_person(client, who)
    body = await gql(client, h, CREATE, input=INPUT)
    assert body["data"]["createIndicator"]["__typename"] == "ForbiddenProblem", body
