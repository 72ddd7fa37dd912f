"""Access-log room: the verifier — recomputes every link of the chain with SHA-256 in Python and
reports the exact position and entry of each changed, deleted or reordered entry, each altered
or missing link, and a tail cut off behind a signed checkpoint.

One REPEATABLE READ snapshot, exported: the chain's position range is split into stretches (one
per core), each streamed as COPY text and walked on a connection of its own in that snapshot —
the first in this process, the others in worker processes (``ranges``). A stretch judges every
link against its own stored ``prev``, so it needs nothing of the others; the seams (a stretch's
first link follows the previous stretch's last) are checked here, and the problems come out in
position order exactly as one walk from the start would report them."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.audit import ranges
from adapters.postgres.audit.driver import driver
from adapters.postgres.audit.rows import GENESIS
from adapters.postgres.audit.walk import Stretch

MIN_STRETCH = 100_000  # links: below this a worker process costs more than it saves
# The owner (through its policy), a superuser or a BYPASSRLS role reads every unit's entries.
READS_ALL = """
SELECT r.rolsuper OR r.rolbypassrls OR EXISTS (
  SELECT FROM pg_policies p WHERE p.tablename = 'access_log_entry'
     AND p.policyname = 'access_log_owner_reads' AND current_user = ANY (p.roles))
  FROM pg_roles r WHERE r.rolname = current_user
"""
BOUNDS = "SELECT min(position), max(position) FROM access_log_chain"
UNSEALED = {
    True: "SELECT count(*) FROM access_log_entry e"
    " WHERE NOT EXISTS (SELECT FROM access_log_chain c WHERE c.entry_id = e.id)",
    False: "SELECT count(*) FROM samordna_access_log_unsealed(0, 0, 2147483647)",
}
_ROOT = str(Path(__file__).resolve().parents[3])  # where ``adapters`` is importable from


@dataclass(frozen=True, slots=True)
class Problem:
    """``kind``: changed | deleted | link-altered | link-missing | truncated | checkpoint-mismatch
    | checkpoint-signature; ``position`` in the chain; ``entry_id`` the entry's row id."""

    kind: str
    position: int
    entry_id: int | None = None

    def __str__(self) -> str:
        entry = f" (entry {self.entry_id})" if self.entry_id is not None else ""
        return f"{self.kind} at position {self.position}{entry}"


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signed head: the chain had ``head_hash`` at ``position`` (signature already checked
    by whoever read it; ``valid`` False when it did not verify)."""

    position: int
    head_hash: bytes
    valid: bool = True


@dataclass(slots=True)
class Report:
    checked: int = 0  # links walked
    unsealed: int = 0  # entries not linked yet (the sealer's backlog)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first(self) -> Problem | None:
        return min(self.problems, key=lambda p: p.position, default=None)


async def verify(
    engine: AsyncEngine,
    checkpoints: Iterable[Checkpoint] = (),
    *,
    workers: int | None = None,
    min_stretch: int = MIN_STRETCH,
) -> Report:
    """Walk the whole chain; ``checkpoints`` are signed heads read from outside the database.
    ``workers``: stretches walked at once (default: one per core), each of ``min_stretch``
    links at least."""
    marks = list(checkpoints)
    heads = tuple(sorted({c.position for c in marks}))
    connect = _connect_args(engine)
    async with driver(engine) as d, d.transaction(isolation="repeatable_read", readonly=True):
        await d.execute(ranges.SESSION)
        direct = bool(await d.fetchval(READS_ALL))
        low, high = await d.fetchrow(BOUNDS)
        if high is None:
            return _report([], marks, await d.fetchval(UNSEALED[direct]))
        parts = max(1, min(workers or os.cpu_count() or 1, (high - low + 1) // min_stretch))
        jobs = _jobs(direct, low - 1, high, 1 if connect is None else parts, heads)
        snapshot = await d.fetchval("SELECT pg_export_snapshot()") if len(jobs) > 1 else ""
        tasks = [asyncio.ensure_future(_in_worker(connect, snapshot, j)) for j in jobs[1:]]
        # With workers, the backlog is counted on a connection of its own meanwhile.
        backlog = asyncio.ensure_future(_unsealed(connect, snapshot, direct)) if tasks else None
        try:
            stretches = [await ranges.walk(d, jobs[0]), *await asyncio.gather(*tasks)]
            unsealed = await backlog if backlog else await d.fetchval(UNSEALED[direct])
        finally:
            for task in [*tasks, *([backlog] if backlog else [])]:
                task.cancel()
            await asyncio.gather(*tasks, *([backlog] if backlog else []), return_exceptions=True)
    return _report(stretches, marks, unsealed)


async def _unsealed(connect: Any, snapshot: str, direct: bool) -> int:
    async with ranges.in_snapshot(connect, snapshot) as conn:
        count: int = await conn.fetchval(UNSEALED[direct])
        return count


def _jobs(
    direct: bool, after: int, upto: int, parts: int, heads: tuple[int, ...]
) -> list[ranges.Job]:
    bounds = [after + (upto - after) * k // parts for k in range(parts + 1)]
    return [ranges.Job(direct, a, b, heads) for a, b in itertools.pairwise(bounds)]


def _connect_args(engine: AsyncEngine) -> dict[str, Any] | None:
    """The asyncpg ``connect`` arguments the engine uses, or None when they do not travel as
    JSON (an SSL context): then one process walks the whole chain."""
    args, kwargs = engine.dialect.create_connect_args(engine.url)
    try:
        json.dumps(kwargs)
    except TypeError:
        return None
    return None if args else {**kwargs, "timeout": 10}


async def _in_worker(connect: Any, snapshot: str, job: ranges.Job) -> Stretch:
    """``job`` in a worker process of its own (killed if we are cancelled)."""
    message = {"connect": connect, "snapshot": snapshot, **_fields(job)}
    path = os.pathsep.join(p for p in (_ROOT, os.environ.get("PYTHONPATH")) if p)
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        ranges.__name__,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": path},
    )
    try:
        out, err = await proc.communicate(json.dumps(message).encode())
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    if proc.returncode != 0:
        tail = err.decode(errors="replace").strip().splitlines()[-1:]
        raise RuntimeError(f"an access-log verifier worker failed: {tail}")
    return ranges.loads(out.decode())


def _fields(job: ranges.Job) -> dict[str, Any]:
    return {"direct": job.direct, "after": job.after, "upto": job.upto, "heads": job.heads}


def _report(stretches: list[Stretch], marks: list[Checkpoint], unsealed: int) -> Report:
    """The stretches joined at their seams, problems in position order (a stable sort: at one
    position, in the order one walk from the start finds them)."""
    report = Report(unsealed=unsealed)
    position, prev = 0, GENESIS.hex()
    heads: dict[int, str] = {}
    found = report.problems
    for s in stretches:
        heads.update(s.heads)
        if s.first is None or s.last is None:
            continue
        first, entry_id, first_prev = s.first
        if first != position + 1:
            found.append(Problem("link-missing", position + 1))
        if first_prev != prev:
            found.append(Problem("link-altered", first, entry_id))
        found.extend(Problem(*p) for p in s.problems)
        position, prev = s.last
    found.sort(key=lambda p: p.position)
    report.checked = position
    for c in marks:
        if not c.valid:
            found.append(Problem("checkpoint-signature", c.position))
        elif c.position > report.checked:
            found.append(Problem("truncated", report.checked + 1))
        elif heads.get(c.position, "") != c.head_hash.hex():
            found.append(Problem("checkpoint-mismatch", c.position))
    return report
