"""Repository tier, trends: the counting query equals a recount in Python over generated events
(distinct children, the primary category by priority, the age band and area of the child's
earliest event of that category), and populations come from the right vintage."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

import pytest

from domain.knowledge.periods import Period
from domain.knowledge.vocab import AGE_BANDS, EVENT_CATEGORIES
from domain.trends.model import CellCount
from domain.trends.specs import TABLES, rest_area
from tests.repositories.trends.conftest import TrendsDb

AREAS = [("sogndal", "4640", "municipality"), ("sogndal-sentrum", "4640", "district"),
         ("sogndal-kaupanger", "4640", "district"), ("luster", "4641", "municipality")]  # fmt: skip
MUNICIPALITY = {code: m for code, m, _ in AREAS}


def generate(seed: int, n: int, start: date, days: int) -> list[tuple]:
    rng = random.Random(seed)
    subjects = [f"child-{seed}-{i:05d}" for i in range(max(1, n // 3))]
    codes = list(EVENT_CATEGORIES)
    return [
        (f"ev-{seed}-{i}", rng.choice(codes), rng.choice(AREAS)[0], rng.choice(AGE_BANDS),
         start + timedelta(days=rng.randrange(days)), rng.choice(subjects))
        for i in range(n)
    ]  # fmt: skip


def recount(events: list[tuple], spec, period: Period) -> list[CellCount]:
    """TREND-A's counting rule in Python: one child, one primary event."""
    best: dict[str, tuple] = {}
    for _, cat, area, band, day, subject in events:
        if cat not in spec.categories or not period.contains(day):
            continue
        key = (EVENT_CATEGORIES[cat].priority, day, area, AGE_BANDS.index(band))
        if subject not in best or key < best[subject][0]:
            best[subject] = (key, cat, area, band)
    cells: Counter[tuple[str, ...]] = Counter()
    for _, cat, area, band in best.values():
        value = {"municipality": MUNICIPALITY[area], "category": cat, "age_band": band,
                 "area": area}  # fmt: skip
        cells[tuple(value[d] for d in spec.dimensions)] += 1
    return [CellCount(dims, n) for dims, n in sorted(cells.items())]


async def test_every_table_counts_distinct_children_as_python_does(trends: TrendsDb):
    await trends.areas(trends.mine, AREAS)
    events = generate(1, 3000, date(2025, 1, 1), 365 + 120)
    await trends.events(trends.mine, events)
    await trends.areas(trends.neighbour, [("bergen", "4601", "municipality")])
    await trends.events(trends.neighbour, [("x1", "violence", "bergen", "14-15",
                                            date(2025, 2, 1), "child-bergen-1")])  # fmt: skip
    async with trends.factory(trends.mine) as uow:
        for spec in TABLES:
            for text in ("2025H1", "2025H2", "2025", "2026H1"):
                period = Period.parse(text)
                found = await uow.counts.counts(trends.mine, spec, period)
                assert sorted(found, key=lambda c: c.dims) == recount(events, spec, period), (
                    spec.code, text)  # fmt: skip


async def test_a_child_with_two_categories_counts_once_under_the_higher_priority(
    trends: TrendsDb,
):
    await trends.areas(trends.mine, AREAS)
    day = date(2025, 3, 1)
    await trends.events(trends.mine, [
        ("a1", "theft", "sogndal-sentrum", "14-15", day, "child-aaaaaaaa"),
        ("a2", "violence", "luster", "16-17", day + timedelta(days=9), "child-aaaaaaaa"),
        ("a3", "violence", "sogndal", "10-13", day + timedelta(days=20), "child-aaaaaaaa"),
        ("a4", "child-welfare-concern", "sogndal", "14-15", day, "child-aaaaaaaa"),
        ("b1", "theft", "sogndal", "14-15", day, "child-bbbbbbbb"),
        ("b2", "theft", "sogndal", "14-15", day + timedelta(days=1), "child-bbbbbbbb"),
    ])  # fmt: skip
    by = {s.code: s for s in TABLES}
    async with trends.factory(trends.mine) as uow:
        h1 = Period.parse("2025H1")
        assert await uow.counts.counts(trends.mine, by["offences-by-category"], h1) == [
            CellCount(("4640", "theft"), 1), CellCount(("4641", "violence"), 1)]  # fmt: skip
        # the band and area of the earliest violence (luster, 16-17), not of the theft
        assert await uow.counts.counts(trends.mine, by["offences-by-age"], h1) == [
            CellCount(("4640", "14-15"), 1), CellCount(("4641", "16-17"), 1)]  # fmt: skip
        assert await uow.counts.counts(
            trends.mine, by["child-welfare-concerns"], Period.parse("2025")
        ) == [CellCount(("4640",), 1)]
        assert (
            await uow.counts.counts(trends.mine, by["offences-by-age"], Period.parse("2024H2"))
            == []
        )
    async with trends.factory(trends.neighbour) as uow:  # another unit counts nothing of mine
        assert await uow.counts.counts(trends.mine, by["offences-by-category"], h1) == []


