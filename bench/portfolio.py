"""Bench room, measures: the portfolio, the board and "needs attention" at 2,000 measures —
``python -m bench.portfolio [board tree …]`` (on demand, never in the test suite).

On top of the bench database (``env.py``: the demo plus the scaled registries) the demo unit gets
one adopted action plan (5 focus areas x 4 goals) and 2,000 measures spread over the lifecycle
(a third running), each under one goal, with 0-6 milestones, a budget, one or two responsible
organisations and, once decided, an owner (5 % have none) and a decision; every running measure
has its planned evaluation, due from 60 days ago to a year ahead. Loaded as the app role through
the measures unit of work's connection, one multi-row INSERT per table in one transaction, then
``ANALYZE``. Fixed seed: every run has the same shape."""

from __future__ import annotations

import asyncio
import random
import sys
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import sqlalchemy as sa

from adapters.postgres.database import make_engine
from adapters.postgres.measures import mapping
from adapters.postgres.measures.record_tables import EVALUATION, STAGE_CHANGE
from adapters.postgres.measures.tables import MEASURE, MEASURE_ORGANISATION
from adapters.postgres.measures.uow import PgMeasuresUnitOfWorkFactory
from bench import env as bench_env
from bench.api import CONCURRENCY, session
from bench.measure import Figure, timed
from domain.measures.evaluation import Evaluation
from domain.measures.measure import (
    Aspect,
    EvaluationPlan,
    Evidence,
    Measure,
    Milestone,
    Performer,
    Tier,
)
from domain.measures.plan import ActionPlan, FocusArea, Goal
from domain.measures.stage import Stage

MEASURES, AREAS, GOALS = 2_000, 5, 4
S = Stage
# Where 2,000 measures of a large unit sit in the lifecycle (a third of them running).
STAGES = [S.PROPOSED] * 10 + [S.ASSESSED] * 5 + [S.DECIDED] * 10 + [S.ACTIVE] * 35 + [
    S.EVALUATED] * 8 + [S.CONTINUED] * 12 + [S.CONCLUDED] * 12 + [S.REJECTED] * 5 + [
    S.STOPPED] * 3  # fmt: skip
UNDECIDED = {S.PROPOSED, S.ASSESSED, S.REJECTED}
RUNNING = {S.ACTIVE, S.EVALUATED, S.CONTINUED}
# The way to each stage: the database checks that a measure's stage is its history's last step.
WAY = {S.PROPOSED: [S.PROPOSED], S.REJECTED: [S.PROPOSED, S.REJECTED]}
WAY[S.ASSESSED] = [S.PROPOSED, S.ASSESSED]
WAY[S.DECIDED] = [*WAY[S.ASSESSED], S.DECIDED]
WAY[S.STOPPED] = [*WAY[S.DECIDED], S.STOPPED]
WAY[S.ACTIVE] = [*WAY[S.DECIDED], S.ACTIVE]
WAY[S.CONCLUDED] = [*WAY[S.ACTIVE], S.CONCLUDED]
WAY[S.EVALUATED] = [*WAY[S.ACTIVE], S.EVALUATED]
WAY[S.CONTINUED] = [*WAY[S.EVALUATED], S.CONTINUED]


def _history(measures: list[Measure]) -> list[dict[str, Any]]:
    """Every measure's steps, all first steps first (each step's predecessor is already in)."""
    at = datetime.now(UTC)
    rows = [
        {"id": uuid4(), "unit_id": m.unit_id, "measure_id": m.id, "sequence": n,
         "from_stage": WAY[m.stage][n - 2].value if n > 1 else None, "to_stage": step.value,
         "at": at, "actor_person_id": None, "actor_name": "Bench",
         "reason": "Prioritert bort" if step in (S.REJECTED, S.STOPPED) else None,
         "decision_id": m.decision_id if step is S.DECIDED else None, "decision_label": None}
        for m in measures for n, step in enumerate(WAY[m.stage], 1)
    ]  # fmt: skip
    return sorted(rows, key=lambda r: r["sequence"])


