"""Agreements over HTTP: a coordinator's client, a minimal PDF, and an agreement to work on."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from adapters.postgres.demo import demo_id
from tests.support.auth import login
from tests.unit.agreements.conftest import PDF as PDF

KOMMUNE, POLITI = demo_id("org/kommune"), demo_id("org/politi")
PAYLOAD: dict[str, Any] = {
    "kind": "police_council",
    "title": "Politirådsavtale Lillestrøm 2026–2029",
    "partyIds": [str(KOMMUNE), str(POLITI)],
    "signedOn": "2026-01-15",
    "validUntil": "2029-12-31",
}


def etag(r: httpx.Response) -> dict[str, str]:
    return {"If-Match": r.headers["ETag"]}


@pytest.fixture
async def coordinator(client: httpx.AsyncClient) -> httpx.AsyncClient:
    client.headers["X-CSRF-Token"] = await login(client, "coordinator")
    return client


@pytest.fixture
async def agreement(coordinator: httpx.AsyncClient) -> dict[str, Any]:
    r = await coordinator.post("/api/agreements", json=PAYLOAD)
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


@pytest.fixture
async def second(app: Any, demo: None) -> AsyncIterator[httpx.AsyncClient]:
    """Another browser, for setting up while the first acts as someone else."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        c.headers["X-CSRF-Token"] = await login(c, "coordinator")
        yield c
