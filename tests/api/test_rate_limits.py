"""Rate limits: login per client address, bearer clients per client; 429 problem+json with Retry-After."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from api.app import create_app
from api.settings import Settings
from tests.support.auth import login, machine_token

LOGIN_LIMIT = 3
MACHINE_LIMIT = 2


@pytest.fixture
def tight_app(settings: Settings, container, demo):  # type: ignore[no-untyped-def]
    """A fresh app (fresh counters) with limits a test can reach, on the shared container."""
    tight = settings.model_copy(
        update={
            "rate_limit_login": f"{LOGIN_LIMIT}/minute",
            "rate_limit_machine": f"{MACHINE_LIMIT}/minute",
        }
    )
    return create_app(tight, container)


def _client(app, address: str = "192.0.2.10") -> httpx.AsyncClient:  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app, client=(address, 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@pytest.fixture
async def client_a(tight_app) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    async with _client(tight_app) as c:
        yield c


def assert_rate_limited(r: httpx.Response) -> int:
    assert r.status_code == 429, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["type"] == "/problems/rate-limited"
    assert body["status"] == 429
    retry_after = int(r.headers["retry-after"])
    assert 1 <= retry_after <= 60
    return retry_after


async def test_login_start_is_limited_per_client_address(tight_app, client_a) -> None:
    for _ in range(LOGIN_LIMIT):
        assert (await client_a.get("/auth/login")).status_code == 302
    refused = await client_a.get("/auth/login")
    assert_rate_limited(refused)
    assert refused.json()["instance"] == "/auth/login"
    assert refused.headers["x-content-type-options"] == "nosniff"
    async with _client(tight_app, "192.0.2.99") as other:
        assert (await other.get("/auth/login")).status_code == 302


async def test_the_callback_counts_against_the_same_budget(client_a) -> None:
    for _ in range(LOGIN_LIMIT):
        # Without a login cookie the callback goes to the failed-login page, but it was still
        # an attempt.
        answer = await client_a.get("/auth/callback", params={"code": "x"})
        assert answer.headers["location"] == "/innlogging-feilet?reason=expired"
    assert_rate_limited(await client_a.get("/auth/login"))
    assert_rate_limited(await client_a.get("/auth/callback", params={"code": "x"}))


async def test_other_routes_are_not_counted_as_logins(client_a) -> None:
    for _ in range(LOGIN_LIMIT + 2):
        await client_a.get("/api/openapi.json")
        await client_a.get("/api/me")
    assert (await client_a.get("/auth/login")).status_code == 302


async def test_bearer_clients_are_limited_per_client(client_a) -> None:
    archive = await machine_token(client_a, "archive_system", ["samordna:organisation.read"])
    police = await machine_token(client_a, "police_system", ["samordna:trends.read"])
    for _ in range(MACHINE_LIMIT):
        r = await client_a.get("/api/me", headers={"Authorization": f"Bearer {archive}"})
        assert r.status_code == 200, r.text
    assert_rate_limited(
        await client_a.get("/api/unit/picture", headers={"Authorization": f"Bearer {archive}"})
    )
    # The same budget covers GraphQL: it is the same client.
    graphql = await client_a.post(
        "/graphql",
        json={"query": "{ __typename }"},
        headers={"Authorization": f"Bearer {archive}"},
    )
    assert_rate_limited(graphql)
    # Another client, from the same address, has its own budget.
    r = await client_a.get("/api/me", headers={"Authorization": f"Bearer {police}"})
    assert r.status_code == 200, r.text


async def test_a_fresh_token_does_not_reset_the_clients_budget(client_a) -> None:
    for _ in range(MACHINE_LIMIT):
        token = await machine_token(client_a, "archive_system", ["samordna:organisation.read"])
        r = await client_a.get("/api/me", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200
    token = await machine_token(client_a, "archive_system", ["samordna:organisation.read"])
    assert_rate_limited(await client_a.get("/api/me", headers={"Authorization": f"Bearer {token}"}))


async def test_a_forged_token_does_not_spend_a_clients_budget(client_a) -> None:
    # Counting happens after the token is verified: garbage naming a client costs it nothing.
    for _ in range(MACHINE_LIMIT + 3):
        r = await client_a.get("/api/me", headers={"Authorization": "Bearer a.b.c"})
        assert r.status_code == 401
    token = await machine_token(client_a, "archive_system", ["samordna:organisation.read"])
    assert (
        await client_a.get("/api/me", headers={"Authorization": f"Bearer {token}"})
    ).status_code == 200


async def test_people_in_a_session_are_not_counted_as_machine_clients(client_a) -> None:
    await login(client_a, "coordinator")  # the start and the callback: two of the login budget
    for _ in range(MACHINE_LIMIT + 3):
        assert (await client_a.get("/api/me")).status_code == 200


def test_a_rate_that_does_not_parse_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="rate_limit_machine"):
        Settings(environment="test", state_dir=tmp_path, rate_limit_machine="lots")


async def test_the_problem_type_is_documented(client) -> None:
    r = await client.get("/problems/rate-limited")
    assert "Retry-After" in r.json()["description"]
