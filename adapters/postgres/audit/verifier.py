"""Access-log room: the verifier — streams the chain with its entries in position order (one
REPEATABLE READ snapshot, pages of the migration's definer function), recomputes every link with
SHA-256 in Python and reports the exact position and entry of each changed, deleted or
reordered entry, each altered or missing link, and a tail cut off behind a signed checkpoint.

The pages come as COPY text with each entry's canonical JSON built by the server (no per-row
records to build in Python; a line that is not all ASCII is recomputed from its row in Python),
and the next page is asked for before the current one is hashed."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
from hashlib import sha256
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.audit.driver import driver
from adapters.postgres.audit.rows import (
    GENESIS,
    canonical_by_position,
    canonical_sql,
    unescape,
)

PAGE = 50_000
_CANONICAL = canonical_sql("e_").replace("{", "{{").replace("}", "}}")  # braces kept by format
# Copied out (asyncpg wraps it in COPY … TO STDOUT); the two numbers are ints formatted in.
COPY = (
    "SELECT c_position, c_entry_id, encode(c_prev_hash, 'hex'), encode(c_hash, 'hex'),"  # noqa: S608
    f" e_id IS NULL, {_CANONICAL} FROM samordna_access_log_chain({{after}}, {{page}})"
)
ROW = "SELECT * FROM samordna_access_log_chain($1, 1)"
NEXT = "SELECT min(position) FROM access_log_chain WHERE position > $1"
UNSEALED = "SELECT count(*) FROM samordna_access_log_unsealed(0, 0, 2147483647)"


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


def _walk(lines: list[str], state: dict[str, Any], report: Report) -> list[tuple[Any, ...]]:
    """One page of COPY lines: position, entry id, prev and hash (hex), entry missing (t/f), the
    entry's canonical JSON as the server built it. A line that is not all ASCII is returned to be
    checked from its row in Python (``_recheck``): only ASCII is escaped alike on both sides."""
    expected, prev = state["position"], state["prev"]
    heads: dict[int, str] = state["heads"]
    problems = report.problems
    later = []
    for line in lines:
        f = line.split("\t")
        position, entry_id, stored = int(f[0]), int(f[1]), f[3]
        expected += 1
        if position != expected:
            problems.append(Problem("link-missing", expected))
            expected = position
        if f[2] != prev:  # the link's own prev judges its entry from here on
            problems.append(Problem("link-altered", position, entry_id))
            prev = f[2]
        if f[4] == "t":
            problems.append(Problem("deleted", position, entry_id))
        elif not line.isascii():
            later.append((position, entry_id, prev, stored))
        else:
            canonical = f[5] if "\\" not in f[5] else unescape(f[5])
            if sha256((prev + canonical).encode()).hexdigest() != stored:
                problems.append(Problem("changed", position, entry_id))
        if position in heads:
            heads[position] = stored
        prev = stored  # go on from the stored link: each later problem is found at its own place
    state["position"], state["prev"] = expected, prev
    report.checked = expected
    return later


async def _recheck(d: Any, later: list[tuple[Any, ...]], report: Report) -> None:
    for position, entry_id, prev, stored in later:
        row = (await d.fetch(ROW, position - 1))[0]
        index = {name: n for n, name in enumerate(row.keys())}
        canonical = canonical_by_position(index, "e_")(row)
        if sha256(prev.encode() + canonical).hexdigest() != stored:
            report.problems.append(Problem("changed", position, entry_id))


async def _page(d: Any, after: int) -> list[str]:
    chunks: list[bytes] = []

    async def keep(chunk: bytes) -> None:
        chunks.append(chunk)

    await d.copy_from_query(COPY.format(after=int(after), page=PAGE), output=keep)
    text = b"".join(chunks).decode()
    return text.split("\n")[:-1] if text else []


async def verify(engine: AsyncEngine, checkpoints: Iterable[Checkpoint] = ()) -> Report:
    """Walk the whole chain; ``checkpoints`` are signed heads read from outside the database."""
    marks = list(checkpoints)
    report = Report()
    state: dict[str, Any] = {
        "position": 0,
        "prev": GENESIS.hex(),
        "heads": {c.position: "" for c in marks},
    }
    async with driver(engine) as d, d.transaction(isolation="repeatable_read", readonly=True):
        after, ahead = 0, asyncio.ensure_future(_page(d, 0))
        while True:
            lines = await ahead
            if lines:
                after = int(lines[-1].split("\t", 1)[0])
                # The next page is on its way (the server builds it) while this one is hashed.
                ahead = asyncio.ensure_future(_page(d, after))
                await asyncio.sleep(0)
                later = _walk(lines, state, report)
                if later:
                    await ahead  # one statement at a time on the connection
                    await _recheck(d, later, report)
                continue
            after = await d.fetchval(NEXT, after)  # past a gap of links, or the end
            if after is None:
                break
            after -= 1
            ahead = asyncio.ensure_future(_page(d, after))
        report.unsealed = await d.fetchval(UNSEALED)
    report.problems.sort(key=lambda p: p.position)
    for c in marks:
        if not c.valid:
            report.problems.append(Problem("checkpoint-signature", c.position))
        elif c.position > report.checked:
            report.problems.append(Problem("truncated", report.checked + 1))
        elif state["heads"][c.position] != c.head_hash.hex():
            report.problems.append(Problem("checkpoint-mismatch", c.position))
    return report
