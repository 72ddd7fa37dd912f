"""Where the database is: ``DATABASE_URL`` when given, else an embedded PostgreSQL (pgserver).

The app connects as ``samordna_app`` (no BYPASSRLS, not the table owner) so row-level security
holds; migrations run as the owner. See docs/adr/0003-tenancy-row-level-security.md.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

log = logging.getLogger(__name__)

APP_ROLE = "samordna_app"


@dataclass(frozen=True, slots=True)
class DatabaseUrls:
    app: str  # the role the service runs as (subject to row-level security)
    admin: str  # the owner, for migrations and demo loading
    embedded: Any | None = None  # the pgserver handle, kept alive while we run


def _asyncpg(url: str) -> str:
    return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql+asyncpg://", url)


def embedded_urls(state_dir: Path, database: str) -> DatabaseUrls:
    """Start (or reuse) the embedded server under ``state_dir/pgdata`` and make sure the database
    and the app role exist. The server keeps running after we exit so restarts are fast."""
    import warnings

    # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, containers); pgserver copes.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    import pgserver  # only needed without DATABASE_URL

    pgdata = (state_dir / "pgdata").resolve()
    pgdata.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(pgdata, cleanup_mode=None)
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", database):
        raise ValueError(f"unsafe database name {database!r}")
    # The name was checked against a strict pattern just above; psql takes no bind parameters.
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}';")  # noqa: S608
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{database}";')
    server.psql(
        "DO $$ BEGIN "
        f"IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN "
        f"CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE; "
        f"ELSE ALTER ROLE {APP_ROLE} LOGIN; END IF; END $$;"
    )
    socket_dir = make_url(server.get_uri()).query["host"]
    admin = f"postgresql+asyncpg://postgres@/{database}?host={socket_dir}"
    app = f"postgresql+asyncpg://{APP_ROLE}@/{database}?host={socket_dir}"
    return DatabaseUrls(app=app, admin=admin, embedded=server)


def drop_embedded_database(state_dir: Path, database: str) -> None:
    """Drop a database on the embedded server (connections are closed first)."""
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", database):
        raise ValueError(f"unsafe database name {database!r}")
    server = embedded_urls(state_dir, "postgres").embedded
    server.psql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE);')


def fresh_embedded_database(state_dir: Path, database: str) -> DatabaseUrls:
    """An empty database of that name on the embedded server (dropped first if it exists):
    what tests, the browser-test server and the benchmarks build their schema in."""
    drop_embedded_database(state_dir, database)
    return embedded_urls(state_dir, database)


def resolve_urls(
    database_url: str | None, admin_url: str | None, state_dir: Path, database: str = "samordna"
) -> DatabaseUrls:
    if database_url is None:
        return embedded_urls(state_dir, database)
    app = _asyncpg(database_url)
    return DatabaseUrls(app=app, admin=_asyncpg(admin_url) if admin_url else app)


# A dead server should answer 503 within seconds, not after asyncpg's 60 s connect timeout or
# SQLAlchemy's 30 s wait for a pooled connection.
CONNECT_TIMEOUT_SECONDS = 5.0
POOL_TIMEOUT_SECONDS = 10.0


def make_engine(
    url: str,
    *,
    pool_size: int = 10,
    autocommit: bool = False,
    session: Mapping[str, str] | None = None,
) -> AsyncEngine:
    """``autocommit``: the request path's engine (``connection.py``): each look-up is one round
    trip, the units of work send ``BEGIN`` themselves, and a checkout costs no ping.
    ``session``: server settings of every connection (set at connect: some, like
    ``temp_buffers``, cannot change once a session has used a temporary table)."""
    engine = create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        # The first requests after a database restart get fresh connections instead of errors:
        # pooled ones are pinged before use, or on the request path (no ping) dropped when the
        # driver has seen the socket close, or retried once at their first statement
        # (``connection.Lease.first``).
        pool_pre_ping=not autocommit,
        pool_timeout=POOL_TIMEOUT_SECONDS,
        # Error messages and tracebacks never carry the bound values (names, search terms, ...).
        hide_parameters=True,
        **({"isolation_level": "AUTOCOMMIT"} if autocommit else {}),
        connect_args={
            "timeout": CONNECT_TIMEOUT_SECONDS,
            "server_settings": {"application_name": "samordna", **(session or {})},
        },
    )
    if autocommit:
        event.listen(engine.sync_engine.pool, "checkout", _closed_by_server)
    return engine


def _closed_by_server(dbapi_connection: Any, record: Any, proxy: Any) -> None:
    """A server that restarted or ended the session has closed the socket, and asyncpg has seen
    it: the pool then discards that connection and hands out another (no round trip)."""
    del record, proxy
    if dbapi_connection.driver_connection.is_closed():
        raise DisconnectionError("the server closed this connection")


async def ping(engine: AsyncEngine, within_seconds: float) -> bool:
    """True when ``SELECT 1`` answers within that many seconds (the readiness probe)."""
    try:
        async with asyncio.timeout(within_seconds), engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception as exc:  # any failure means "not ready"; the type is enough to diagnose
        log.warning("database ping failed: %s", type(exc).__name__)
        return False
    return True
