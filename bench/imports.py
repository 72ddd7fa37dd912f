"""Bench room (bulk imports, issue 12): the import pipeline against a plain COPY of the same file.

``python -m bench.imports [rows]`` (default 1,000,000): a database of its own on the embedded
server (``samordna_bench_imports``, dropped and migrated to head, the demo units loaded), 50
indicators and 200 areas imported first, then for 100,000 rows and for ``rows``: an observations
CSV written to disk, and in the same run (a) asyncpg ``copy_to_table`` of the raw file into an
unindexed table of text columns, (b) the import through ``KnowledgeService`` (upload to the
spool, then the job: reader → COPY into staging → set-based validation → upsert with provenance,
commit mode), (c) the same file again (idempotent: every row unchanged); then an events CSV of
``rows`` (a, b). Peak RSS of this process is sampled during each import (the server's memory is
its own). Goal: the import ≥ 0.5 of COPY's rows/s, memory flat as files grow.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from functools import partial
from pathlib import Path

import asyncpg

from adapters.imports.readers import open_file
from adapters.postgres import migrate
from adapters.postgres.database import DatabaseUrls, drop_embedded_database, fresh_embedded_database
from adapters.postgres.demo import DEMO_UNIT
from api import bootstrap
from api.cli_import import import_principal
from api.settings import Settings
from bench.env import asyncpg_params
from domain.knowledge.model import ImportFormat, ImportJob, ImportKind, ImportMode

ROOT = Path(__file__).resolve().parent.parent
STATE = Path(os.environ.get("BENCH_STATE", ROOT / "var"))
DB = "samordna_bench_imports"
INDICATORS, AREAS, QUARTERS = 50, 200, 25
COHORTS = ("10-13", "14-15", "16-17", "18-24")
POLICE = ("violence", "threats", "drug-offence", "theft", "vandalism", "traffic", "other-offence")
PAGE = os.sysconf("SC_PAGE_SIZE")


def _write(path: Path, header: str, line: Callable[[int], str], rows: int) -> Path:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        for start in range(0, rows, 10_000):
            f.write("".join(line(i) for i in range(start, min(rows, start + 10_000))))
    return path


def observation(i: int, gender: str = "all") -> str:
    q, rest = i % QUARTERS, i // QUARTERS
    cohort, rest = COHORTS[rest % 4], rest // 4
    area, ind = rest % AREAS, rest // AREAS % INDICATORS
    period = f"{2020 + q // 4}Q{q % 4 + 1}"
    return f"ind-{ind:02d},area-{area:03d},{period},{cohort},{gender},{i % 1000}.{i % 10},{i % 97},100\n"


def event(i: int) -> str:
    day = f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
    return (
        f"ev-{i:08d},{POLICE[i % 7]},area-{i % AREAS:03d},{COHORTS[i % 4]},{day},"
        f"k{i * 7919 % 10**9:09x}x\n"
    )


def _rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


async def _sample(peak: list[int]) -> None:
    while True:
        peak[0] = max(peak[0], _rss())
        await asyncio.sleep(0.05)


async def _chunks(path: Path) -> AsyncIterator[bytes]:
    with path.open("rb") as f:
        while chunk := f.read(1024 * 1024):
            yield chunk


async def run_import(
    c: bootstrap.Container, kind: ImportKind, path: Path
) -> tuple[ImportJob, float, int]:
    """Upload + run, commit mode: the job, the seconds and this process's peak RSS meanwhile."""
    p = import_principal(DEMO_UNIT)
    peak = [_rss()]
    sampler = asyncio.create_task(_sample(peak))
    began = time.perf_counter()
    try:
        job = await c.knowledge.upload(
            p, kind, ImportFormat.CSV, path.name, _chunks(path), mode=ImportMode.COMMIT
        )
        job = await c.knowledge.run(job.id, DEMO_UNIT)
    finally:
        sampler.cancel()
    seconds = time.perf_counter() - began
    if job.error is not None or job.result is None:
        raise SystemExit(f"{kind} import failed: {job.error}")
    return job, seconds, peak[0]


async def copy_raw(admin_url: str, path: Path, columns: int) -> float:
    """COPY of the raw file into a fresh unindexed table of text columns."""
    conn = await asyncpg.connect(**asyncpg_params(admin_url))
    try:
        await conn.execute("DROP TABLE IF EXISTS bench_raw")
        cols = ", ".join(f"c{i} text" for i in range(columns))
        await conn.execute(f"CREATE TABLE bench_raw ({cols})")
        began = time.perf_counter()
        await conn.copy_to_table("bench_raw", source=path, format="csv", header=True)
        return time.perf_counter() - began
    finally:
        await conn.close()


