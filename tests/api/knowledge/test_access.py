"""Knowledge and imports: every route × every kind of caller (persons of the unit read; the
coordinator and unit admin manage; a machine with samordna:import.write imports but edits no
indicator; a machine without it nothing), and another unit sees nothing (404, never 403)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api.knowledge.support import (
    AREAS_CSV,
    INDICATOR,
    as_machine,
    as_person,
    imported,
    ok,
)

READ, MANAGE, IMPORT, HISTORY = "read", "manage", "import", "history"
PERSON_READ = {READ, HISTORY}
ALLOWED: dict[str, set[str]] = {
    "unit_admin": {READ, MANAGE, IMPORT, HISTORY},
    "coordinator": {READ, MANAGE, IMPORT, HISTORY},
    "police_contact": PERSON_READ,
    "steering_reader": PERSON_READ,
    "body_member": PERSON_READ,
    "outsider": set(),
    "import_script": {IMPORT, HISTORY},
    "police_system": set(),
}
MACHINES = {"import_script": ["samordna:import.write"], "police_system": ["samordna:trends.read"]}
STALE = {"If-Match": '"99"'}
MULTIPART = {"data": {"kind": "areas"}, "files": {"file": ("tom.csv", b"", "text/csv")}}


def cases(s: dict[str, str]) -> list[tuple[str, str, str, int, dict[str, Any]]]:
    """(method, path, policy, status when allowed, request keywords): allowed changes stop at a
    harmless rule (a taken code, a stale version, an empty file), so the matrix writes nothing."""
    one, job = f"/api/indicators/{s['indicator']}", f"/api/imports/{s['job']}"
    return [
        ("GET", "/api/indicators", READ, 200, {}),
        ("POST", "/api/indicators", MANAGE, 409, {"json": INDICATOR}),
        ("GET", one, READ, 200, {}),
        ("PATCH", one, MANAGE, 412, {"json": {"name": "X"}, "headers": STALE}),
        ("DELETE", one, MANAGE, 412, {"headers": STALE}),
        ("GET", "/api/areas", READ, 200, {}),
        ("GET", "/api/observations", READ, 200, {}),
        ("GET", "/api/picture", READ, 200, {}),
        ("GET", "/api/import-kinds", HISTORY, 200, {}),
        ("GET", "/api/import-mappings?kind=areas", IMPORT, 200, {}),
        (
            "PUT",
            "/api/import-mappings/areas/SSB",
            IMPORT,
            412,
            {"json": {"mapping": {"code": "kode"}}, "headers": STALE},
        ),
        ("POST", "/api/imports", IMPORT, 422, MULTIPART),
        ("GET", "/api/imports", HISTORY, 200, {}),
        ("GET", job, HISTORY, 200, {}),
        ("GET", f"{job}/errors", IMPORT, 200, {}),
        ("GET", f"{job}/errors.csv", IMPORT, 200, {}),
        ("POST", f"{job}/commit", IMPORT, 412, {"headers": STALE}),
        ("POST", f"{job}/retry", IMPORT, 412, {"headers": STALE}),
        ("POST", f"{job}/rollback", IMPORT, 412, {"headers": STALE}),
    ]


@pytest.fixture
async def stored(client: httpx.AsyncClient) -> dict[str, str]:
    """An indicator, a committed areas import and a saved mapping, made by the coordinator."""
    h = await as_person(client, "coordinator")
    indicator = ok(await client.post("/api/indicators", json=INDICATOR, headers=h), 201)
    job = await imported(client, h, "areas", AREAS_CSV)
    r = await client.put(
        "/api/import-mappings/areas/SSB",
        json={"mapping": {"code": "kode"}},
        headers={**h, "If-Match": '"0"'},
    )
    ok(r)
    client.cookies.clear()
    return {"indicator": indicator["id"], "job": job["id"]}


async def auth(client: httpx.AsyncClient, who: str) -> dict[str, str]:
    if who in MACHINES:
        return await as_machine(client, who, MACHINES[who])
    return await as_person(client, who)


def test_every_knowledge_route_is_in_the_matrix(app: Any) -> None:
    mine = ("/api/indicators", "/api/areas", "/api/observations", "/api/picture", "/api/import")
    routes = {
        (method.upper(), path)
        for path, ops in app.openapi()["paths"].items()
        if path.startswith(mine)
        for method in ops
    }
    s = {"indicator": "{id}", "job": "{id}"}
    templated = {
        (m, p.split("?")[0].replace("areas/SSB", "{kind}/{source}")) for m, p, *_ in cases(s)
    }
    assert routes == templated


@pytest.mark.parametrize("who", list(ALLOWED))
async def test_role_matrix(client: httpx.AsyncClient, stored: dict[str, str], who: str) -> None:
    h = await auth(client, who)
    wrong = []
    for method, path, policy, allowed, kw in cases(stored):
        r = await client.request(method, path, **{**kw, "headers": {**h, **kw.get("headers", {})}})
        expected = allowed if policy in ALLOWED[who] else 403
        if r.status_code != expected:
            wrong.append(f"{method} {path}: {r.status_code} != {expected} {r.text[:200]}")
    assert not wrong, "\n".join(wrong)


async def test_anonymous_gets_401(client: httpx.AsyncClient, stored: dict[str, str]) -> None:
    for method, path, _, _, kw in cases(stored):
        r = await client.request(method, path, **kw)
        assert r.status_code == 401, (method, path, r.text)


async def test_another_unit_sees_nothing(client: httpx.AsyncClient, stored: dict[str, str]) -> None:
    h = await as_person(client, "other_unit_coordinator")
    assert ok(await client.get("/api/indicators", headers=h))["total"] == 0
    assert ok(await client.get("/api/areas", headers=h)) == []
    assert ok(await client.get("/api/observations", headers=h))["total"] == 0
    assert ok(await client.get("/api/imports", headers=h))["total"] == 0
    assert ok(await client.get("/api/picture", headers=h))["series"] == []
    assert ok(await client.get("/api/import-mappings?kind=areas", headers=h)) == []
    for method, path, policy, _, kw in cases(stored)[2:]:
        if stored["indicator"] not in path and stored["job"] not in path:
            continue
        headers = {**h, "If-Match": '"1"'} if policy in (MANAGE, IMPORT) else h
        r = await client.request(method, path, **{**kw, "headers": headers})
        assert r.status_code == 404, (method, path, r.text)
    query = (
        f'{{ indicator(id: "{stored["indicator"]}") {{ id }} }}',
        f'{{ importJob(id: "{stored["job"]}") {{ id }} }}',
    )
    for q in query:
        body = (await client.post("/graphql", json={"query": q}, headers=h)).json()
        assert body["errors"][0]["extensions"]["code"] == "not-found", body
    r = await client.post(
        "/graphql",
        json={"query": "{ indicators { total } importJobs { total } areas { code } }"},
        headers=h,
    )
    assert ok(r)["data"] == {"indicators": {"total": 0}, "importJobs": {"total": 0}, "areas": []}


GQL_READS = {READ: "{ indicators { total } }", HISTORY: "{ importJobs { total } }"}
GQL_CHANGES = [
    # allowed callers stop at a harmless rule: a taken code, a stale version
    (
        MANAGE,
        'createIndicator(input: {code: "ungdata.alkohol", name: "X", source: "ungdata",'
        ' category: "school", measureUnit: "percent"})',
        "ConflictProblem",
    ),
    (
        MANAGE,
        'updateIndicator(id: "{i}", version: 99, input: {{name: "X"}})',
        "StaleVersionProblem",
    ),
    (MANAGE, 'deleteIndicator(id: "{i}", version: 99)', "StaleVersionProblem"),
    (IMPORT, 'commitImport(id: "{j}", version: 99)', "StaleVersionProblem"),
    (IMPORT, 'rollbackImport(id: "{j}", version: 99)', "StaleVersionProblem"),
]


@pytest.mark.parametrize("who", list(ALLOWED))
async def test_graphql_matches_rest(
    client: httpx.AsyncClient, stored: dict[str, str], who: str
) -> None:
    h = await auth(client, who)
    for policy, query in GQL_READS.items():
        r = await client.post("/graphql", json={"query": query}, headers=h)
        body = r.json() if r.status_code == 200 else {"errors": [{"extensions": {}}]}
        if policy in ALLOWED[who]:
            assert body.get("data") and not body.get("errors"), (who, query, r.text)
        else:
            assert r.status_code in (401, 403) or body["errors"][0]["extensions"]["code"] in (
                "forbidden",
                "unauthenticated",
            ), (who, query, r.text)
    for policy, field, allowed in GQL_CHANGES:
        call = field.replace("{i}", stored["indicator"]).replace("{j}", stored["job"])
        call = call.replace("{{", "{").replace("}}", "}")
        r = await client.post(
            "/graphql", json={"query": f"mutation {{ x: {call} {{ __typename }} }}"}, headers=h
        )
        if r.status_code in (401, 403):
            assert policy not in ALLOWED[who], (who, call)
            continue
        expected = allowed if policy in ALLOWED[who] else "ForbiddenProblem"
        assert r.json()["data"]["x"]["__typename"] == expected, (who, call, r.text)