def _plan(today: date, decision: UUID) -> ActionPlan:
    areas = tuple(
        FocusArea(
            id=uuid4(),
            title=f"Innsatsområde {a + 1}",
            goals=tuple(Goal(id=uuid4(), title=f"Mål {a + 1}.{g + 1}") for g in range(GOALS)),
            strategies=("Tidlig innsats", "Samarbeid på tvers"),
            weight=1 + a % 2,
        )
        for a in range(AREAS)
    )
    return ActionPlan(
        id=uuid4(), unit_id=bench_env.UNIT, title="Handlingsplan for SLT 2026–2029",
        period_start=date(today.year, 1, 1), period_end=date(today.year + 3, 12, 31),
        focus_areas=areas, adopted=True, decision_id=decision,
    )  # fmt: skip


def _measures(
    plan: ActionPlan, people: list[UUID], orgs: list[UUID], decisions: list[UUID], today: date
) -> tuple[list[Measure], list[Evaluation]]:
    rnd = random.Random(20261130)
    goals = [(fa.id, g.id) for fa in plan.focus_areas for g in fa.goals]
    measures, evaluations = [], []
    for i in range(MEASURES):
        stage = STAGES[i % len(STAGES)]
        area, goal = goals[rnd.randrange(len(goals))]
        decided = stage not in UNDECIDED
        start = today - timedelta(days=rnd.randrange(30, 700))
        n = rnd.randrange(7)
        plan_of = EvaluationPlan(
            aspects=frozenset({Aspect.EFFECT, Aspect.IMPLEMENTATION}), method="Spørreundersøkelse",
            performer=Performer.INTERNAL, due_on=today + timedelta(days=rnd.randrange(-60, 365)),
        )  # fmt: skip
        m = Measure(
            id=uuid4(), unit_id=bench_env.UNIT, title=f"Tiltak {i:04d} – lavterskel fritid",
            problem="Ungdom uten fritidstilbud i bydelen på kveldstid.",
            tier=(Tier.UNIVERSAL, Tier.SELECTIVE, Tier.INDICATED)[rnd.randrange(3)],
            focus_area_ids=(area,), goal_ids=(goal,),
            responsible_organisation_ids=tuple(rnd.sample(orgs, 1 + i % 2)),
            owner_id=people[rnd.randrange(len(people))] if decided and i % 20 else None,
            budget_nok=rnd.randrange(0, 2_000_000, 10_000), staff_hours=rnd.randrange(2_000),
            start_on=start if decided else None, end_on=start + timedelta(days=730),
            milestones=tuple(
                Milestone(id=uuid4(), title=f"Milepæl {k + 1}", weight=1 + k % 3,
                          done_on=start + timedelta(days=30 * k) if rnd.random() < 0.5 else None)
                for k in range(n)
            ),
            evidence=Evidence.EXPERIENCE_BASED, new_or_trial=i % 3 == 0,
            evaluation_plan=plan_of if stage in RUNNING or stage is S.CONCLUDED else None,
            stage=stage, decision_id=decisions[i % len(decisions)] if decided else None,
            closing_note="Gjennomført." if stage is S.CONCLUDED else None,
        )  # fmt: skip
        measures.append(m)
        if stage in RUNNING:
            evaluations.append(
                Evaluation(
                    id=uuid4(),
                    unit_id=m.unit_id,
                    measure_id=m.id,
                    aspects=plan_of.aspects,
                    performer=plan_of.performer,
                    method=plan_of.method,
                    due_on=plan_of.due_on,
                )
            )
    return measures, evaluations


