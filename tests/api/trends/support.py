"""Trends API tests room: callers (personas and the dev police system) and body checks."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.support.auth import login, machine_token

SCOPE = "samordna:trends.read"
POLICE = "police_system"
TABLE = "offences-by-category"


async def as_person(client: httpx.AsyncClient, who: str) -> dict[str, str]:
    client.cookies.clear()
    csrf = await login(client, who)
    return {"X-CSRF-Token": csrf} if csrf else {}


async def as_machine(
    client: httpx.AsyncClient, who: str = POLICE, scopes: list[str] | None = None
) -> dict[str, str]:
    client.cookies.clear()
    token = await machine_token(client, who, [SCOPE] if scopes is None else scopes)
    return {"Authorization": f"Bearer {token}"}


def problem(r: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body: dict[str, Any] = r.json()
    if code is not None:
        assert body["type"] == f"/problems/{code}", r.text
    return body


def published_values(body: bytes) -> list[int]:
    """Every published count of a frozen JSON body (cells and totals; ':' cells are null)."""
    doc = json.loads(body)
    return [c["value"] for c in (*doc["cells"], *doc["totals"]) if c["value"] is not None]


def assert_trend_a(values: list[int]) -> None:
    assert values, "a table with nothing published"
    assert not [v for v in values if 1 <= v <= 7], values
    assert all(v % 5 == 0 for v in values), values
