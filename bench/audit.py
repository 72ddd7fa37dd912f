"""Bench room (access log): sealing throughput and the verification of 1 million entries.

``python -m bench.audit [entries]`` (default 1,000,000): a database of its own on the embedded
server (``samordna_bench_audit``, dropped and migrated to head), the entries bulk-loaded with
COPY as the owner (synthetic, two units), then, as the app role the service runs as: one sealer
links them all (batches of 5,000, each its own transaction, as the lifespan's sealer does), and
``verify`` walks the chain recomputing every SHA-256 link in Python. Goal: verify < 10 s.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4

import asyncpg

from adapters.postgres import migrate
from adapters.postgres.audit.rows import COLUMNS
from adapters.postgres.audit.sealer import Sealer
from adapters.postgres.audit.verifier import verify
from adapters.postgres.database import (
    DatabaseUrls,
    drop_embedded_database,
    fresh_embedded_database,
    make_engine,
)
from bench.env import asyncpg_params

ROOT = Path(__file__).resolve().parent.parent
STATE = Path(os.environ.get("BENCH_STATE", ROOT / "var"))
DB = "samordna_bench_audit"
ACTIONS = ("read", "read", "read", "write", "disclose", "export")
CATEGORIES = ("identity", "school", "health", "plan", "family", None)


def _records(count: int) -> list[tuple[object, ...]]:
    units, start = (uuid4(), uuid4()), datetime(2026, 1, 1, tzinfo=UTC)
    subjects = [uuid4() for _ in range(500)]
    actors = [(uuid4(), f"person:{n:04d}", uuid4()) for n in range(200)]
    rows = []
    for n in range(count):
        person, key, org = actors[n % len(actors)]
        deny = n % 17 == 0
        values = {
            "uid": uuid4(),
            "at": start + timedelta(milliseconds=37 * n),
            "unit_id": units[n % 2],
            "actor_person_id": person,
            "actor_subject_key": key,
            "actor_organisation_id": org,
            "actor_role": "member",
            "subject_ref": subjects[n % len(subjects)],
            "case_id": subjects[(n * 7) % len(subjects)],
            "object_type": "note",
            "object_id": uuid4(),
            "category": CATEGORIES[n % len(CATEGORIES)],
            "regime": "school",
            "action": ACTIONS[n % len(ACTIONS)],
            "purpose": "follow_up",
            "basis": None if deny else "consent",
            "consent_id": None if deny else subjects[n % 13],
            "decision": "deny" if deny else "permit",
            "deny_reason": "consent-missing" if deny else None,
            "break_glass_id": None,
            "client": "rest",
            "request_id": f"req-{n:08d}",
        }
        rows.append(tuple(values[c] for c in COLUMNS))
    return rows


async def _load(admin_url: str, count: int) -> float:
    conn = await asyncpg.connect(**asyncpg_params(admin_url))
    try:
        began = time.perf_counter()
        await conn.copy_records_to_table(
            "access_log_entry", records=_records(count), columns=list(COLUMNS)
        )
        await conn.execute("ANALYZE access_log_entry")
        return time.perf_counter() - began
    finally:
        await conn.close()


async def measure(urls: DatabaseUrls, count: int) -> None:
    try:
        loaded = await _load(urls.admin, count)
        engine = make_engine(urls.app, pool_size=1)
        try:
            began = time.perf_counter()
            sealed = await Sealer(engine).seal()
            seal_s = time.perf_counter() - began
            began = time.perf_counter()
            report = await verify(engine)
            verify_s = time.perf_counter() - began
        finally:
            await engine.dispose()
    finally:
        drop_embedded_database(STATE, DB)
    if sealed.sealed != count or not report.ok or report.checked != count:
        raise SystemExit(f"the chain does not verify: {report.first}")
    print(f"access log, {count:,} entries (2 cores, embedded PostgreSQL, app role)")
    print(f"  load (COPY, owner)         {loaded:7.2f} s")
    print(f"  seal (batches of 5,000)    {seal_s:7.2f} s   {count / seal_s:10,.0f} entries/s")
    verdict = "goal < 10 s: met" if verify_s < 10 else "goal < 10 s: MISSED"
    print(f"  verify (stream + sha256)   {verify_s:7.2f} s   {count / verify_s:10,.0f} entries/s")
    print(f"  {verdict}")


def main(count: int) -> None:
    urls = fresh_embedded_database(STATE, DB)
    migrate.upgrade(urls.admin)  # runs its own event loop: before ours
    asyncio.run(measure(urls, count))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
