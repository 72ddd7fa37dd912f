"""Health probes and outages: with PostgreSQL stopped every database-backed answer is a 503
problem with Retry-After (never a 500), and the same app recovers once the server is back.

The outage runs on its own embedded server (its own data directory), so stopping it disturbs no
other test.
"""

from __future__ import annotations

import atexit
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from pgserver._commands import pg_ctl
from pgserver.postgres_server import PostgresServer

from adapters.postgres import migrate
from adapters.postgres.database import DatabaseUrls, embedded_urls
from api import bootstrap
from api.app import create_app
from api.rest.deps import current_principal
from api.settings import Settings
from tests.conftest import STATE
from tests.support.auth import login

PERSONS_QUERY = {"query": "{ persons(limit: 3) { items { id } } }"}


async def test_live_and_ready_answer_200(client: httpx.AsyncClient) -> None:
    for path in ("/health/live", "/health/ready"):
        r = await client.get(path)
        assert r.status_code == 200, r.text
        assert r.json() == {"status": "ok"}
        assert r.headers["content-type"].startswith("application/json")


@dataclass
class Outage:
    """An app on a server of its own, and the means to stop and start that server."""

    app: Any
    container: bootstrap.Container
    server: PostgresServer

    def stop(self) -> None:
        pg_ctl(
            ["-w", "-m", "fast", "stop"], pgdata=self.server.pgdata, user=self.server.system_user
        )

    def start(self) -> None:
        self.server.ensure_postgres_running()


@pytest.fixture(scope="module")
def own_server() -> Iterator[tuple[Path, DatabaseUrls]]:
    # Under var/ like the shared server, not pytest's tmp dir: the server runs as another OS user
    # when we are root, and a concurrent pytest run makes /tmp/pytest-of-<user> private again.
    state = STATE / f"outage_{os.getpid()}"
    shutil.rmtree(state, ignore_errors=True)
    state.mkdir(parents=True)
    urls = embedded_urls(state, "samordna_outage")
    migrate.upgrade(urls.admin)
    yield state, urls
    server: PostgresServer = urls.embedded
    pg_ctl(["-w", "-m", "immediate", "stop"], pgdata=server.pgdata, user=server.system_user)
    atexit.unregister(server._cleanup)
    PostgresServer._instances.pop(server.pgdata, None)
    shutil.rmtree(state, ignore_errors=True)


@pytest.fixture(scope="module")
async def outage(own_server: tuple[Path, DatabaseUrls]) -> AsyncIterator[Outage]:
    state, urls = own_server
    settings = Settings(
        environment="test", state_dir=state, public_base_url="http://testserver", database_url=None
    )
    await bootstrap.load_demo(settings, urls)
    container = bootstrap.build_container(settings, urls)
    yield Outage(create_app(settings, container), container, urls.embedded)
    await container.aclose()


def _assert_unavailable(r: httpx.Response) -> None:
    assert r.status_code == 503, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["type"] == "/problems/unavailable"
    assert int(r.headers["retry-after"]) > 0


async def test_a_stopped_database_answers_503_and_the_app_recovers(outage: Outage) -> None:
    transport = httpx.ASGITransport(app=outage.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        c.headers["X-CSRF-Token"] = await login(c, "coordinator")
        assert (await c.get("/health/ready")).status_code == 200
        assert (await c.get("/api/persons")).status_code == 200
        assert (await c.post("/graphql", json=PERSONS_QUERY)).status_code == 200

        outage.stop()
        try:
            assert (await c.get("/health/live")).status_code == 200
            _assert_unavailable(await c.get("/health/ready"))
            # Authentication (the session lookup) is the first thing to reach the database.
            _assert_unavailable(await c.get("/api/persons"))
            _assert_unavailable(await c.get("/api/persons", params={"q": "Kari"}))
            _assert_unavailable(await c.post("/graphql", json=PERSONS_QUERY))
        finally:
            outage.start()

        # Same app, same engine: the pool hands out fresh connections again.
        assert (await c.get("/health/ready")).status_code == 200
        assert (await c.get("/api/persons")).status_code == 200
        r = await c.post("/graphql", json=PERSONS_QUERY)
        assert r.status_code == 200, r.text
        assert r.json()["data"]["persons"]["items"]


async def test_an_outage_after_authentication_is_503_too(outage: Outage) -> None:
    """The database goes away between authentication and the use case: the REST route answers a
    503 problem, the GraphQL resolver a 503 with an ``unavailable`` error, never a 500."""
    transport = httpx.ASGITransport(app=outage.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        c.headers["X-CSRF-Token"] = await login(c, "coordinator")
        cookie = c.cookies["samordna_session"]
        session = await outage.container.authenticator.session(cookie)
        assert session is not None
        outage.app.dependency_overrides[current_principal] = lambda: session.principal
        try:
            outage.stop()
            try:
                _assert_unavailable(await c.get("/api/persons"))
                r = await c.post("/graphql", json=PERSONS_QUERY)
                assert r.status_code == 503, r.text
                assert int(r.headers["retry-after"]) > 0
                [error] = r.json()["errors"]
                assert error["extensions"]["code"] == "unavailable"
                assert error["path"] == ["persons"]
            finally:
                outage.start()
            assert (await c.get("/api/persons")).status_code == 200
            assert (await c.post("/graphql", json=PERSONS_QUERY)).status_code == 200
        finally:
            outage.app.dependency_overrides.clear()


async def test_a_restart_between_requests_is_invisible(outage: Outage) -> None:
    """Pooled connections to the old server are checked before use (pre-ping), so the first
    requests after a restart get fresh connections instead of errors."""
    transport = httpx.ASGITransport(app=outage.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        c.headers["X-CSRF-Token"] = await login(c, "coordinator")
        for _ in range(2):  # fill the pool with more than one connection
            assert (await c.get("/api/persons")).status_code == 200
        outage.stop()
        outage.start()
        for _ in range(3):
            r = await c.get("/api/persons")
            assert r.status_code == 200, r.text
            r = await c.post("/graphql", json=PERSONS_QUERY)
            assert r.status_code == 200, r.text