async def copy_target(admin_url: str, path: Path, table: str, columns: str) -> float:
    """COPY of the raw file into a fresh table shaped as the import's target — its types, key,
    indexes and CHECKs (``LIKE … INCLUDING ALL``; the unit as a default, the derived period dates
    left empty): what storing the rows costs without any validation or upsert."""
    conn = await asyncpg.connect(**asyncpg_params(admin_url))
    try:
        await conn.execute("DROP TABLE IF EXISTS bench_target")
        await conn.execute(f"CREATE TABLE bench_target (LIKE {table} INCLUDING ALL)")
        await conn.execute(f"ALTER TABLE bench_target ALTER unit_id SET DEFAULT '{DEMO_UNIT}'")
        if table == "knowledge_observations":
            await conn.execute(
                "ALTER TABLE bench_target ALTER period_start DROP NOT NULL,"
                " ALTER period_end DROP NOT NULL,"
                " DROP CONSTRAINT ck_knowledge_observations_period_dates"
            )
        began = time.perf_counter()
        await conn.copy_to_table(
            "bench_target", source=path, format="csv", header=True, columns=columns.split(",")
        )
        return time.perf_counter() - began
    finally:
        await conn.execute("DROP TABLE IF EXISTS bench_target")
        await conn.close()


async def read_only(path: Path) -> float:
    began = time.perf_counter()
    async for _ in open_file(path, ImportFormat.CSV).chunks():
        pass
    return time.perf_counter() - began


def _expect(job: ImportJob, **counts: int) -> None:
    r = job.result
    if r is None or any(getattr(r, k) != v for k, v in counts.items()):
        raise SystemExit(f"unexpected result {r} (expected {counts})")


def _row(what: str, rows: int, seconds: float, copy_s: float, rss: int | None = None) -> None:
    ratio = f"{copy_s / seconds:5.2f}x COPY" if copy_s else " " * 11
    mem = f"  peak RSS {rss / 2**20:6.0f} MiB" if rss else ""
    print(f"  {what:<34} {seconds:7.2f} s  {rows / seconds:9,.0f} rows/s  {ratio}{mem}", flush=True)


async def measure(urls: DatabaseUrls, rows: int, work: Path) -> None:
    settings = Settings(
        environment="test", state_dir=work / "state", public_base_url="http://testserver",
        database_url=None, import_max_bytes=4 * 1024**3,
    )  # fmt: skip
    await bootstrap.load_demo(settings, urls)
    c = bootstrap.build_container(settings, urls)
    try:
        ind = _write(work / "ind.csv", "code,name,source,category,measure_unit",
                     lambda i: f"ind-{i:02d},Indikator {i},ungdata,substance_use,percent\n", INDICATORS)  # fmt: skip
        area = _write(work / "area.csv", "code,name,municipality",
                      lambda i: f"area-{i:03d},Område {i},3205\n", AREAS)  # fmt: skip
        await run_import(c, ImportKind.INDICATORS, ind)
        await run_import(c, ImportKind.AREAS, area)
        print(
            f"imports, {os.cpu_count()} cores, embedded PostgreSQL; load {os.getloadavg()[0]:.1f}"
        )
        for n, gender in sorted({(min(100_000, rows), "female"), (rows, "all")}):
            obs = _write(work / f"obs-{n}.csv", "indicator,area,period,cohort,gender,value,count,denominator", partial(observation, gender=gender), n)  # fmt: skip
            print(f"observations, {n:,} rows, {obs.stat().st_size / 1e6:.1f} MB")
            copy_s = await copy_raw(urls.admin, obs, 8)
            _row("(a) asyncpg COPY, raw table", n, copy_s, 0)
            _row("    reader alone (canonical CSV)", n, await read_only(obs), 0)
            cols = "indicator_code,area_code,period,cohort,gender,value,count,denominator"
            target = await copy_target(urls.admin, obs, "knowledge_observations", cols)
            _row("    COPY into the target's shape", n, target, copy_s)
            job, s, rss = await run_import(c, ImportKind.OBSERVATIONS, obs)
            _expect(job, inserted=n)
            _row("(b) import, commit", n, s, copy_s, rss)
            job, s, rss = await run_import(c, ImportKind.OBSERVATIONS, obs)
            _expect(job, unchanged=n)
            _row("(c) same file again (all unchanged)", n, s, copy_s, rss)
        ev = _write(work / "ev.csv", "external_id,category,area,age_band,occurred_on,subject_key", event, rows)  # fmt: skip
        print(f"events, {rows:,} rows, {ev.stat().st_size / 1e6:.1f} MB")
        copy_s = await copy_raw(urls.admin, ev, 6)
        _row("(a) asyncpg COPY, raw table", rows, copy_s, 0)
        cols = "external_id,category,area_code,age_band,occurred_on,subject_key"
        target = await copy_target(urls.admin, ev, "knowledge_event_records", cols)
        _row("    COPY into the target's shape", rows, target, copy_s)
        job, s, rss = await run_import(c, ImportKind.EVENTS, ev)
        _expect(job, inserted=rows)
        _row("(b) import, commit", rows, s, copy_s, rss)
        print(f"  load average {os.getloadavg()[0]:.1f} at the end")
    finally:
        await c.aclose()


def main(rows: int) -> None:
    if os.environ.get("DATABASE_URL"):
        raise SystemExit("bench uses the embedded server only: unset DATABASE_URL.")
    urls = fresh_embedded_database(STATE, DB)
    migrate.upgrade(urls.admin)  # runs its own event loop: before ours
    try:
        with tempfile.TemporaryDirectory(prefix="samordna-bench-imports-") as work:
            asyncio.run(measure(urls, rows, Path(work)))
    finally:
        drop_embedded_database(STATE, DB)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
