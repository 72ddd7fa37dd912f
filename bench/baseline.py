"""Bench: the bare baseline — FastAPI + an asyncpg pool, no Samordna code — answering the persons
page and a single person with byte-identical bodies, on one pooled connection. ``BENCH_SQL``
picks the SQL it sends: ``before`` (default) what Samordna sent before issue 6 (session look-up,
account function, BEGIN, set_config, count, page or row, ROLLBACK; asyncpg's reset on release),
``after`` what it sends since (session and accounts in one statement, BEGIN + set_config in one
message, the page with its total, ROLLBACK; no reset). Serve with ``uvicorn --factory
bench.baseline:create`` and ``BENCH_ASYNCPG`` (JSON connect() arguments) in the environment."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from uuid import UUID

import asyncpg
from fastapi import FastAPI, Request, Response

COOKIE = "samordna_session"
_COLS = "person.id, person.unit_id, person.name, person.title, person.organisation_id, person.email, person.phone, person.version, person.created_at, person.updated_at"
SESSION = (
    "SELECT person_key, unit_id, acr, csrf_hash, created_at, last_seen_at, expires_at"
    " FROM web_session WHERE id_hash = $1 AND state = 'active'"
)
ACCOUNTS = "SELECT * FROM samordna_accounts_for($1)"
UNIT = "SELECT set_config('samordna.unit_id', $1, true)"
_ALIASED = ", ".join(f"{c} AS {c.removeprefix('person.')}" for c in _COLS.split(", "))
COUNT = (
    f"SELECT count(*) AS count_1 FROM (SELECT {_ALIASED} FROM person"
    " WHERE person.unit_id = $1::UUID) AS anon_1"
)
PAGE = (
    f"SELECT {_COLS}, lower(person.name) AS _sort FROM person WHERE person.unit_id = $1::UUID"
    " ORDER BY lower(person.name), person.id LIMIT $2::INTEGER"
)
ONE = f"SELECT {_COLS} FROM person WHERE person.unit_id = $1::UUID AND person.id = $2::UUID"

# Since issue 6.
AUTH = (
    "SELECT s.person_key, s.unit_id, s.acr, s.csrf_hash, s.created_at, s.last_seen_at,"
    " s.expires_at, a.unit_id AS account_unit_id, a.unit_name, a.roles, a.person_id,"
    " a.display_name, a.body_roles::text AS body_roles FROM web_session s LEFT JOIN LATERAL"
    " samordna_accounts_for(s.person_key) WITH ORDINALITY AS a ON true"
    " WHERE s.id_hash = $1 AND s.state = 'active' ORDER BY a.ordinality"
)
BEGIN = "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT set_config('samordna.unit_id', '{}', true)"
_NEW = _COLS.replace(", person.created_at, person.updated_at", "")
PAGE_AFTER = (
    f"SELECT {_NEW}, lower(person.name) AS _sort, (SELECT count(*) FROM person"
    " WHERE person.unit_id = $1) AS _total FROM person WHERE person.unit_id = $1"
    " ORDER BY lower(person.name), person.id LIMIT $2"
)
COUNT_AFTER = "SELECT count(*) FROM person WHERE person.unit_id = $1"
ONE_AFTER = f"SELECT {_NEW} FROM person WHERE person.unit_id = $1 AND person.id = $2"


def _dumps(x: Any) -> bytes:
    return json.dumps(x, ensure_ascii=False, separators=(",", ":")).encode()


def _person(r: asyncpg.Record) -> dict[str, Any]:
    org = r["organisation_id"]
    return {
        "id": str(r["id"]),
        "name": r["name"],
        "title": r["title"],
        "organisationId": str(org) if org is not None else None,
        "email": r["email"],
        "phone": r["phone"],
        "version": r["version"],
    }


def _cursor(key: str, id_: UUID) -> str:
    raw = json.dumps([key, str(id_)], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


async def _no_reset(conn: asyncpg.Connection) -> None:
    """Every request ends its transaction itself (as Samordna's pool does, nothing is sent)."""


def create() -> FastAPI:
    params = json.loads(os.environ["BENCH_ASYNCPG"])
    if os.environ.get("BENCH_SQL", "before") == "after":
        return _after(params)
    pool: asyncpg.Pool | None = None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        nonlocal pool
        pool = await asyncpg.create_pool(**params, min_size=10, max_size=20)
        yield
        await pool.close()

    app = FastAPI(lifespan=lifespan)

    async def _unit(conn: asyncpg.Connection, request: Request) -> UUID | None:
        cookie = request.cookies.get(COOKIE, "")
        s = await conn.fetchrow(SESSION, hashlib.sha256(cookie.encode()).hexdigest())
        if s is None:
            return None
        accounts = await conn.fetch(ACCOUNTS, s["person_key"])
        return next((a["unit_id"] for a in accounts if a["unit_id"] == s["unit_id"]), None)

    @app.get("/api/persons")
    async def persons(request: Request, limit: int = 50) -> Response:
        assert pool is not None
        async with pool.acquire() as conn:
            unit = await _unit(conn, request)
            if unit is None:
                return Response(status_code=401)
            tr = conn.transaction()
            await tr.start()
            try:
                await conn.fetchval(UNIT, str(unit))
                total = await conn.fetchval(COUNT, unit)
                rows = await conn.fetch(PAGE, unit, limit + 1)
            finally:
                await tr.rollback()
        more = len(rows) > limit
        rows = rows[:limit]
        body = {
            "items": [_person(r) for r in rows],
            "total": total,
            "nextCursor": _cursor(rows[-1]["_sort"], rows[-1]["id"]) if more else None,
        }
        return Response(_dumps(body), media_type="application/json")

    @app.get("/api/persons/{id}")
    async def person(id: UUID, request: Request) -> Response:
        assert pool is not None
        async with pool.acquire() as conn:
            unit = await _unit(conn, request)
            if unit is None:
                return Response(status_code=401)
            tr = conn.transaction()
            await tr.start()
            try:
                await conn.fetchval(UNIT, str(unit))
                row = await conn.fetchrow(ONE, unit, id)
            finally:
                await tr.rollback()
        if row is None:
            return Response(status_code=404)
        return Response(
            _dumps(_person(row)),
            media_type="application/json",
            headers={"ETag": f'"{row["version"]}"'},
        )

    return app


def _after(params: dict[str, Any]) -> FastAPI:
    pool: asyncpg.Pool | None = None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        nonlocal pool
        pool = await asyncpg.create_pool(**params, min_size=10, max_size=20, reset=_no_reset)
        yield
        await pool.close()

    app = FastAPI(lifespan=lifespan)

    async def _begin(conn: asyncpg.Connection, request: Request) -> UUID | None:
        cookie = request.cookies.get(COOKIE, "")
        rows = await conn.fetch(AUTH, hashlib.sha256(cookie.encode()).hexdigest())
        unit = next((r["unit_id"] for r in rows if r["account_unit_id"] == r["unit_id"]), None)
        if unit is not None:
            await conn.execute(BEGIN.format(UUID(str(unit))))
        return unit

    @app.get("/api/persons")
    async def persons(request: Request, limit: int = 50) -> Response:
        assert pool is not None
        async with pool.acquire() as conn:
            unit = await _begin(conn, request)
            if unit is None:
                return Response(status_code=401)
            try:
                rows = await conn.fetch(PAGE_AFTER, unit, limit + 1)
                total = rows[0]["_total"] if rows else await conn.fetchval(COUNT_AFTER, unit)
            finally:
                await conn.execute("ROLLBACK")
        more = len(rows) > limit
        rows = rows[:limit]
        body = {
            "items": [_person(r) for r in rows],
            "total": total,
            "nextCursor": _cursor(rows[-1]["_sort"], rows[-1]["id"]) if more else None,
        }
        return Response(_dumps(body), media_type="application/json")

    @app.get("/api/persons/{id}")
    async def person(id: UUID, request: Request) -> Response:
        assert pool is not None
        async with pool.acquire() as conn:
            unit = await _begin(conn, request)
            if unit is None:
                return Response(status_code=401)
            try:
                row = await conn.fetchrow(ONE_AFTER, unit, id)
            finally:
                await conn.execute("ROLLBACK")
        if row is None:
            return Response(status_code=404)
        return Response(
            _dumps(_person(row)),
            media_type="application/json",
            headers={"ETag": f'"{row["version"]}"'},
        )

    return app
