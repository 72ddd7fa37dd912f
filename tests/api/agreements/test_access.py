"""Agreements: every route × every kind of caller, and another unit sees nothing (404, never 403:
the rows are not there for it), through REST and GraphQL."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api.agreements.conftest import KOMMUNE, PAYLOAD, PDF
from tests.support.auth import login, machine_token

READ, WRITE = "read", "write"
ALLOWED = {
    "unit_admin": {READ, WRITE},
    "coordinator": {READ, WRITE},
    "body_member": {READ},
    "police_contact": {READ},
    "steering_reader": {READ},
    "outsider": set(),
    "archive_system": {READ},
    "police_system": set(),
}
MACHINE_SCOPES = {
    "archive_system": ["samordna:organisation.read"],
    "police_system": ["samordna:trends.read"],
}
STALE = {"If-Match": '"999"'}
NOBODY = "e0e0e0e0-0000-4000-8000-000000000000"  # no such organisation: an allowed create stops


def cases(a: str) -> list[tuple[str, str, str, int, dict[str, Any]]]:
    """(method, path, policy, status when allowed, request keywords): allowed writes stop at a
    harmless rule (a stale version, a missing party), so the matrix changes nothing."""
    one, doc = f"/api/agreements/{a}", f"/api/agreements/{a}/document"
    return [
        ("GET", "/api/agreements", READ, 200, {}),
        (
            "POST",
            "/api/agreements",
            WRITE,
            422,
            {"json": {**PAYLOAD, "partyIds": [str(KOMMUNE), NOBODY]}},
        ),
        ("GET", one, READ, 200, {}),
        ("PATCH", one, WRITE, 412, {"json": {"title": "X"}, "headers": STALE}),
        ("DELETE", one, WRITE, 412, {"headers": STALE}),
        ("PUT", doc, WRITE, 412, {"content": PDF, "headers": STALE}),
        ("GET", doc, READ, 200, {}),
        ("DELETE", doc, WRITE, 412, {"headers": STALE}),
    ]


@pytest.fixture
async def stored(second: httpx.AsyncClient) -> str:
    """An agreement with its document, made in another browser."""
    r = await second.post("/api/agreements", json=PAYLOAD)
    a = r.json()["id"]
    r = await second.put(f"/api/agreements/{a}/document", content=PDF, headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    return a  # type: ignore[no-any-return]


def test_every_agreement_route_is_in_the_matrix(app: Any) -> None:
    routes = {
        (method.upper(), path)
        for path, ops in app.openapi()["paths"].items()
        if path.startswith("/api/agreements")
        for method in ops
    }
    templated = {(m, p.replace("A", "{id}")) for m, p, *_ in cases("A")}
    assert routes == templated


@pytest.mark.parametrize("who", list(ALLOWED))
async def test_role_matrix(client: httpx.AsyncClient, stored: str, who: str) -> None:
    if who in MACHINE_SCOPES:
        token = await machine_token(client, who, MACHINE_SCOPES[who])
        auth = {"Authorization": f"Bearer {token}"}
    else:
        csrf = await login(client, who)
        auth = {"X-CSRF-Token": csrf} if csrf else {}
    wrong = []
    for method, path, policy, allowed, kw in cases(stored):
        headers = {**auth, **kw.get("headers", {})}
        r = await client.request(method, path, **{**kw, "headers": headers})
        expected = allowed if policy in ALLOWED[who] else 403
        if r.status_code != expected:
            wrong.append(f"{method} {path}: {r.status_code} != {expected} {r.text[:160]}")
    assert not wrong, "\n".join(wrong)


async def test_anonymous_gets_401(client: httpx.AsyncClient, stored: str) -> None:
    for method, path, _, _, kw in cases(stored):
        r = await client.request(method, path, **kw)
        assert r.status_code == 401, (method, path, r.text)


async def test_another_unit_sees_nothing(client: httpx.AsyncClient, stored: str) -> None:
    client.headers["X-CSRF-Token"] = await login(client, "other_unit_coordinator")
    assert (await client.get("/api/agreements")).json()["total"] == 0
    for method, path, policy, _, kw in cases(stored)[2:]:
        headers = {"If-Match": '"2"'} if policy == WRITE else {}
        r = await client.request(method, path, **{**kw, "headers": headers})
        assert r.status_code == 404, (method, path, r.text)
    r = await client.post(
        "/graphql",
        json={"query": f'{{ agreement(id: "{stored}") {{ id }} agreements {{ total }} }}'},
    )
    body = r.json()
    assert body["errors"][0]["extensions"]["code"] == "not-found"


GQL_CHANGES = [
    # allowed callers stop at a harmless rule: an unknown party, or a stale version
    (
        'createAgreement(input: {{kind: COOPERATION, title: "X", partyIds: ["{k}", "{n}"],'
        ' signedOn: "2026-01-01", validUntil: "2027-01-01"}})',
        "ValidationProblem",
    ),
    ('updateAgreement(id: "{a}", version: 99, input: {{title: "X"}})', "StaleVersionProblem"),
    ('deleteAgreement(id: "{a}", version: 99)', "StaleVersionProblem"),
]


@pytest.mark.parametrize("who", list(ALLOWED))
async def test_graphql_matches_rest(client: httpx.AsyncClient, stored: str, who: str) -> None:
    if who in MACHINE_SCOPES:
        token = await machine_token(client, who, MACHINE_SCOPES[who])
        auth = {"Authorization": f"Bearer {token}"}
    else:
        csrf = await login(client, who)
        auth = {"X-CSRF-Token": csrf} if csrf else {}
    r = await client.post(
        "/graphql",
        json={"query": f'{{ agreements {{ total }} agreement(id: "{stored}") {{ id }} }}'},
        headers=auth,
    )
    if READ in ALLOWED[who]:
        assert r.json()["data"]["agreements"]["total"] == 1, r.text
    else:
        assert r.status_code in (401, 403) or r.json()["errors"][0]["extensions"]["code"] in (
            "forbidden",
            "unauthenticated",
        ), r.text
    for field, allowed in GQL_CHANGES:
        call = field.format(a=stored, k=KOMMUNE, n=NOBODY)
        r = await client.post(
            "/graphql", json={"query": f"mutation {{ x: {call} {{ __typename }} }}"}, headers=auth
        )
        if r.status_code in (401, 403):
            assert WRITE not in ALLOWED[who]
            continue
        expected = allowed if WRITE in ALLOWED[who] else "ForbiddenProblem"
        assert r.json()["data"]["x"]["__typename"] == expected, (who, call, r.text)
