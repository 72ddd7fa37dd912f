"""Annual-wheel API tests room: a logged-in coordinator (SLT Lillestrøm) and helpers."""

from __future__ import annotations

import httpx
import pytest

from tests.support.auth import login

WHEEL = "/api/annual-wheel"


async def as_persona(client: httpx.AsyncClient, who: str) -> httpx.AsyncClient:
    client.cookies.clear()
    client.headers.pop("X-CSRF-Token", None)
    csrf = await login(client, who)
    if csrf:
        client.headers["X-CSRF-Token"] = csrf
    return client


@pytest.fixture
async def coordinator(client: httpx.AsyncClient) -> httpx.AsyncClient:
    return await as_persona(client, "coordinator")


async def seeded(c: httpx.AsyncClient) -> list[dict]:
    r = await c.post(f"{WHEEL}/templates/seed")
    assert r.status_code == 200, r.text
    return r.json()["templates"]  # type: ignore[no-any-return]


@pytest.fixture
async def anonymous(app, demo: None):  # type: ignore[no-untyped-def]
    """A second client without a session: what a calendar application is to the feed."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c
