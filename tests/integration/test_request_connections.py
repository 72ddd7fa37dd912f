"""One connection and one transaction per request (ADR 0011): counted on the real app.

Connections are pool checkouts and connections taken from those kept between requests
(``adapters/postgres/kept.py``); statements are round trips as asyncpg sends them (through
SQLAlchemy or directly); transactions are the ``BEGIN``s among them.
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from asyncpg.connection import Connection
from asyncpg.prepared_stmt import PreparedStatement
from sqlalchemy import event

from adapters.identity.personas import persona
from adapters.postgres.access.admin import PgAccessUnitOfWorkFactory
from adapters.postgres.connection import begin
from adapters.postgres.demo import DEMO_UNIT, demo_id
from domain.access.model import LastUnitAdmin
from tests.support.auth import login

PERSON = demo_id("person/kari")
NESTED = (
    "query { bodies(limit: 6) { items { name memberships { role person { name "
    "organisation { name } } } } } }"
)


@dataclass
class Tally:
    connections: Any  # the request path's ``RequestConnections``
    pooled: int = 0  # pool checkouts
    statements: list[str] = field(default_factory=list)
    kept_at_start: int = 0
    kept_at_end: int | None = None  # set when the tally closes: later requests do not count

    @property
    def checkouts(self) -> int:
        """Connections requests took while counting: from the pool or kept from an earlier
        request."""
        end = self.connections.kept_taken if self.kept_at_end is None else self.kept_at_end
        return self.pooled + end - self.kept_at_start

    @property
    def begins(self) -> int:
        return sum(s.lstrip().upper().startswith("BEGIN") for s in self.statements)


def _engines(container: Any) -> list[Any]:
    """Every pool of the app (the request path has its own since ADR 0011)."""
    request_path = getattr(getattr(container, "connections", None), "engine", None)
    return [e.sync_engine for e in (container.engine, request_path) if e is not None]


@contextmanager
def tally(container: Any) -> Iterator[Tally]:
    t = Tally(container.connections, kept_at_start=container.connections.kept_taken)

    def checkout(*_: Any) -> None:
        t.pooled += 1

    plain_execute = Connection.execute
    plain_private = Connection._execute
    plain_bind = PreparedStatement._PreparedStatement__bind_execute  # type: ignore[attr-defined]

    async def execute(self: Connection, query: str, *args: Any, **kw: Any) -> Any:
        if not args:  # with arguments it goes through _execute, counted there
            t.statements.append(query)
        return await plain_execute(self, query, *args, **kw)

    async def private(self: Connection, query: str, *args: Any, **kw: Any) -> Any:
        t.statements.append(query)
        return await plain_private(self, query, *args, **kw)

    async def bind(self: PreparedStatement, *args: Any, **kw: Any) -> Any:
        t.statements.append(self.get_query())
        return await plain_bind(self, *args, **kw)

    for sync in _engines(container):
        event.listen(sync, "checkout", checkout)
    Connection.execute = execute  # type: ignore[method-assign]
    Connection._execute = private  # type: ignore[method-assign]
    PreparedStatement._PreparedStatement__bind_execute = bind  # type: ignore[attr-defined]
    try:
        yield t
    finally:
        t.kept_at_end = container.connections.kept_taken
        for sync in _engines(container):
            event.remove(sync, "checkout", checkout)
        Connection.execute = plain_execute  # type: ignore[method-assign]
        Connection._execute = plain_private  # type: ignore[method-assign]
        PreparedStatement._PreparedStatement__bind_execute = plain_bind  # type: ignore[attr-defined]


@pytest.fixture
async def coordinator(client):  # type: ignore[no-untyped-def]
    client.headers["X-CSRF-Token"] = await login(client, "coordinator")
    await client.get("/api/persons")  # warm: prepared statements, the session's slide
    return client


async def _measure(client: Any, container: Any, method: str, url: str, **kw: Any) -> Tally:
    with tally(container) as t:
        r = await client.request(method, url, **kw)
    assert r.status_code < 400, r.text
    print(f"{method} {url}: {t.checkouts} checkouts, {len(t.statements)} statements")
    for s in t.statements:
        print("   ", " ".join(s.split())[:100])
    return t


@pytest.mark.parametrize("url", ["/api/persons", f"/api/persons/{PERSON}", "/api/unit/picture"])
async def test_an_authenticated_read_uses_one_connection(coordinator, container, url):
    t = await _measure(coordinator, container, "GET", url)
    assert t.checkouts == 1
    assert t.begins == 1
    # Authentication, BEGIN with the unit, at most two reads (a page and its count), ROLLBACK.
    assert len(t.statements) <= 5


async def test_a_write_uses_one_connection_and_one_transaction(coordinator, container):
    got = await coordinator.get(f"/api/persons/{PERSON}")
    t = await _measure(
        coordinator,
        container,
        "PATCH",
        f"/api/persons/{PERSON}",
        json={"title": "Rådgiver"},
        headers={"If-Match": got.headers["ETag"]},
    )
    assert t.checkouts == 1
    assert t.begins == 1
    assert not any("SAVEPOINT" in s.upper() for s in t.statements)
    # Authentication, BEGIN with the unit, the person, its organisation, UPDATE, COMMIT.
    assert len(t.statements) <= 6


async def test_a_nested_graphql_query_reads_in_one_transaction(coordinator, container):
    t = await _measure(coordinator, container, "POST", "/graphql", json={"query": NESTED})
    assert t.checkouts == 1
    assert t.begins == 1
    assert "REPEATABLE READ" in next(s for s in t.statements if s.upper().startswith("BEGIN"))
    # Authentication, BEGIN, a constant number of batched reads, ROLLBACK.
    assert len(t.statements) <= 8


@pytest.fixture
async def unit_admin(client):  # type: ignore[no-untyped-def]
    client.headers["X-CSRF-Token"] = await login(client, "unit_admin")
    await client.get("/api/access/accounts")  # warm, as for the coordinator
    return client


@pytest.mark.parametrize("url", ["/api/access/accounts", "/api/access/changes"])
async def test_an_access_read_uses_one_connection(unit_admin, container, url):
    t = await _measure(unit_admin, container, "GET", url)
    assert t.checkouts == 1
    assert t.begins == 1
    # Authentication, BEGIN with the unit, the read, ROLLBACK.
    assert len(t.statements) <= 4


async def test_an_access_change_uses_one_connection_and_one_transaction(unit_admin, container):
    kari = next(
        a
        for a in (await unit_admin.get("/api/access/accounts")).json()
        if a["personName"] == "Kari Koordinator"
    )
    t = await _measure(
        unit_admin,
        container,
        "PATCH",
        f"/api/access/accounts/{kari['id']}",
        json={"roles": ["coordinator", "unit_admin"]},
        headers={"If-Match": f'"{kari["version"]}"'},
    )
    assert t.checkouts == 1
    assert t.begins == 1
    assert not any("SAVEPOINT" in s.upper() for s in t.statements)
    assert t.statements[-1].strip().upper() == "COMMIT"
    # Authentication, BEGIN with the unit, the admins' lock, the account read twice (the caller,
    # the target), the actor's name, the admin count, UPDATE, the log's INSERT, COMMIT.
    assert len(t.statements) <= 10


async def test_the_last_admin_rule_on_the_request_connection_ends_at_commit(demo, container):
    """Past the use case's check, the deferred trigger refuses at ``commit()`` on the request's
    connection, as the domain error, and the connection goes back rolled back."""
    siri = demo_id(f"account/{DEMO_UNIT}/{persona('unit_admin').pid}")
    access = PgAccessUnitOfWorkFactory(container.connections)
    async with container.connections.scope():
        async with access(DEMO_UNIT) as uow:
            account = await uow.accounts.get(siri)
            await uow.accounts.delete(siri, account.version)
            with pytest.raises(LastUnitAdmin):
                await uow.commit()
        async with access(DEMO_UNIT) as uow:  # the same connection, usable again
            assert (await uow.accounts.get(siri)).id == siri
    assert container.connections.in_use() == 0


async def test_authentication_is_one_statement(coordinator, container):
    """The session, the account and its roles in one look-up before the use case begins (the
    pool's pre-ping, an empty statement, aside)."""
    t = await _measure(coordinator, container, "GET", f"/api/persons/{PERSON}")
    before_begin = []
    for s in t.statements:
        if s.lstrip().upper().startswith("BEGIN"):
            break
        if s.strip() != ";":
            before_begin.append(s)
    assert len(before_begin) == 1, before_begin


async def test_the_connection_goes_back_after_an_error(coordinator, container):
    r = await coordinator.get(f"/api/persons/{uuid.uuid4()}")
    assert r.status_code == 404
    assert container.connections.in_use() == 0


async def test_a_cancelled_request_returns_its_connection_rolled_back(container):
    connections, started, driver = container.connections, asyncio.Event(), []

    async def request() -> None:
        async with connections.scope() as lease:
            conn = await lease.connection()
            driver.append((await conn.get_raw_connection()).driver_connection)
            await begin(conn, DEMO_UNIT)
            started.set()
            await asyncio.sleep(30)

    task = asyncio.create_task(request())
    await started.wait()
    assert driver[0].is_in_transaction()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert connections.in_use() == 0
    assert not driver[0].is_in_transaction()


def test_no_dependency_hops_to_the_threadpool(app):  # type: ignore[no-untyped-def]
    """A plain ``def`` dependency runs in the threadpool on every request: all are ``async``."""

    def calls(dependant: Any) -> Iterator[Any]:
        for d in dependant.dependencies:
            if d.call is not None:
                yield d.call
            yield from calls(d)

    def routes(found: list[Any]) -> Iterator[Any]:
        for route in found:
            included = getattr(route, "original_router", None)  # FastAPI's lazy include
            yield from routes(included.routes) if included is not None else [route]

    checked = [
        call
        for route in routes(app.routes)
        if hasattr(route, "dependant")
        for call in calls(route.dependant)
    ]
    sync = {
        getattr(call, "__qualname__", repr(call))
        for call in checked
        if not inspect.iscoroutinefunction(call) and not inspect.isasyncgenfunction(call)
    }
    assert len(checked) > 20 and not sync


def test_graphql_context_does_not_reach_into_rest():
    """What both doors share (principal, CSRF) lives in api.principal."""
    source = Path(__file__).parents[2] / "api" / "graphql" / "context.py"
    imported = [
        n.module or ""
        for n in ast.walk(ast.parse(source.read_text()))
        if isinstance(n, ast.ImportFrom)
    ]
    assert not [m for m in imported if m.startswith("api.rest")]
