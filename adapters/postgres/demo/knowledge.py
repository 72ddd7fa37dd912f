"""Demo room: the knowledge base of SLT Lillestrøm (demo) — ten Ungdata-like indicators linked to
the logic model's factors, the municipality and four districts (Blaker under 1000 residents aged
10–24, so TREND-A merges it into ``3205-rest``), populations for the last three years,
observations for three survey waves, and ~800 de-identified events over the last four ended
half-years with synthetic pseudonymous subject keys (letters only: never a number), recorded as
two committed imports. Every value is invented (seeded, deterministic). Idempotent."""

from __future__ import annotations

import hashlib
import json
import random
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.postgres.demo.data import DEMO_UNIT, demo_id
from domain.knowledge.periods import Grain, of_date

M = "3205"
AREAS = [  # code, name, kind, residents aged 10-24 (split over the age bands)
    ("lillestrom", "Lillestrøm kommune", "municipality", 17800),
    ("sentrum", "Lillestrøm sentrum", "district", 4200),
    ("strommen", "Strømmen", "district", 3600),
    ("skedsmokorset", "Skedsmokorset", "district", 3100),
    ("blaker", "Blaker", "district", 640),
]
DISTRICTS = [a[0] for a in AREAS[1:]]
SHARE = {"10-13": 0.27, "14-15": 0.14, "16-17": 0.14, "18-24": 0.45}
# code, name, source, category, unit, factors, higher_is_better, base value
INDICATORS = [
    ("ungdata.trives-skolen", "Trives på skolen", "ungdata", "school", "percent",
     ["school-attachment", "low-school-attachment"], True, 86.0),
    ("ungdata.mobbet", "Blir mobbet minst hver 14. dag", "ungdata", "school", "percent",
     ["bullying"], False, 8.0),
    ("ungdata.beruset", "Har vært beruset siste år", "ungdata", "substance_use", "percent",
     ["early-substance-use"], False, 21.0),
    ("ungdata.cannabis", "Har brukt cannabis siste år", "ungdata", "substance_use", "percent",
     ["early-substance-use", "peer-delinquency"], False, 6.5),
    ("ungdata.ensom", "Plaget av ensomhet", "ungdata", "mental_health", "percent",
     ["loneliness", "mental-health-problems"], False, 17.0),
    ("ungdata.organisert-fritid", "Deltar i organisert fritidsaktivitet", "ungdata", "leisure",
     "percent", ["positive-leisure", "prosocial-peers"], True, 61.0),
    ("ungdata.foreldre-vet", "Foreldrene vet hvem de er sammen med", "ungdata", "family",
     "percent", ["parental-support", "low-parental-monitoring"], True, 79.0),
    ("ungdata.trygg-naermiljo", "Føler seg trygg i nærmiljøet", "ungdata", "neighbourhood",
     "percent", ["neighbourhood-disorder", "community-belonging"], True, 88.0),
    ("ungdata.skjermtid", "Mer enn fire timer skjermtid daglig", "ungdata", "online", "percent",
     ["online-risk"], False, 38.0),
    ("politi.anmeldte-unge", "Anmeldte lovbrudd 15–17 år per 1000", "police", "crime",
     "per_1000", ["peer-delinquency", "neighbourhood-disorder"], False, 42.0),
]  # fmt: skip
CATEGORIES = [("violence", 14), ("threats", 9), ("drug-offence", 12), ("theft", 22),
              ("vandalism", 15), ("traffic", 8), ("other-offence", 10),
              ("child-welfare-concern", 7), ("substance-treatment", 3)]  # fmt: skip
EVENTS_JOB, SURVEY_JOB = demo_id("knowledge/import/events"), demo_id("knowledge/import/ungdata")


def _key(n: int) -> str:
    """A synthetic pseudonymous subject key: letters only (never eleven digits)."""
    digest = hashlib.sha256(f"samordna-demo-child-{n}".encode()).digest()
    return "barn-" + "".join(chr(97 + b % 26) for b in digest[:14])


def _half_years(today: date) -> list[tuple[date, date]]:
    """The last four ended half-years, oldest first."""
    current = of_date(today, Grain.HALF)
    out, p = [], current.previous()
    for _ in range(4):
        out.append((p.start, p.end))
        p = p.previous()
    return out[::-1]


def _events(today: date) -> list[dict[str, object]]:
    rng, rows, n = random.Random(1205), [], 0  # noqa: S311 - invented, reproducible data
    halves = _half_years(today)
    weights = [w for _, w in CATEGORIES]
    for child in range(330):
        area = rng.choices(DISTRICTS, weights=[42, 36, 30, 4])[0]
        band = rng.choices(list(SHARE), weights=[15, 30, 35, 20])[0]
        main = rng.choices([c for c, _ in CATEGORIES], weights=weights)[0]
        for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
            start, end = rng.choice(halves)
            day = start + timedelta(days=rng.randrange((end - start).days))
            category = (
                main
                if rng.random() < 0.7
                else rng.choices([c for c, _ in CATEGORIES], weights=weights)[0]
            )
            n += 1
            rows.append({"u": DEMO_UNIT, "id": f"DEMO-{n:05d}", "c": category, "a": area,
                         "b": band, "d": day, "k": _key(child), "j": EVENTS_JOB})  # fmt: skip
    return rows


