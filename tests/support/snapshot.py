"""Test support: the seeded demo kept as a snapshot inside the test database, and put back before
each test in one round trip (empty the tables children first, then copy the rows back parents first).

Why not a template database per test or a rolled-back transaction (measured on the 2-core box):
``CREATE DATABASE … TEMPLATE`` costs 0.15–0.75 s and every ``DROP DATABASE`` forces a checkpoint
(0.15–0.5 s), more than the truncate and reload it would replace (≈ 0.6 s); a transaction the test
rolls back cannot hold an app that opens its own pooled connections, commits, and is tested with
parallel requests that must see each other's commits. Restoring the copy costs a few tens of ms.
"""

from __future__ import annotations

from graphlib import TopologicalSorter

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

SCHEMA = "test_snapshot"

# Every tenant table (any table with a unit_id, and the units), and the browser sessions.
_TABLES = sa.text(
    """
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       AND (c.relname IN ('slt_unit', 'web_session', 'access_log_chain', 'access_log_checkpoint')
            OR EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid
                        AND a.attname = 'unit_id' AND NOT a.attisdropped))
    """
)
_REFERENCES = sa.text(
    """
    SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c
      JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'
    """
)
_COLUMNS = sa.text(
    """
    SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(:t) AND attnum > 0
       AND NOT attisdropped AND attgenerated = '' ORDER BY attnum
    """
)


class Snapshot:
    """The rows of the tenant tables as they were when ``take`` ran, and the script that puts
    them back."""

    def __init__(self, script: str) -> None:
        self.script = script

    @classmethod
    async def take(cls, admin: AsyncEngine) -> Snapshot:
        async with admin.begin() as conn:
            tables = await _in_reference_order(conn)
            # One table of JSON rows, not copies of the tables: a check that looks for tables by
            # name or by a unit_id column (row-level security on every tenant table, say) finds
            # only the real ones.
            await conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
            await conn.execute(sa.text(f"CREATE SCHEMA {SCHEMA}"))
            await conn.execute(
                sa.text(f"CREATE TABLE {SCHEMA}.demo (name text PRIMARY KEY, rows jsonb)")
            )
            inserts = []
            for t in tables:
                await conn.execute(
                    sa.text(
                        f"INSERT INTO {SCHEMA}.demo SELECT :t, coalesce(jsonb_agg(to_jsonb(x)), '[]')"
                        f" FROM public.{t} x"
                    ),
                    {"t": t},
                )
                columns = (await conn.execute(_COLUMNS, {"t": f"public.{t}"})).scalars()
                names = ", ".join(f'"{c}"' for c in columns)
                inserts.append(
                    f"INSERT INTO public.{t} ({names}) OVERRIDING SYSTEM VALUE SELECT {names}"
                    f" FROM jsonb_populate_recordset(NULL::public.{t},"
                    f" (SELECT rows FROM {SCHEMA}.demo WHERE name = '{t}'));"
                )
            superuser = (await conn.execute(sa.text("SHOW is_superuser"))).scalar_one() == "on"
        # DELETE, children first: TRUNCATE makes new files for every table and index (≈ 6× slower
        # here). A superuser also skips the foreign-key and guard triggers (≈ 3× faster again):
        # the copy is consistent and every table it touches is emptied first.
        # The access log refuses DELETE and TRUNCATE but inside the owner's purge (migration 0012).
        purge = "SET LOCAL samordna.access_log_purge = 'on';"
        replica = "SET LOCAL session_replication_role = replica;" if superuser else ""
        begin = f"BEGIN; {replica} {purge}"
        deletes = [f"DELETE FROM public.{t};" for t in reversed(tables)]
        return cls("\n".join([begin, *deletes, *inserts, "COMMIT;"]))

    @staticmethod
    async def empty_tables(admin: AsyncEngine) -> None:
        """Delete every row of the tenant tables (before the first load)."""
        async with admin.begin() as conn:
            listed = ", ".join(f"public.{t}" for t in await _in_reference_order(conn))
            await conn.execute(sa.text("SET LOCAL samordna.access_log_purge = 'on'"))
            await conn.execute(sa.text(f"TRUNCATE {listed} CASCADE"))

    async def restore(self, admin: AsyncEngine) -> None:
        async with admin.connect() as conn:
            raw = await conn.get_raw_connection()
            # The driver's simple protocol takes the whole script in one message.
            await raw.driver_connection.execute(self.script)  # type: ignore[union-attr]


async def _in_reference_order(conn: AsyncConnection) -> list[str]:
    tables = set((await conn.execute(_TABLES)).scalars())
    graph: dict[str, set[str]] = {t: set() for t in tables}
    for child, parent in await conn.execute(_REFERENCES):
        if child in tables and parent in tables and child != parent:
            graph[child].add(parent)
    return list(TopologicalSorter(graph).static_order())