async def test_populations_of_the_vintage_with_municipality_and_cohort_sums(trends: TrendsDb):
    await trends.areas(trends.mine, AREAS)
    rows = [("sogndal-sentrum", 2023, b, 100) for b in AGE_BANDS]
    rows += [("sogndal-kaupanger", 2023, b, 50) for b in AGE_BANDS]
    rows += [("sogndal-sentrum", 2025, b, 300) for b in AGE_BANDS]
    rows += [("luster", 2025, "14-15", 70), ("luster", 2025, "16-17", 80)]
    await trends.populations(trends.mine, rows)
    async with trends.factory(trends.mine) as uow:
        p = await uow.counts.populations(trends.mine, Period.parse("2024H2"))
        assert p.vintage == 2023
        assert p.of("sogndal-sentrum", "14-15") == 100 and p.of("sogndal-sentrum", "10-24") == 400
        assert p.of("4640", "10-13") == 150 and p.of("4640", "10-24") == 600  # the districts' sum
        assert p.of("4641", "10-24") is None
        assert p.areas == {"sogndal-kaupanger": "4640", "sogndal-sentrum": "4640"}
        later = await uow.counts.populations(trends.mine, Period.parse("2026"))
        assert later.vintage == 2025 and later.of("4641", "10-24") == 150
        assert later.of("4640", "18-24") == 300
        oldest = await uow.counts.populations(trends.mine, Period.parse("2020"))
        assert oldest.vintage == 2023  # nothing that old: the oldest there is
    async with trends.factory(trends.neighbour) as uow:
        none = await uow.counts.populations(trends.neighbour, Period.parse("2025"))
        assert none.vintage is None and none.residents == {} and none.areas == {}
    assert rest_area("4640") == "4640-rest"


async def test_a_municipality_area_figure_wins_over_its_districts(trends: TrendsDb):
    await trends.areas(trends.mine, AREAS)
    await trends.populations(trends.mine, [
        ("sogndal", 2025, "14-15", 900), ("sogndal-sentrum", 2025, "14-15", 400)])  # fmt: skip
    async with trends.factory(trends.mine) as uow:
        p = await uow.counts.populations(trends.mine, Period.parse("2025H1"))
        assert p.of("4640", "14-15") == 900 and p.of("4640", "10-24") == 900


@pytest.mark.parametrize("seed", [2, 3, 4])
async def test_ties_on_one_day_break_the_same_way_as_python(trends: TrendsDb, seed: int):
    """Few days, few children: many children have several events of one category on one day."""
    await trends.areas(trends.mine, AREAS)
    events = generate(seed, 400, date(2025, 2, 1), 3)
    await trends.events(trends.mine, events)
    period = Period.parse("2025H1")
    async with trends.factory(trends.mine) as uow:
        for spec in TABLES:
            found = await uow.counts.counts(trends.mine, spec, period)
            assert sorted(found, key=lambda c: c.dims) == recount(events, spec, period), spec.code
            assert sum(c.n for c in found) == len(
                {e[5] for e in events if e[1] in spec.categories})  # fmt: skip
