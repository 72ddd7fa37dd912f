"""Archive REST tests room: bad input is a problem+json 4xx with field errors, never a 500 and
never a write — NUL bytes, nulls, huge strings, wrong types, unknown fields, bad ids, bad periods,
bad If-Match values."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api.archive.support import auth

SETTINGS: list[dict[str, Any]] = [
    {"classId": "0\x0026"},
    {"classId": "x" * 101},
    {"administrativeUnit": "x" * 100_000},
    {"enabled": None},
    {"enabled": "yes"},
    {"classId": 26},
    {"archiveKey": "x"},
    {"unitId": "c0ffee00-0000-4000-8000-000000000000"},
    {"version": 3},
]
PERIODS: list[Any] = [
    {},
    {"from": "2026-01-01"},
    {"from": "2026-02-01", "to": "2026-01-01"},
    {"from": "1900-01-01", "to": "2026-01-01"},
    {"from": "2026-13-01", "to": "2026-12-31"},
    {"from": "1.1.2026", "to": "2026-12-31"},
    {"from": None, "to": "2026-12-31"},
    {"from": "2026-01-01\x00", "to": "2026-12-31"},
    {"from": "2026-01-01", "to": "2026-12-31", "unitId": "x"},
    [],
    "x" * 10_000,
]
GETS = [
    "/api/archive/messages?status=lost",
    "/api/archive/messages?limit=0",
    "/api/archive/messages?limit=100000",
    "/api/archive/messages?cursor=%00",
    "/api/archive/messages/not-a-uuid",
    "/api/archive/records/memo/c0ffee00-0000-4000-8000-000000000000",
    "/api/archive/records/minutes/42",
    "/api/archive/extracts/42",
    "/api/archive/extracts/42/download",
]


@pytest.fixture
async def h(client: httpx.AsyncClient) -> dict[str, str]:
    return await auth(client, "coordinator")


def problem(r: httpx.Response, *statuses: int) -> dict[str, Any]:
    assert r.status_code in (statuses or (422,)), r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    return r.json()  # type: ignore[no-any-return]


@pytest.mark.parametrize("body", SETTINGS)
async def test_bad_settings(client: httpx.AsyncClient, h: dict[str, str], body: Any) -> None:
    before = (await client.get("/api/archive/settings", headers=h)).json()
    r = await client.put("/api/archive/settings", json=body, headers={**h, "If-Match": '"0"'})
    p = problem(r)
    assert p["errors"] and all(e["field"] for e in p["errors"])
    assert (await client.get("/api/archive/settings", headers=h)).json() == before


@pytest.mark.parametrize("body", PERIODS)
async def test_bad_periods(client: httpx.AsyncClient, h: dict[str, str], body: Any) -> None:
    problem(await client.post("/api/archive/extracts", json=body, headers=h))


async def test_bad_period_names_its_field(client: httpx.AsyncClient, h: dict[str, str]) -> None:
    body = {"from": "2026-02-01", "to": "2026-01-01"}
    p = problem(await client.post("/api/archive/extracts", json=body, headers=h))
    assert [(e["field"], e["code"]) for e in p["errors"]] == [("to", "before-start")]


@pytest.mark.parametrize("path", GETS)
async def test_bad_reads(client: httpx.AsyncClient, h: dict[str, str], path: str) -> None:
    problem(await client.get(path, headers=h), 400, 422)


@pytest.mark.parametrize("value", ['"x"', "*", '"' + "9" * 5000 + '"', '"99999999999"', '"1" '])
async def test_bad_if_match(client: httpx.AsyncClient, h: dict[str, str], value: str) -> None:
    for method, path in (
        ("PUT", "/api/archive/settings"),
        ("POST", "/api/archive/messages/c0ffee00-0000-4000-8000-000000000000/retry"),
    ):
        r = await client.request(method, path, json={}, headers={**h, "If-Match": value})
        problem(r, 422)


async def test_unknown_message_and_job_are_404(
    client: httpx.AsyncClient, h: dict[str, str]
) -> None:
    nobody = "c0ffee00-0000-4000-8000-000000000000"
    for method, path in (
        ("GET", f"/api/archive/messages/{nobody}"),
        ("POST", f"/api/archive/messages/{nobody}/retry"),
        ("GET", f"/api/archive/extracts/{nobody}"),
        ("GET", f"/api/archive/extracts/{nobody}/download"),
    ):
        r = await client.request(method, path, headers={**h, "If-Match": '"1"'})
        problem(r, 404)
