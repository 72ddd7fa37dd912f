"""Access-log room: one position range of the chain streamed as COPY text in the verifier's
snapshot and walked (``walk.Stretch``), in the verifier's process or in a worker process of its
own (``python -m adapters.postgres.audit.ranges``: the job as JSON on stdin — connection
arguments, password included, never on the command line — the stretch as JSON on stdout).

A role that reads every unit's entries (the owner, a superuser) streams one plain ordered join;
the app role pages through the migration's definer function. A line whose time has an unusual
shape is recomputed from its row, as the sealer computed it."""

from __future__ import annotations

import asyncio
import json
import re
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from hashlib import sha256
from typing import Any

import asyncpg  # type: ignore[import-untyped]

from adapters.postgres.audit.lines import select
from adapters.postgres.audit.rows import canonical_by_position
from adapters.postgres.audit.walk import Stretch

PAGE = 50_000  # links per call of the definer function (it materialises its result)
RECHECK = 5_000  # rows per query when links are recomputed from their rows
# The session's own output formats (COPY text of a time: ``walk``), and no parallel plan: the
# verifier's stretches are the parallelism.
SESSION = (
    "SET LOCAL timezone = 'UTC'; SET LOCAL datestyle = 'ISO';"
    " SET LOCAL max_parallel_workers_per_gather = 0"
)
DIRECT = (
    f"SELECT {select('c.', 'e.')}"  # noqa: S608 (column names and ints only)
    " FROM access_log_chain c LEFT JOIN access_log_entry e ON e.id = c.entry_id"
    " WHERE c.position > {after} AND c.position <= {upto} ORDER BY c.position"
)
DEFINER = (
    f"SELECT {select('c_', 'e_')}"  # noqa: S608 (column names and ints only)
    " FROM samordna_access_log_chain({after}, {count})"
)
NEXT = "SELECT min(position) FROM access_log_chain WHERE position > $1 AND position <= $2"
ROWS = {
    True: "SELECT c.position AS c_position, e.* FROM access_log_chain c"
    " JOIN access_log_entry e ON e.id = c.entry_id WHERE c.position = ANY($1::bigint[])",
    False: "SELECT f.* FROM unnest($1::bigint[]) AS p,"
    " LATERAL samordna_access_log_chain(p - 1, 1) AS f",
}
_SNAPSHOT = re.compile(r"[0-9A-F]+(-[0-9A-F]+)+")


@dataclass(frozen=True, slots=True)
class Job:
    """Walk the links with ``after < position <= upto`` (``direct``: as a role reading every
    entry); ``heads``: positions whose hash a checkpoint names."""

    direct: bool
    after: int
    upto: int
    heads: tuple[int, ...] = ()


async def walk(conn: Any, job: Job) -> Stretch:
    """The range on ``conn``, inside its open REPEATABLE READ transaction."""
    stretch = Stretch(heads={p: "" for p in job.heads if job.after < p <= job.upto})

    async def sink(chunk: bytes) -> None:
        stretch.feed(chunk)

    if job.direct:
        await conn.copy_from_query(
            DIRECT.format(after=int(job.after), upto=int(job.upto)), output=sink
        )
    after = job.after
    while not job.direct and after < job.upto:
        count, seen = min(PAGE, job.upto - after), stretch.links
        await conn.copy_from_query(DEFINER.format(after=int(after), count=count), output=sink)
        after += count
        if stretch.links == seen:  # a gap of links: on to the next one there is
            found = await conn.fetchval(NEXT, after, job.upto)
            after = job.upto if found is None else found - 1
    stretch.close()
    await _recheck(conn, job.direct, stretch)
    return stretch


async def _recheck(conn: Any, direct: bool, stretch: Stretch) -> None:
    """Each candidate link recomputed from its row as the sealer computes it: changed only
    when that differs too."""
    prefix = "" if direct else "e_"
    todo = stretch.recheck
    for start in range(0, len(todo), RECHECK):
        batch = todo[start : start + RECHECK]
        rows = {r["c_position"]: r for r in await conn.fetch(ROWS[direct], [b[0] for b in batch])}
        for position, entry_id, prev, stored in batch:
            if not _same(rows.get(position), prefix, prev, stored):
                stretch.problems.append(("changed", position, entry_id))
    todo.clear()


def _same(row: Any, prefix: str, prev: str, stored: str) -> bool:
    if row is None:
        return False
    try:
        canonical = canonical_by_position({k: n for n, k in enumerate(row.keys())}, prefix)(row)
    except (AttributeError, TypeError, ValueError):  # a value no sealed entry can hold
        return False
    return sha256(prev.encode() + canonical).hexdigest() == stored


@asynccontextmanager
async def in_snapshot(connect: dict[str, Any], snapshot: str) -> AsyncIterator[Any]:
    """A connection of its own whose transaction sees exactly the verifier's snapshot."""
    if not _SNAPSHOT.fullmatch(snapshot):
        raise ValueError("not a snapshot id")
    conn = await asyncpg.connect(**connect)
    try:
        async with conn.transaction(isolation="repeatable_read", readonly=True):
            await conn.execute(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
            await conn.execute(SESSION)
            yield conn
    finally:
        await conn.close()


async def walk_in_snapshot(connect: dict[str, Any], snapshot: str, job: Job) -> Stretch:
    async with in_snapshot(connect, snapshot) as conn:
        return await walk(conn, job)


def dumps(stretch: Stretch) -> str:
    return json.dumps(
        {
            "heads": list(stretch.heads.items()),
            "first": stretch.first,
            "last": stretch.last,
            "links": stretch.links,
            "problems": stretch.problems,
        }
    )


def loads(text: str) -> Stretch:
    data = json.loads(text)
    s = Stretch(heads=dict(data["heads"]), links=data["links"])
    s.first = tuple(data["first"]) if data["first"] else None
    s.last = tuple(data["last"]) if data["last"] else None
    s.problems = [tuple(p) for p in data["problems"]]
    return s


def main() -> None:
    job = json.loads(sys.stdin.read())
    work = Job(job["direct"], job["after"], job["upto"], tuple(job["heads"]))
    try:  # uvloop (uvicorn[standard]'s) receives the COPY stream with a third less CPU
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    except ImportError:  # pragma: no cover (installed with the app)
        pass
    stretch = asyncio.run(walk_in_snapshot(job["connect"], job["snapshot"], work))
    sys.stdout.write(dumps(stretch))


if __name__ == "__main__":
    main()
