"""Access-log tests' harness: an empty log before each test (the owner's documented purge), entries
appended as the service appends them (the app role, inside a unit's transaction), and tampering
as a superuser owner would do it (triggers off for the statement: what the chain must catch)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import connection as tx
from adapters.postgres.audit.log import PgAccessLog
from adapters.postgres.database import DatabaseUrls, make_engine
from domain.cases.access import AccessEntry, Action, Outcome

START = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
PURGE = (
    "BEGIN; SET LOCAL samordna.access_log_purge = 'on';"
    " DELETE FROM access_log_checkpoint; DELETE FROM access_log_chain;"
    " DELETE FROM access_log_entry; COMMIT;"
)


async def raw(engine: AsyncEngine, script: str, *args: Any) -> Any:
    """``script`` on a connection of ``engine`` (with ``args``: one statement, its result)."""
    async with engine.connect() as conn:
        driver = (await conn.get_raw_connection()).driver_connection
        if args:
            return await driver.fetch(script, *args)
        return await driver.execute(script)


@pytest.fixture(scope="session")
async def app_engine(database: DatabaseUrls) -> AsyncIterator[AsyncEngine]:
    """The service's role in AUTOCOMMIT, as the request path's engine: the unit of work's
    ``BEGIN`` and ``COMMIT`` are its own statements (``adapters/postgres/connection.py``)."""
    engine = make_engine(database.app, pool_size=4, autocommit=True)
    yield engine
    await engine.dispose()


@pytest.fixture(autouse=True)
async def empty_log(admin_engine: AsyncEngine) -> None:
    await raw(admin_engine, PURGE)


def entry(unit: UUID, n: int = 0, **changes: Any) -> AccessEntry:
    values: dict[str, Any] = {
        "id": uuid4(),
        "at": START + timedelta(seconds=n),
        "unit_id": unit,
        "actor_person_id": uuid4(),
        "actor_subject_key": f"person:{n:04d}",
        "actor_organisation_id": uuid4(),
        "actor_role": "member",
        "subject_ref": uuid4(),
        "case_id": uuid4(),
        "object_type": "note",
        "object_id": uuid4(),
        "category": "school",
        "regime": "school",
        "action": Action.READ,
        "purpose": "follow_up",
        "basis": "consent",
        "consent_id": uuid4(),
        "decision": Outcome.PERMIT,
        "request_id": f"req-{n}",
        "client": "rest",
    }
    values.update(changes)
    return AccessEntry(**values)


async def append(app: AsyncEngine, unit: UUID, entries: Sequence[AccessEntry]) -> None:
    """Appended as a request appends them: the app role, the unit's transaction, one INSERT."""
    async with app.connect() as conn:
        await tx.begin(conn, unit)
        await PgAccessLog(conn, unit).append(entries)
        await tx.commit(conn)


async def tamper(admin: AsyncEngine, sql: str) -> None:
    """``sql`` with every trigger and foreign key off (a superuser's ``replica`` role)."""
    await raw(admin, f"BEGIN; SET LOCAL session_replication_role = replica; {sql}; COMMIT;")


async def ids(admin: AsyncEngine) -> list[int]:
    """The entries' row ids in chain order."""
    rows = await raw(
        admin, "SELECT entry_id FROM access_log_chain WHERE $1 ORDER BY position", True
    )
    return [r[0] for r in rows]