def _observations(today: date) -> list[dict[str, object]]:
    rng, rows = random.Random(2605), []  # noqa: S311 - invented, reproducible data
    for wave, year in enumerate((today.year - 4, today.year - 2, today.year)):
        for code, *_, better, base in INDICATORS:
            drift = (1.5 if better else -1.0) * wave
            for area, _, kind, _ in AREAS:
                cells = [(c, "all") for c in ("grade-8-10", "vg1-3")]
                if kind == "municipality":
                    cells += [(c, g) for c in ("grade-8-10", "vg1-3") for g in ("female", "male")]
                for cohort, gender in cells:
                    value = max(
                        0.5, base + drift + rng.uniform(-3, 3) + (2 if cohort == "vg1-3" else 0)
                    )
                    denominator = (
                        rng.randint(180, 900) if kind == "district" else rng.randint(1500, 2600)
                    )
                    rows.append({"u": DEMO_UNIT, "i": code, "a": area, "p": str(year), "c": cohort,
                                 "g": gender, "v": round(value, 1), "n": round(value * denominator / 100),
                                 "d": denominator, "j": SURVEY_JOB})  # fmt: skip
    return rows


def _sql(table: str, cols: str, values: str, key: str) -> sa.TextClause:
    return sa.text(f"INSERT INTO {table} ({cols}) VALUES ({values}) ON CONFLICT ({key}) DO NOTHING")  # noqa: S608


async def _jobs(conn: AsyncConnection, today: date, events: int, observations: int) -> None:
    at = datetime.combine(today - timedelta(days=20), datetime.min.time(), tzinfo=UTC)
    for job, kind, name, rows, source in (
        (SURVEY_JOB, "observations", "ungdata-lillestrom.xlsx", observations, "Ungdata"),
        (EVENTS_JOB, "events", "strasak-uttrekk.csv", events, "STRASAK"),
    ):
        result = json.dumps(
            {"inserted": rows, "updated": 0, "unchanged": 0, "rejected_rows": 0, "error_count": 0}
        )
        await conn.execute(
            _sql("knowledge_import_jobs", "id, unit_id, kind, format, filename, size_bytes, sha256, mode,"
                 " mapping, status, rows_read, bytes_read, bytes_total, result, source_name, started_by_name,"
                 " created_at, started_at, heartbeat_at, finished_at, version",
                 ":id, :u, :k, :f, :n, :s, :h, 'commit', '{}'::jsonb, 'committed', :r, :s, :s,"
                 " CAST(:res AS jsonb), :src, 'SLT-koordinator (demo)', :at, :at, :at, :at, 3", "id"),
            {"id": job, "u": DEMO_UNIT, "k": kind, "f": name.rsplit(".", 1)[1], "n": name, "s": rows * 60,
             "h": hashlib.sha256(name.encode()).hexdigest(), "r": rows, "res": result, "src": source, "at": at},
        )  # fmt: skip
        at += timedelta(hours=1)


async def load_knowledge(engine: AsyncEngine, *, today: date) -> None:
    """After ``load_demo`` (the unit and its municipality 3205), before the trends demo."""
    events, observations = _events(today), _observations(today)
    async with engine.begin() as conn:
        await conn.execute(
            sa.text("SELECT set_config('samordna.unit_id', :u, true)"), {"u": str(DEMO_UNIT)}
        )
        await _jobs(conn, today, len(events), len(observations))
        await conn.execute(
            _sql("knowledge_indicators", "id, unit_id, code, name, source, category, measure_unit, factors,"
                 " higher_is_better", ":id, :u, :c, :n, :s, :k, :m, :f, :b", "unit_id, code"),
            [{"id": demo_id(f"knowledge/indicator/{c}"), "u": DEMO_UNIT, "c": c, "n": n, "s": s, "k": k,
              "m": m, "f": f, "b": b} for c, n, s, k, m, f, b, _ in INDICATORS],
        )  # fmt: skip
        await conn.execute(
            _sql("knowledge_areas", "id, unit_id, code, name, municipality_number, kind",
                 ":id, :u, :c, :n, :m, :k", "unit_id, code"),
            [{"id": demo_id(f"knowledge/area/{c}"), "u": DEMO_UNIT, "c": c, "n": n, "m": M, "k": k}
             for c, n, k, _ in AREAS],
        )  # fmt: skip
        await conn.execute(
            _sql("knowledge_area_populations", "unit_id, area_code, year, age_band, residents",
                 ":u, :a, :y, :b, :r", "unit_id, area_code, year, age_band"),
            [{"u": DEMO_UNIT, "a": a, "y": today.year - back, "b": band, "r": round(total * share * (1 - 0.01 * back))}
             for a, _, _, total in AREAS for back in (1, 2, 3) for band, share in SHARE.items()],
        )  # fmt: skip
        await conn.execute(
            _sql("knowledge_observations", "unit_id, indicator_code, area_code, period, period_start,"
                 " period_end, cohort, gender, value, count, denominator, import_id, first_import_id",
                 ":u, :i, :a, :p, samordna_period_start(:p), samordna_period_end(:p), :c, :g, :v, :n, :d,"
                 " :j, :j", "unit_id, indicator_code, area_code, period, cohort, gender"),
            observations,
        )  # fmt: skip
        await conn.execute(
            _sql("knowledge_event_records", "unit_id, external_id, category, area_code, age_band,"
                 " occurred_on, subject_key, import_id, first_import_id",
                 ":u, :id, :c, :a, :b, :d, :k, :j, :j", "unit_id, external_id"),
            events,
        )  # fmt: skip
