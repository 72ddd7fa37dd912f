"""Bench room, trends: what a TREND-A table build costs against a raw SQL GROUP BY over the same
events, and how fast a frozen release is pulled — ``python -m bench.trends [events]`` (on demand,
never in the test suite).

A database of its own (``samordna_bench_trends`` on the bench's embedded server): one unit with
two municipalities of four districts each (populations above the area floor), ``events``
synthetic de-identified events (default 1,000,000) over four half-years, a child having a few
events each, loaded with ``COPY`` and analysed. Per half-year, in interleaved rounds:

- **raw**: the three offence tables' cells as plain ``SELECT … count(*) … GROUP BY`` over the
  period's events (no distinct children, no primary category) — and once more with
  ``count(DISTINCT subject_key)`` (distinct children per cell, a child in several cells);
- **counts**: the adapter's counting (``PgTrendCounts``: the three tables' distinct children,
  primary category, earliest event's band and area — one ``GROUPING SETS`` query for the three);
- **build**: ``TrendsService.release`` of the period — the counts, populations, TREND-A's rules,
  the LP audit (HiGHS) and the frozen bytes stored (a new revision each round).

Then a pull served from the frozen release through ``TrendsService.pull`` as a police system
(district functions, the pull-log row, commit): pulls/s and the bytes' size.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import asyncpg  # type: ignore[import-untyped]

from adapters.disclosure.highs import HighsIntervalSolver
from adapters.postgres import migrate
from adapters.postgres.database import DatabaseUrls, fresh_embedded_database, make_engine
from adapters.postgres.trends.uow import PgTrendsUnitOfWorkFactory
from bench.env import STATE, asyncpg_params
from domain.knowledge.periods import Period
from domain.knowledge.vocab import AGE_BANDS, EVENT_CATEGORIES
from domain.shared.principal import Principal, PrincipalKind, Role
from domain.trends.service import TrendsService
from domain.trends.specs import BY_CODE

DB = "samordna_bench_trends"
EVENTS = 1_000_000
PERIODS = ("2024H1", "2024H2", "2025H1", "2025H2")
ROUNDS = 3
MUNICIPALITIES = ("3301", "3303")  # Drammen, Kongsberg (sør-øst)
AREAS = [(f"{m}-d{i}", m) for m in MUNICIPALITIES for i in range(1, 5)]
CONSUMER = "0192:974760673"
UNIT = uuid4()
RAW = {
    "offences-by-category": "a.municipality_number, e.category",
    "offences-by-age": "a.municipality_number, e.age_band",
    "offences-by-area": "a.municipality_number, e.area_code",
}


def _raw_sql(group: str, distinct: bool) -> str:
    n = "count(DISTINCT e.subject_key)" if distinct else "count(*)"
    return (
        f"SELECT {group}, {n} FROM knowledge_event_records e JOIN knowledge_areas a"
        " ON a.unit_id = e.unit_id AND a.code = e.area_code WHERE e.unit_id = $1"
        " AND e.occurred_on >= $2 AND e.occurred_on < $3 AND e.category = ANY ($4::text[])"
        f" GROUP BY {group}"
    )


async def _load(conn: asyncpg.Connection, events: int) -> float:
    started = time.perf_counter()
    await conn.execute(
        "INSERT INTO slt_unit (id, name, kind, police_district)"
        " VALUES ($1, 'SLT Bench', 'inter_municipal', 'sor-ost')",
        UNIT,
    )
    for i, m in enumerate(MUNICIPALITIES):
        await conn.execute(
            "INSERT INTO slt_unit_municipality (unit_id, municipality_number, position)"
            " VALUES ($1, $2, $3)",
            UNIT, m, i,
        )  # fmt: skip
    await conn.executemany(
        "INSERT INTO knowledge_areas (id, unit_id, code, name, municipality_number, kind)"
        " VALUES ($1, $2, $3, $3, $4, 'district')",
        [(uuid4(), UNIT, code, m) for code, m in AREAS],
    )
    await conn.executemany(
        "INSERT INTO knowledge_area_populations (unit_id, area_code, year, age_band, residents)"
        " VALUES ($1, $2, $3, $4, $5)",
        [(UNIT, code, y, b, 50_000) for code, _ in AREAS for y in (2024, 2025) for b in AGE_BANDS],
    )
    await conn.execute(
        "INSERT INTO machine_client (consumer_id, unit_id, name, scopes)"
        " VALUES ($1, $2, 'Politiet (bench)', ARRAY['samordna:trends.read'])",
        CONSUMER, UNIT,
    )  # fmt: skip
    rng = random.Random(12)
    categories, start = list(EVENT_CATEGORIES), date(2024, 1, 1)
    children = max(1, events // 4)
    records = (
        (UNIT, f"ev-{i}", rng.choice(categories), rng.choice(AREAS)[0], rng.choice(AGE_BANDS),
         start + timedelta(days=rng.randrange(731)), f"child-{rng.randrange(children):07d}")
        for i in range(events)
    )  # fmt: skip
    await conn.copy_records_to_table(
        "knowledge_event_records",
        records=records,
        columns=["unit_id", "external_id", "category", "area_code", "age_band", "occurred_on",
                 "subject_key"],
    )  # fmt: skip
    await conn.execute("ANALYZE knowledge_event_records")
    return time.perf_counter() - started


async def _timed(run: Callable[[], Awaitable[object]]) -> float:
    started = time.perf_counter()
    await run()
    return time.perf_counter() - started


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now(UTC).date()


async def main(urls: DatabaseUrls, events: int) -> None:
    admin = await asyncpg.connect(**asyncpg_params(urls.admin))  # type: ignore[arg-type]
    print(f"loading {events:,} events ...", flush=True)
    print(f"load: {await _load(admin, events):.1f} s (COPY + ANALYZE)")
    engine = make_engine(urls.app, pool_size=2, autocommit=True)
    factory = PgTrendsUnitOfWorkFactory(engine)
    service = TrendsService(factory, SystemClock(), HighsIntervalSolver())
    coordinator = Principal(kind=PrincipalKind.PERSON, subject_key="bench", unit_id=UNIT,
                            display_name="Bench Koordinator", roles=frozenset({Role.COORDINATOR}))  # fmt: skip
    police = Principal(kind=PrincipalKind.MACHINE, subject_key=CONSUMER, unit_id=UNIT,
                       display_name="Politiet", scopes=frozenset({"samordna:trends.read"}))  # fmt: skip
    app = await asyncpg.connect(**asyncpg_params(urls.app))  # type: ignore[arg-type]
    police_categories = list(BY_CODE["offences-by-category"].categories)

    async def raw(period: Period, distinct: bool) -> None:
        async with app.transaction():
            await app.execute(f"SELECT set_config('samordna.unit_id', '{UNIT}', true)")
            for group in RAW.values():
                await app.fetch(_raw_sql(group, distinct), UNIT, period.start, period.end,
                                police_categories)  # fmt: skip

    async def counts(period: Period) -> None:
        async with factory(UNIT) as uow:
            for code in RAW:
                await uow.counts.counts(UNIT, BY_CODE[code], period)

    figures: dict[str, list[float]] = {k: [] for k in ("raw", "distinct", "counts", "build")}
    for rnd in range(ROUNDS + 1):  # round 0 warms caches and plans
        for text in PERIODS:
            p = Period.parse(text)
            row = {
                "raw": await _timed(lambda p=p: raw(p, False)),
                "distinct": await _timed(lambda p=p: raw(p, True)),
                "counts": await _timed(lambda p=p: counts(p)),
                "build": await _timed(lambda p=p: service.release(coordinator, p)),
            }
            if rnd:
                for k, v in row.items():
                    figures[k].append(v)
    med = {k: statistics.median(v) * 1000 for k, v in figures.items()}
    per = events / len(PERIODS)
    print(f"\nper half-year (~{per:,.0f} events; three offence tables; median of "
          f"{ROUNDS} rounds x {len(PERIODS)} periods)")  # fmt: skip
    print(f"  raw GROUP BY count(*), 3 queries   {med['raw']:8.1f} ms   1.00x")
    print(f"  raw GROUP BY count(DISTINCT child) {med['distinct']:8.1f} ms   "
          f"{med['distinct'] / med['raw']:.2f}x")  # fmt: skip
    print(f"  TREND-A counts (3 tables, 1 query) {med['counts']:8.1f} ms   "
          f"{med['counts'] / med['raw']:.2f}x")  # fmt: skip
    print(f"  TREND-A build (release)            {med['build']:8.1f} ms   "
          f"{med['build'] / med['raw']:.2f}x  (goal <= 1.5x)")  # fmt: skip
    total = {k: sum(v) / ROUNDS for k, v in figures.items()}
    print(
        f"  all {len(PERIODS)} half-years ({events:,} events): raw {total['raw']:.2f} s,"
        f" build {total['build']:.2f} s ({total['build'] / total['raw']:.2f}x)"
    )

    period = Period.parse(PERIODS[-1])
    body = await service.pull(police, "offences-by-category", UNIT, period)
    n, started = 0, time.perf_counter()
    while time.perf_counter() - started < 2.0:
        again = await service.pull(police, "offences-by-category", UNIT, period)
        assert again.content == body.content  # frozen: the same bytes every time
        n += 1
    rate = n / (time.perf_counter() - started)
    csv = await service.pull(police, "offences-by-category", UNIT, period, fmt="csv")
    print(f"\npull of a frozen release (police system, district functions, pull-log row): "
          f"{rate:,.0f} pulls/s; JSON {len(body.content):,} bytes, CSV {len(csv.content):,} bytes")  # fmt: skip
    await app.close()
    await admin.close()
    await engine.dispose()


if __name__ == "__main__":
    fresh = fresh_embedded_database(STATE, DB)
    migrate.upgrade(fresh.admin)  # outside the event loop: alembic runs its own
    asyncio.run(main(fresh, int(sys.argv[1]) if len(sys.argv) > 1 else EVENTS))