async def load(e: bench_env.BenchEnv) -> tuple[float, int, UUID]:
    """The plan and the measures in one transaction; returns seconds, rows and the plan's id."""
    engine = make_engine(e.urls.app, pool_size=1)
    t0 = time.perf_counter()
    try:
        async with PgMeasuresUnitOfWorkFactory(engine)(bench_env.UNIT) as uow:
            unit = {"u": bench_env.UNIT}
            rows = await uow.conn.execute(
                sa.text("SELECT id FROM organisation WHERE unit_id = :u"), unit
            )
            orgs = [r[0] for r in rows]
            rows = await uow.conn.execute(
                sa.text("SELECT id FROM decision WHERE unit_id = :u LIMIT 50"), unit
            )
            decisions = [r[0] for r in rows] or [uuid4() for _ in range(50)]
            today = date.today()
            plan = _plan(today, decisions[0])
            await uow.plans.add(plan)
            measures, evaluations = _measures(plan, e.person_ids, orgs, decisions, today)
            await uow.conn.execute(
                MEASURE.insert(),
                [{"id": m.id, "unit_id": m.unit_id, **mapping.measure_values(m)} for m in measures],
            )
            links = [
                {"measure_id": m.id, "role": "responsible", "organisation_id": o,
                 "unit_id": m.unit_id, "position": k}
                for m in measures for k, o in enumerate(m.responsible_organisation_ids)
            ]  # fmt: skip
            await uow.conn.execute(MEASURE_ORGANISATION.insert(), links)
            history = _history(measures)
            await uow.conn.execute(STAGE_CHANGE.insert(), history)
            await uow.conn.execute(
                EVALUATION.insert(),
                [
                    {"id": x.id, "unit_id": x.unit_id, **mapping.evaluation_values(x)}
                    for x in evaluations
                ],
            )
            await uow.commit()
        async with engine.connect() as conn:
            await conn.exec_driver_sql("ANALYZE")
    finally:
        await engine.dispose()
    n = len(measures) + len(links) + len(evaluations) + len(history)
    return time.perf_counter() - t0, n, plan.id


async def run(
    plan_id: UUID, e: bench_env.BenchEnv, seconds: float = 2.0, only: Sequence[str] = ()
) -> list[Figure]:
    """Each row is printed as it is measured (the board's and the export's take a while).
    ``only``: words of the rows to measure (``board tree``), all when empty."""
    from bench.run import _row

    figures: list[Figure] = []
    async with session(e) as s:

        async def add(name: str, path: str, what: Any = None, **kw: Any) -> None:
            if only and not any(word in name for word in only):
                return
            call = lambda: s.ok("GET", path)  # noqa: E731
            sql = await s.statements(call)
            kw.setdefault("concurrency", CONCURRENCY)
            fig = await timed(name, call, seconds=seconds, **kw)
            r = await call()
            fig.notes += [f"{sql} SQL", f"{len(r.content) / 1024:,.0f} KiB"]
            if what is not None:
                fig.notes.append(what(r))
            figures.append(fig)
            print(_row(fig), flush=True)

        plan = f"/api/action-plans/{plan_id}"
        await add(
            "REST GET /api/measures/portfolio", "/api/measures/portfolio",
            lambda r: f"{len(r.json()['cells'])} cells",
        )  # fmt: skip
        await add(
            "REST GET /api/measures/board (2,000)", "/api/measures/board",
            lambda r: f"{len(r.json())} measures", min_n=10,
        )  # fmt: skip
        await add(
            "REST GET /api/measures/attention", "/api/measures/attention",
            lambda r: f"{len(r.json()['withoutOwner'])} without owner, "
            f"{len(r.json()['evaluationsDue'])} evaluations due",
        )  # fmt: skip
        await add("REST GET /api/measures?limit=50", "/api/measures?limit=50")
        await add(
            "REST GET /api/action-plans/{id} (tree)", plan,
            lambda r: f"{sum(len(g['measures']) for a in r.json()['focusAreas'] for g in a['goals'])} measures",
            min_n=10,
        )  # fmt: skip
        await add("REST GET /api/measures/export.csv (2,000)", "/api/measures/export.csv", min_n=10)
        await add("REST GET /api/action-plans/{id}/export.xlsx", f"{plan}/export.xlsx", min_n=5)
        await add(
            "REST GET /api/action-plans/{id}/export.pdf", f"{plan}/export.pdf",
            lambda r: "a summary: 2,000 rows > 200", min_n=3, max_n=5, warmup=1, concurrency=0,
        )  # fmt: skip
    return figures


def main() -> None:
    from bench.run import HEAD

    async def go() -> None:
        started = time.perf_counter()
        e = await bench_env.build()
        seconds, n, plan_id = await load(e)
        print(f"Loaded {n:,} measures rows in {seconds:.1f} s ({MEASURES:,} measures, "
              f"{AREAS * GOALS} goals)")  # fmt: skip
        print(HEAD)
        print("-" * len(HEAD), flush=True)
        await run(plan_id, e, only=sys.argv[1:])
        print(f"Total {time.perf_counter() - started:.0f} s. Today {date.today().isoformat()}.")

    asyncio.run(go())


if __name__ == "__main__":
    main()
