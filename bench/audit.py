"""Bench room (access log): sealing throughput and the verification of 1 million entries.

``python -m bench.audit [entries]`` (default 1,000,000): a database of its own on the embedded
server (``samordna_bench_audit``, dropped and migrated to head), the entries made by one
INSERT … SELECT as the owner (synthetic, two units), then, as the app role the service runs
as: one sealer links them all (batches of 5,000, each its own transaction, as the lifespan's sealer does), and
``verify`` (as ``samordna audit verify`` runs it: the app role, one stretch per core in worker
processes sharing one snapshot) recomputes every SHA-256 link in Python. Goal: verify < 10 s.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path
from uuid import uuid4

import asyncpg

from adapters.postgres import migrate
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


# Synthetic entries made by the server (two units, 200 actors, every seventeenth one denied).
LOAD = """
INSERT INTO access_log_entry (uid, unit_id, at, actor_person_id, actor_subject_key,
  actor_organisation_id, actor_role, subject_ref, case_id, object_type, object_id, category,
  regime, action, purpose, basis, consent_id, decision, deny_reason, break_glass_id, client,
  request_id)
SELECT gen_random_uuid(), (ARRAY[$1::uuid, $2::uuid])[n % 2 + 1],
  timestamptz '2026-01-01 00:00:00+00' + n * interval '37 ms', gen_random_uuid(),
  'person:' || lpad((n % 200)::text, 4, '0'), gen_random_uuid(), 'member', gen_random_uuid(),
  gen_random_uuid(), 'note', gen_random_uuid(),
  (ARRAY['identity','school','health','plan','family',NULL])[n % 6 + 1], 'school',
  (ARRAY['read','read','read','write','disclose','export'])[n % 6 + 1], 'follow_up',
  CASE WHEN n % 17 <> 0 THEN 'consent' END, CASE WHEN n % 17 <> 0 THEN gen_random_uuid() END,
  CASE WHEN n % 17 = 0 THEN 'deny' ELSE 'permit' END,
  CASE WHEN n % 17 = 0 THEN 'consent-missing' END, NULL, 'rest',
  'req-' || lpad(n::text, 8, '0')
FROM generate_series(0, $3 - 1) AS n
"""


async def _load(admin_url: str, count: int) -> float:
    conn = await asyncpg.connect(**asyncpg_params(admin_url))
    try:
        began = time.perf_counter()
        await conn.execute(LOAD, uuid4(), uuid4(), count)
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
            began, cpu, workers = time.perf_counter(), time.process_time(), _children()
            report = await verify(engine)
            verify_s, verify_cpu = time.perf_counter() - began, time.process_time() - cpu
            workers_cpu = _children() - workers
        finally:
            await engine.dispose()
    finally:
        drop_embedded_database(STATE, DB)
    if sealed.sealed != count or not report.ok or report.checked != count:
        raise SystemExit(f"the chain does not verify: {report.first}")
    print(f"access log, {count:,} entries (2 cores, embedded PostgreSQL, app role)")
    print(f"  load (INSERT, owner)       {loaded:7.2f} s")
    print(f"  seal (batches of 5,000)    {seal_s:7.2f} s   {count / seal_s:10,.0f} entries/s")
    verdict = "goal < 10 s: met" if verify_s < 10 else "goal < 10 s: MISSED"
    print(f"  verify (stream + sha256)   {verify_s:7.2f} s   {count / verify_s:10,.0f} entries/s")
    print(
        f"    verifier CPU {verify_cpu:.2f} s in this process + {workers_cpu:.2f} s in its"
        f" {os.cpu_count() or 1} - 1 worker process(es); the rest: the server, waiting"
    )
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores while measuring")
    print(f"  {verdict}")


def _children() -> float:
    t = os.times()
    return t.children_user + t.children_system


def main(count: int) -> None:
    urls = fresh_embedded_database(STATE, DB)
    migrate.upgrade(urls.admin)  # runs its own event loop: before ours
    asyncio.run(measure(urls, count))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
