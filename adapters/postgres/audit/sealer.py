"""Access-log room: the sealer — links unsealed entries, in id order, into the hash chain in its
own transaction, under a PostgreSQL advisory lock so one sealer runs across every process.

A pass is one REPEATABLE READ transaction per batch: the chain's head, the snapshot's oldest
running transaction (``xmin``), the unsealed entries (``samordna_access_log_unsealed``: entries
of transactions from the horizon on, not yet linked), their links computed in Python and
inserted in one statement. A crash mid-pass rolls the batch back and loses nothing: the entries
are still unsealed and the next pass links them. Once a pass has drained every visible entry,
every transaction older than its ``xmin`` has ended and was sealed, so ``xmin`` becomes the
horizon: later passes never look further back (each link stores the horizon it was made under,
so a restarted sealer resumes there).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.audit.driver import driver
from adapters.postgres.audit.rows import GENESIS, canonical_by_position, link

log = logging.getLogger(__name__)

# pg_advisory_lock key: "samordna access log sealer" (any constant every process agrees on).
LOCK_KEY = 0x5A4D_0A11_5EA1
BATCH = 5000

HEAD = "SELECT position, hash, horizon FROM access_log_chain ORDER BY position DESC LIMIT 1"
XMIN = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
UNSEALED = "SELECT * FROM samordna_access_log_unsealed($1, $2, $3)"
INSERT = (
    "INSERT INTO access_log_chain (position, entry_id, prev_hash, hash, horizon)"
    " SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[], $4::bytea[], $5::bigint[])"
)


@dataclass(frozen=True, slots=True)
class SealResult:
    """How many entries a run linked, the chain's head position after it, and whether another
    sealer held the lock (then nothing was done)."""

    sealed: int
    head: int
    locked_out: bool = False


def _index(row: Any) -> dict[str, int]:
    return {name: n for n, name in enumerate(row.keys())}


class Sealer:
    """Seals the access log on ``engine`` (the app role suffices: the cross-unit read is the
    migration's definer function). ``run`` loops every ``interval`` seconds until ``stop``."""

    def __init__(self, engine: AsyncEngine, *, batch: int = BATCH) -> None:
        self._engine = engine
        self._batch = batch
        self._horizon = 0
        self._stopping = asyncio.Event()

    async def seal(self) -> SealResult:
        """One run: every entry visible now linked, unless another sealer holds the lock."""
        async with driver(self._engine) as d:
            if not await d.fetchval("SELECT pg_try_advisory_lock($1)", LOCK_KEY):
                return SealResult(0, 0, locked_out=True)
            try:
                return await self._drain(d)
            finally:
                await d.fetchval("SELECT pg_advisory_unlock($1)", LOCK_KEY)

    async def _drain(self, d: Any) -> SealResult:
        """Batches until one comes back short. The first batch looks at every entry from the
        horizon on; the later ones only past the last id linked (a lower id committed since
        waits for the next run). So everything visible to the first batch's snapshot is linked
        at the end, and that snapshot's ``xmin`` is the next horizon."""
        total, head, after, xmin = 0, 0, 0, None
        canonical: Callable[[Any], bytes] | None = None
        while True:
            async with d.transaction(isolation="repeatable_read"):
                last = await d.fetchrow(HEAD)
                position, prev = (last["position"], bytes(last["hash"])) if last else (0, GENESIS)
                horizon = max(self._horizon, last["horizon"] if last else 0)
                if xmin is None:
                    xmin = await d.fetchval(XMIN)
                rows = await d.fetch(UNSEALED, horizon, after, self._batch)
                columns: tuple[list[Any], ...] = ([], [], [], [], [])
                for row in rows:
                    if canonical is None:
                        canonical = canonical_by_position(_index(row), "")
                    position += 1
                    digest = link(prev, canonical(row))
                    for column, value in zip(
                        columns, (position, row["id"], prev, digest, horizon), strict=True
                    ):
                        column.append(value)
                    prev = digest
                if rows:
                    await d.execute(INSERT, *columns)
                    after = rows[-1]["id"]
            total, head = total + len(rows), position
            if len(rows) < self._batch:
                self._horizon = xmin
                return SealResult(total, head)

    async def run(self, interval: float) -> None:
        """Seal every ``interval`` seconds until ``stop``; a failed run is logged and retried."""
        while not self._stopping.is_set():
            try:
                await self.seal()
            except Exception as exc:  # the database away, a racing sealer: try again later
                log.warning("access log sealing failed", extra={"error": type(exc).__name__})
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), interval)

    def stop(self) -> None:
        self._stopping.set()
