"""Agreements over GraphQL agree with REST: same data, same rules, same errors."""

from __future__ import annotations

from typing import Any

import httpx

from tests.api.agreements.conftest import KOMMUNE, POLITI
from tests.api.agreements.conftest import PAYLOAD as REST_PAYLOAD

PAYLOAD = {**REST_PAYLOAD, "kind": "POLICE_COUNCIL"}  # GraphQL spells enum values in capitals

FIELDS = "id title status reviewOn partyIds archiveWorthy documentationStatus version document { sha256 }"
CREATE = f"""mutation($input: AgreementInput!) {{ createAgreement(input: $input) {{
  __typename ... on Agreement {{ {FIELDS} }}
  ... on ValidationProblem {{ code fieldErrors {{ field code }} }} }} }}"""
UPDATE = f"""mutation($id: UUID!, $v: Int!, $input: AgreementInput!) {{
  updateAgreement(id: $id, version: $v, input: $input) {{
  __typename ... on Agreement {{ {FIELDS} }} ... on Problem {{ code }} }} }}"""


async def gql(c: httpx.AsyncClient, query: str, **variables: Any) -> dict[str, Any]:
    r = await c.post("/graphql", json={"query": query, "variables": variables})
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


async def test_create_read_update_as_rest_does(coordinator: httpx.AsyncClient) -> None:
    created = (await gql(coordinator, CREATE, input=PAYLOAD))["data"]["createAgreement"]
    assert created["__typename"] == "Agreement" and created["reviewOn"] == "2029-09-30"
    rest = (await coordinator.get(f"/api/agreements/{created['id']}")).json()
    for key in ("title", "status", "reviewOn", "partyIds", "version", "documentationStatus"):
        assert created[key] == (rest[key].upper() if key.endswith("tatus") else rest[key])
    listed = await gql(coordinator, "{ agreements(status: ACTIVE) { total items { id } } }")
    assert listed["data"]["agreements"]["total"] == 1
    stale = await gql(coordinator, UPDATE, id=created["id"], v=9, input={"title": "Ny"})
    assert stale["data"]["updateAgreement"] == {
        "__typename": "StaleVersionProblem",
        "code": "stale-version",
    }
    ok = await gql(coordinator, UPDATE, id=created["id"], v=1, input={"title": "Ny"})
    assert ok["data"]["updateAgreement"]["version"] == 2


async def test_field_errors_as_rest_names_them(coordinator: httpx.AsyncClient) -> None:
    bad = {**PAYLOAD, "partyIds": [str(KOMMUNE)], "title": "a\u0000b", "validUntil": "2025-01-01"}
    answer = (await gql(coordinator, CREATE, input=bad))["data"]["createAgreement"]
    assert answer["__typename"] == "ValidationProblem"
    assert {(e["field"], e["code"]) for e in answer["fieldErrors"]} >= {
        ("partyIds", "too-few"),
        ("title", "control-characters"),
        ("validUntil", "not-after-signed"),
    }
    missing = await gql(coordinator, CREATE, input={"title": "X", "partyIds": [str(POLITI)]})
    fields = {e["field"] for e in missing["data"]["createAgreement"]["fieldErrors"]}
    assert fields == {"kind", "signedOn", "validUntil"}


async def test_a_reader_may_not_create(client: httpx.AsyncClient) -> None:
    from tests.support.auth import login

    client.headers["X-CSRF-Token"] = await login(client, "steering_reader")
    answer = await gql(
        client,
        CREATE.replace("ValidationProblem { code fieldErrors { field code } }", "Problem { code }"),
        input=PAYLOAD,
    )
    assert answer["data"]["createAgreement"]["code"] == "forbidden"
