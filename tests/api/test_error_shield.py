"""A crash is a 500 problem that leaves the kept-alive connection usable, checked on a live
uvicorn; the body limit holds there too, for declared and for chunked bodies."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
import uvicorn

from api.app import create_app

PROBLEM = "application/problem+json"
LIMIT = 4096


class Boom(RuntimeError):
    """Stands for any bug: an exception no handler knows."""


@pytest.fixture
async def live(settings, container, demo) -> AsyncIterator[str]:
    app = create_app(
        settings.model_copy(update={"max_body_bytes": LIMIT}), container, check_schema=False
    )

    @app.get("/api/test-crash")
    async def crash() -> None:
        raise Boom("personal data that must not leak: 01017012345")

    app.router.routes.insert(0, app.router.routes.pop())  # ahead of every catch-all

    # lifespan off: the container is the test session's, not this server's to close
    config = uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="off", log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn offers a flag, not an event
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


def _client_port(r: httpx.Response) -> int | None:
    """The client side's port of the connection that carried ``r``; None once it is closed."""
    try:
        return r.extensions["network_stream"].get_extra_info("client_addr")[1]
    except OSError:
        return None


async def test_a_crash_is_a_500_problem_and_the_connection_lives_on(live):
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=live, limits=limits) as c:
        crashed = await c.get("/api/test-crash")
        port = _client_port(crashed)
        assert port is not None  # still open after the 500
        assert crashed.status_code == 500
        assert crashed.headers["content-type"] == PROBLEM
        assert crashed.json()["type"] == "/problems/internal-error"
        assert "01017012345" not in crashed.text
        assert crashed.headers.get("connection", "").lower() != "close"
        nxt = await c.get("/api/test-crash")
        assert nxt.status_code == 500
        assert _client_port(nxt) == port  # the same connection, reused
        fine = await c.get("/organisasjoner")
        assert fine.status_code == 200
        assert _client_port(fine) == port


async def test_a_declared_body_over_the_limit_is_a_413_problem(live):
    async with httpx.AsyncClient(base_url=live) as c:
        r = await c.post("/api/persons", json={"name": "x" * LIMIT})
    assert r.status_code == 413
    assert r.headers["content-type"] == PROBLEM
    assert r.json()["type"] == "/problems/content-too-large"


async def test_a_chunked_body_over_the_limit_is_a_413_problem(live):
    async def chunks():
        yield b'{"name": "'
        for _ in range(8):
            yield b"x" * 1024
        yield b'"}'

    async with httpx.AsyncClient(base_url=live) as c:
        r = await c.post(
            "/api/persons", content=chunks(), headers={"Content-Type": "application/json"}
        )
        assert r.request.headers.get("transfer-encoding") == "chunked"
        assert r.status_code == 413, r.text
        assert r.headers["content-type"] == PROBLEM
        assert r.json()["type"] == "/problems/content-too-large"
        after = await c.get("/organisasjoner")  # the rest was drained: the connection still works
        assert after.status_code == 200


async def test_a_body_under_the_limit_is_read_as_usual(live):
    async with httpx.AsyncClient(base_url=live) as c:
        r = await c.post("/api/persons", json={"name": "Kari"})
    assert r.status_code == 401  # read, then refused for want of a login: not a 413
    assert r.headers["content-type"] == PROBLEM
