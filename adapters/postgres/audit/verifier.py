"""Access-log room: the verifier — streams the chain with its entries in position order (one
REPEATABLE READ snapshot, pages of the migration's definer function), recomputes every link with
SHA-256 in Python and reports the exact position and entry of each changed, deleted or
reordered entry, each altered or missing link, and a tail cut off behind a signed checkpoint."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.audit.driver import driver
from adapters.postgres.audit.rows import GENESIS, canonical_of, link

PAGE = 20_000
CHAIN = "SELECT * FROM samordna_access_log_chain($1, $2)"
UNSEALED = "SELECT count(*) FROM samordna_access_log_unsealed(0, 2147483647)"


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


def _walk(rows: Iterable[Any], state: dict[str, Any], report: Report) -> None:
    expected, prev = state["position"], state["prev"]
    heads: dict[int, bytes] = state["heads"]
    problems = report.problems
    for row in rows:
        position, entry_id, stored = row[0], row[1], bytes(row[3])
        expected += 1
        if position != expected:
            problems.append(Problem("link-missing", expected))
            expected = position
        if bytes(row[2]) != prev:  # the link's own prev judges its entry from here on
            problems.append(Problem("link-altered", position, entry_id))
            prev = bytes(row[2])
        if row[4] is None:
            problems.append(Problem("deleted", position, entry_id))
        elif link(prev, canonical_of(row, "e_")) != stored:
            problems.append(Problem("changed", position, entry_id))
        if position in heads:
            heads[position] = stored
        prev = stored  # go on from the stored link: each later problem is found at its own place
    state["position"], state["prev"] = expected, prev
    report.checked = expected


async def verify(engine: AsyncEngine, checkpoints: Iterable[Checkpoint] = ()) -> Report:
    """Walk the whole chain; ``checkpoints`` are signed heads read from outside the database."""
    marks = list(checkpoints)
    report = Report()
    state: dict[str, Any] = {
        "position": 0,
        "prev": GENESIS,
        "heads": {c.position: b"" for c in marks},
    }
    async with driver(engine) as d, d.transaction(isolation="repeatable_read", readonly=True):
        while True:
            rows = await d.fetch(CHAIN, state["position"], PAGE)
            _walk(rows, state, report)
            if len(rows) < PAGE:
                break
        report.unsealed = await d.fetchval(UNSEALED)
    for c in marks:
        if not c.valid:
            report.problems.append(Problem("checkpoint-signature", c.position))
        elif c.position > report.checked:
            report.problems.append(Problem("truncated", report.checked + 1))
        elif state["heads"][c.position] != c.head_hash:
            report.problems.append(Problem("checkpoint-mismatch", c.position))
    return report
