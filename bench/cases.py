"""Bench room (cases): a case read through the decision point with its access-log append, versus
the same read without them — ``python -m bench.cases`` (on demand, never in the test suite).

A database of its own on the embedded server (``samordna_bench_cases``, dropped, migrated to
head, the demo loaded as ``samordna demo`` does: its three cases). Ola Medlem reads the first
case (an effective consent, team of four, notes, commitments) as the app role:

- ``with``: ``CasesService.case_view`` — every item through ``decide``, the access-log entries
  appended in the same transaction, commit;
- ``without``: the very reads that view makes (case, team, break-glass, subject and guardians
  opened by the cipher, consents and events, commitments, organisations, bases, body, notes,
  duty answers) in one unit of work, commit — no decision, no log.

Goal: ``with`` at least 0.5x the throughput of ``without``. Printed: latency and throughput
(sequential, and with four callers), this process's CPU per read, and alternating blocks of the
reads alone, the reads plus appending the view's log entries (no decisions), and the view — on a
shared machine the wall-clock ratio swings with the load; the blocks see the same load.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar
from uuid import uuid4

from adapters.postgres import migrate
from adapters.postgres.audit.log import PgAccessLog
from adapters.postgres.cases.uow import PgCasesUnitOfWorkFactory
from adapters.postgres.database import (
    DatabaseUrls,
    drop_embedded_database,
    fresh_embedded_database,
    make_engine,
)
from adapters.postgres.demo import DEMO_UNIT, demo_id
from api import bootstrap
from api.settings import Settings
from bench.measure import Figure, timed
from domain.cases.access import AccessEntry
from domain.cases.service import CasesService
from domain.meetings.guard import KernelGuard
from domain.shared.principal import BodyRole, Principal, PrincipalKind, Role

ROOT = Path(__file__).resolve().parent.parent
STATE = Path(os.environ.get("BENCH_STATE", ROOT / "var"))
DB = "samordna_bench_cases"
CASE = demo_id("case/1/case")
CONCURRENCY = 4


class _Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self):  # type: ignore[no-untyped-def]
        return datetime.now(UTC).date()


class _NoMail:
    async def send(self, *args: object, **kwargs: object) -> None:
        return None


def ola() -> Principal:
    return Principal(
        kind=PrincipalKind.PERSON, subject_key="bench:ola", unit_id=DEMO_UNIT,
        display_name="Ola Medlem", roles=frozenset[Role](),
        body_roles={demo_id("body/team-nord"): BodyRole.CHAIR}, assurance="high",
        person_id=demo_id("person/ola"),
    )  # fmt: skip


class _Recording(PgAccessLog):
    """The access log that keeps the last entries appended (to replay them without decisions)."""

    last: ClassVar[tuple[AccessEntry, ...]] = ()

    async def append(self, entries: Sequence[AccessEntry]) -> None:
        _Recording.last = tuple(entries)
        await super().append(entries)


async def bare_read(
    factory: PgCasesUnitOfWorkFactory, p: Principal, log: Sequence[AccessEntry] = ()
) -> None:
    """What ``case_view`` reads, and nothing else (``log``: plus appending these entries)."""
    async with factory(DEMO_UNIT) as uow:
        case = await uow.cases.get(CASE)
        team = await uow.members.of_case(case.id)
        assert p.person_id is not None
        await uow.break_glass.active(case.id, p.person_id, datetime.now(UTC))
        await uow.subjects.get(case.subject_id)
        consents = await uow.consents.of_case(case.id)
        await uow.consent_events.of_consents([c.id for c in consents])
        commitments = await uow.commitments.of_case(case.id)
        ids = {m.organisation_id for m in team} | {case.organisation_id}
        ids |= {c.responsible_organisation_id for c in commitments}
        for c in consents:
            ids |= c.scope.source_organisation_ids | {c.collected_by_organisation_id}
        await uow.organisations.get_many([i for i in ids if i])
        await uow.bases.of_case(case.id)
        await uow.bodies.get_many([case.body_id])
        notes = await uow.notes.of_case(case.id)
        await uow.duty_answers.of_notes([n.id for n in notes])
        await uow.commitments.of_case(case.id)
        if log:
            await uow.access_log.append([dataclasses.replace(e, id=uuid4()) for e in log])
        await uow.commit()


async def _cpu_ms(call: Callable[[], Awaitable[object]], n: int = 100) -> float:
    """This process's CPU time per call (steadier than wall time on a shared machine)."""
    start = time.process_time()
    for _ in range(n):
        await call()
    return (time.process_time() - start) / n * 1e3


