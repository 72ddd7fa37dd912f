"""The bench database: dropped, created and migrated like tests/conftest.py does, then the demo
units plus a scaled-up copy of the demo unit's registries, bulk-loaded with ``COPY``."""

from __future__ import annotations

import asyncio
import os
import random
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import asyncpg
from sqlalchemy.engine import make_url

from adapters.postgres import demo, migrate
from adapters.postgres.database import DatabaseUrls, fresh_embedded_database
from api import bootstrap
from api.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
# The embedded server's home; BENCH_STATE points elsewhere (a server of the bench's own).
STATE = Path(os.environ.get("BENCH_STATE", ROOT / "var"))
BENCH_DB = "samordna_bench"

# The scale: added to the demo unit the coordinator persona logs into, so every endpoint sees it.
PERSONS = 2_000
BODIES = 200
MEMBERSHIPS = 10_000
ORGANISATIONS = 100
UNIT = demo.DEMO_UNIT

ORG_TYPES = ("school", "kindergarten", "nav", "police", "child_welfare", "volunteer", "other")
LEVELS = ("coordinating", "executive")
ROLES = ("member", "member", "member", "observer", "secretary")


@dataclass
class BenchEnv:
    settings: Settings
    urls: DatabaseUrls
    state_dir: Path
    load_seconds: float  # the COPY of the scaled rows
    rows_loaded: int
    body_ids: list[UUID]  # the scaled bodies, in insertion order
    person_ids: list[UUID]


def _fresh_database() -> DatabaseUrls:
    if os.environ.get("DATABASE_URL"):
        raise SystemExit(
            "bench uses the embedded server only: unset DATABASE_URL (it drops its database)."
        )
    return fresh_embedded_database(STATE, BENCH_DB)


def asyncpg_params(sqlalchemy_url: str) -> dict[str, str]:
    """Plain asyncpg connect() arguments for one of our ``postgresql+asyncpg://`` URLs."""
    u = make_url(sqlalchemy_url)
    params = {"user": u.username or "postgres", "database": u.database or BENCH_DB}
    host = u.query.get("host") or u.host
    if host:
        params["host"] = str(host)
    if u.port:
        params["port"] = str(u.port)
    return params


async def _copy_scaled(admin_url: str) -> tuple[float, int, list[UUID], list[UUID]]:
    rnd = random.Random(20240611)  # the same data every run
    today = date.today()
    orgs = [
        (uuid4(), UNIT, f"Bench-virksomhet {i:04d}", ORG_TYPES[i % len(ORG_TYPES)], "3205")
        for i in range(ORGANISATIONS)
    ]
    persons = []
    for i in range(PERSONS):
        org = orgs[rnd.randrange(len(orgs))][0]
        persons.append(
            (uuid4(), UNIT, f"Bench Person {i:05d}", "Rådgiver", org, f"p{i}@bench.invalid", 1)
        )
    bodies = [
        (uuid4(), UNIT, f"Bench-gruppe {i:03d}", LEVELS[i % 2], False, 6, 1) for i in range(BODIES)
    ]
    person_org = {p[0]: p[4] for p in persons}
    per_body = MEMBERSHIPS // BODIES
    memberships = []
    for b in bodies:
        for j, pid in enumerate(rnd.sample([p[0] for p in persons], per_body)):
            role = "chair" if j == 0 else ROLES[j % len(ROLES)]
            start = today - timedelta(days=rnd.randrange(30, 900))
            end = None if rnd.random() < 0.8 else today + timedelta(days=rnd.randrange(1, 400))
            memberships.append((uuid4(), UNIT, b[0], pid, role, person_org[pid], start, end, 1))

    conn = await asyncpg.connect(**asyncpg_params(admin_url))  # type: ignore[arg-type]
    try:
        t0 = time.perf_counter()
        async with conn.transaction():
            for table, cols, rows in (
                (
                    "organisation",
                    ["id", "unit_id", "name", "type", "municipality_number"],
                    orgs,
                ),
                (
                    "person",
                    ["id", "unit_id", "name", "title", "organisation_id", "email", "version"],
                    persons,
                ),
                (
                    "body",
                    [
                        "id",
                        "unit_id",
                        "name",
                        "level",
                        "is_politiraad",
                        "meeting_norm_per_year",
                        "version",
                    ],
                    bodies,
                ),
                (
                    "membership",
                    [
                        "id",
                        "unit_id",
                        "body_id",
                        "person_id",
                        "role",
                        "organisation_id",
                        "valid_from",
                        "valid_to",
                        "version",
                    ],
                    memberships,
                ),
            ):
                await conn.copy_records_to_table(table, records=rows, columns=cols)
        seconds = time.perf_counter() - t0
        await conn.execute("ANALYZE")
    finally:
        await conn.close()
    n = len(orgs) + len(persons) + len(bodies) + len(memberships)
    return seconds, n, [b[0] for b in bodies], [p[0] for p in persons]


async def build() -> BenchEnv:
    urls = _fresh_database()
    await asyncio.to_thread(migrate.upgrade, urls.admin)  # Alembic runs its own loop
    state_dir = Path(tempfile.mkdtemp(prefix="samordna-bench-"))
    settings = Settings(
        environment="test",
        state_dir=state_dir,
        public_base_url="http://testserver",
        database_url=None,
    )
    await bootstrap.load_demo(settings, urls)
    seconds, n, body_ids, person_ids = await _copy_scaled(urls.admin)
    return BenchEnv(
        settings=settings,
        urls=urls,
        state_dir=state_dir,
        load_seconds=seconds,
        rows_loaded=n,
        body_ids=body_ids,
        person_ids=person_ids,
    )
