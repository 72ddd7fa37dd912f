"""Run every benchmark and print one table: ``python -m bench.run`` (``make bench``)."""

from __future__ import annotations

import asyncio
import os
import platform
import shutil
import sys
import time

from bench import api, coldstart, env, repository, wrk
from bench.measure import Figure

HEAD = f"{'benchmark':<44} {'n':>5} {'median ms':>10} {'p95 ms':>9} {'req/s':>8} {'req/s c8':>9}  notes"


def _row(f: Figure) -> str:
    conc = f"{f.concurrent_per_s:9.1f}" if f.concurrent_per_s is not None else f"{'-':>9}"
    return (
        f"{f.name:<44} {f.n:>5} {f.median_ms:>10.2f} {f.p95_ms:>9.2f} {f.per_s:>8.1f} {conc}  "
        + "; ".join(f.notes)
    )


async def _in_process(e: env.BenchEnv) -> tuple[list[Figure], list[str]]:
    figs, notes = await api.run(e)
    rfigs, rnotes = await repository.run(e)
    return figs + rfigs, notes + rnotes


def main() -> None:
    started = time.perf_counter()
    print(
        f"Samordna bench - Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{platform.machine()}",
        flush=True,
    )
    e = asyncio.run(env.build())
    print(
        f"Setup: database {env.BENCH_DB} migrated, demo loaded, {e.rows_loaded:,} scaled rows "
        f"({env.PERSONS:,} persons, {env.BODIES} bodies, {env.MEMBERSHIPS:,} memberships, "
        f"{env.ORGANISATIONS} organisations) copied in {e.load_seconds:.2f} s "
        f"({e.rows_loaded / e.load_seconds:,.0f} rows/s) "
        f"[{time.perf_counter() - started:.1f} s]\n",
        flush=True,
    )
    figs, notes = asyncio.run(_in_process(e))
    print(HEAD)
    print("-" * len(HEAD))
    for f in figs:
        print(_row(f))
    try:
        print(
            "\nSamordna against a bare FastAPI + asyncpg app (bench/baseline.py), served by uvicorn:"
        )
        for line in wrk.run(e):
            print(f"  {line}", flush=True)
        starts, snotes = coldstart.run(e)
    finally:
        shutil.rmtree(e.state_dir, ignore_errors=True)  # the throwaway keys and secrets
    print()
    for name, seconds in starts:
        print(f"{name:<56} {seconds:>7.2f} s")
    print()
    for n in [*notes, *snotes]:
        print(f"* {n}")
    print(
        "\nreq/s = 1 / mean latency, one request at a time; req/s c8 = 8 concurrent callers on "
        "one event loop. SQL = statements per request, authentication included."
    )
    print(f"Total {time.perf_counter() - started:.0f} s.")


if __name__ == "__main__":
    sys.exit(main())