BLOCK, ROUNDS = 10, 8


async def _alternating(*calls: Callable[[], Awaitable[object]]) -> list[float]:
    """Median latency of each in alternating blocks: all see the same load on a shared box."""
    laps: list[list[float]] = [[] for _ in calls]
    for _ in range(ROUNDS):
        for kind, call in enumerate(calls):
            for _ in range(BLOCK):
                t0 = time.perf_counter()
                await call()
                laps[kind].append((time.perf_counter() - t0) * 1e3)
    return [statistics.median(x) for x in laps]


async def run(urls: DatabaseUrls) -> list[Figure]:
    settings = Settings(
        environment="test", state_dir=Path(tempfile.mkdtemp(prefix="samordna-bench-")),
        public_base_url="http://bench", database_url=None,
    )  # fmt: skip
    await bootstrap.load_demo(settings, urls, measures=True)
    app = make_engine(urls.app, pool_size=CONCURRENCY)
    factory = PgCasesUnitOfWorkFactory(app, bootstrap.field_cipher(settings), PgAccessLog)
    svc = CasesService(factory, _Clock(), _NoMail(), KernelGuard())  # type: ignore[arg-type]
    p = ola()
    recording = PgCasesUnitOfWorkFactory(app, factory.cipher, _Recording)
    view = await CasesService(recording, _Clock(), _NoMail(), KernelGuard()).case_view(p, CASE)  # type: ignore[arg-type]
    entries = _Recording.last
    items = len(view.notes) + len(view.commitments) + len(view.team)
    without = await timed(
        "case read without decision + log", lambda: bare_read(factory, p),
        seconds=3.0, concurrency=CONCURRENCY, concurrent_seconds=3.0,
    )  # fmt: skip
    with_ = await timed(
        "case read with decision + log", lambda: svc.case_view(p, CASE),
        seconds=3.0, concurrency=CONCURRENCY, concurrent_seconds=3.0,
    )  # fmt: skip
    cpu = {
        name: await _cpu_ms(call)
        for name, call in (
            ("without", lambda: bare_read(factory, p)),
            ("with", lambda: svc.case_view(p, CASE)),
        )
    }
    blocks = await _alternating(
        lambda: bare_read(factory, p),
        lambda: bare_read(factory, p, entries),
        lambda: svc.case_view(p, CASE),
    )
    await app.dispose()
    print(f"case {view.case.reference}: {items} team/plan/note items")
    for f in (without, with_):
        print(
            f"{f.name:34} n={f.n:5}  median {f.median_ms:6.2f} ms  p95 {f.p95_ms:6.2f} ms"
            f"  {f.per_s:7.1f}/s sequential  {f.concurrent_per_s or 0:7.1f}/s x{CONCURRENCY}"
        )
    print(f"client CPU per read: {cpu['without']:.2f} ms without, {cpu['with']:.2f} ms with")
    seq = with_.per_s / without.per_s
    par = (with_.concurrent_per_s or 0) / (without.concurrent_per_s or 1)
    print(f"ratio with/without: {seq:.2f}x sequential, {par:.2f}x concurrent (goal >= 0.5x)")
    b_without, b_logged, b_with = blocks
    print(
        f"alternating blocks of {BLOCK} ({ROUNDS} each), median: {b_without:.2f} ms reads only,"
        f" {b_logged:.2f} ms reads + the {len(entries)} log entries, {b_with:.2f} ms the view"
        f" (decisions + log): {b_without / b_with:.2f}x"
    )
    return [without, with_]


def main() -> None:
    urls = fresh_embedded_database(STATE, DB)
    try:
        migrate.upgrade(urls.admin, "head")  # Alembic runs its own event loop
        asyncio.run(run(urls))
    finally:
        drop_embedded_database(STATE, DB)


if __name__ == "__main__":
    main()
    sys.exit(0)
