"""Trends test room: TREND-A's rules one by one, table-driven."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from domain.knowledge.periods import Grain, Period
from domain.knowledge.vocab import EVENT_CATEGORIES
from domain.trends import rules as r
from domain.trends.build import coarsen, grid, suppress
from domain.trends.canonical import freeze
from domain.trends.model import Cell, CellCount, Populations
from domain.trends.release import build_release
from domain.trends.specs import BY_CODE, SENSITIVE, TABLES, TABLES_VERSION, tier_violations
from tests.unit.trends.support import AT, CACHED, UNIT


@pytest.mark.parametrize(
    ("n", "rounded"),
    [(0, 0), (2, 0), (3, 5), (7, 5), (8, 10), (10, 10), (12, 10), (13, 15), (17, 15), (18, 20)],
)
def test_rounding_is_half_up_to_five(n: int, rounded: int) -> None:
    assert r.round_to_base(n) == rounded


@pytest.mark.parametrize(("n", "suppressed"), [(0, False), (1, True), (7, True), (8, False)])
def test_primary_suppression_is_one_to_seven(n: int, suppressed: bool) -> None:
    assert r.primary_suppressed(n) is suppressed


@pytest.mark.parametrize(
    ("n", "population", "suppressed"),
    [(10, 17, True), (10, 18, False), (0, 7, True), (0, 8, False), (50, None, False)],
)
def test_complement_rule(n: int, population: int | None, suppressed: bool) -> None:
    assert r.complement_suppressed(n, population) is suppressed


def test_five_fixed_tables_and_every_one_obeys_the_tiers() -> None:
    assert TABLES_VERSION == "2026-1" and r.RULE_SET == "TREND-A/2026-1"
    assert [t.code for t in TABLES] == [
        "offences-by-category",
        "offences-by-age",
        "offences-by-area",
        "child-welfare-concerns",
        "substance-treatment",
    ]
    for spec in TABLES:
        assert tier_violations(spec) == [], spec.code
        if any(EVENT_CATEGORIES[c].tier == SENSITIVE for c in spec.categories):
            assert spec.grain is Grain.YEAR and spec.dimensions == ("municipality",)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"grain": Grain.HALF}, "sensitive-tier"),
        ({"dimensions": ("municipality", "age_band")}, "sensitive-tier"),
        ({"categories": ("child-welfare-concern", "theft")}, "sensitive-tier"),
        ({"grain": Grain.QUARTER}, "period-too-short"),
        ({"dimensions": ("municipality", "age_band", "area")}, "dimensions"),
    ],
    ids=["half-year", "age-band", "mixed", "quarter", "three-dimensions"],
)
def test_the_tier_check_catches_a_bad_spec(change: dict[str, object], problem: str) -> None:
    bad = replace(BY_CODE["child-welfare-concerns"], **change)  # type: ignore[arg-type]
    assert problem in tier_violations(bad)


POPS = Populations(
    vintage=2025,
    residents={("3201", "10-24"): 3000, ("big", "10-24"): 1000, ("small", "10-24"): 999},
    areas={"big": "3201", "small": "3201"},
)


def test_areas_below_the_floor_are_merged_into_the_rest() -> None:
    t = grid(
        BY_CODE["offences-by-area"],
        ["3201"],
        [CellCount(("3201", "big"), 9), CellCount(("3201", "small"), 4)],
        POPS,
    )
    assert t.true == {("3201", "big"): 9, ("3201", "3201-rest"): 4}
    assert t.pop == {("3201", "big"): 1000, ("3201", "3201-rest"): 2000}
    assert t.totals == {"3201": 13}


@pytest.mark.parametrize(
    ("n", "population", "value", "flags"),
    [
        (0, 3000, 0, set()),
        (5, 3000, None, {r.PRIMARY}),
        (12, 3000, 10, set()),
        (12, None, None, {r.POPULATION_UNKNOWN}),
        (3, None, None, {r.PRIMARY, r.POPULATION_UNKNOWN}),
        (2995, 3000, None, {r.COMPLEMENT_FLAG}),
    ],
)
def test_cell_suppression(
    n: int, population: int | None, value: int | None, flags: set[str]
) -> None:
    pops = Populations(
        vintage=2025, residents={} if population is None else {("3201", "10-24"): population}
    )
    t = grid(BY_CODE["child-welfare-concerns"], ["3201"], [CellCount(("3201",), n)], pops)
    suppress(t, [])
    assert (t.published(("3201",)), t.flags[("3201",)]) == (value, flags)


def test_totals_come_from_unrounded_counts() -> None:
    counts = [CellCount(("3201", c), 12) for c in ("violence", "theft", "traffic")]
    pops = Populations(vintage=2025, residents={("3201", "10-24"): 3000})
    t = grid(BY_CODE["offences-by-category"], ["3201"], counts, pops)
    suppress(t, [])
    assert [t.published(("3201", c)) for c in ("violence", "theft", "traffic")] == [10, 10, 10]
    assert t.published_total("3201") == 35  # 36, not 10 + 10 + 10


def _past(value: int | None) -> object:
    cell = Cell(("3201",), value, (r.PRIMARY,) if value is None else ())
    return freeze("child-welfare-concerns", UNIT, Period.parse("2024"), 1, AT, 2024, [cell], [])


@pytest.mark.parametrize(
    ("past", "hidden"),
    [
        ([None, None, None], True),  # 3 of 4 suppressed
        ([None, None, 10], False),  # 2 of 4: not more than half
        ([None, None], True),  # 2 of 3 (only three periods released so far)
        ([None], False),  # 1 of 2
        ([], False),
    ],
    ids=["three-of-four", "two-of-four", "two-of-three", "one-of-two", "first"],
)
def test_series_rule(past: list[int | None], hidden: bool) -> None:
    pops = Populations(vintage=2025, residents={("3201", "10-24"): 3000})
    t = grid(BY_CODE["child-welfare-concerns"], ["3201"], [CellCount(("3201",), 20)], pops)
    suppress(t, [_past(v) for v in past])  # type: ignore[misc]
    assert (r.SERIES_HIDDEN in t.flags[("3201",)]) is hidden
    assert (t.published(("3201",)) is None) is hidden


def test_coarsening_merges_the_two_smallest_values_into_other() -> None:
    counts = [CellCount(("3201", "14-15"), 30), CellCount(("3201", "16-17"), 2)]
    pops = Populations(
        vintage=2025, residents={("3201", b): 500 for b in ("10-13", "14-15", "16-17", "18-24")}
    )
    t = grid(BY_CODE["offences-by-age"], ["3201"], counts, pops)
    assert coarsen(t, "3201") == "10-13,18-24"
    assert t.true == {("3201", "14-15"): 30, ("3201", "16-17"): 2, ("3201", "other"): 0}
    assert t.pop[("3201", "other")] == 1000
    assert coarsen(t, "3201") == "other,16-17"
    assert coarsen(t, "3201") is None  # two values left: the next step is totals only


def test_periods_end_before_release() -> None:
    assert Period.parse("2025H2").ended(date(2026, 1, 1))
    assert not Period.parse("2025H2").ended(date(2025, 12, 31))


def test_more_children_than_residents_means_the_population_is_not_known() -> None:
    pops = Populations(vintage=2025, residents={("3201", "10-24"): 20})
    t = grid(BY_CODE["child-welfare-concerns"], ["3201"], [CellCount(("3201",), 30)], pops)
    suppress(t, [])
    assert t.flags[("3201",)] == {r.POPULATION_UNKNOWN} and t.published(("3201",)) is None


def test_tables_whose_totals_disagree_are_audited_apart_without_failing() -> None:
    pops = Populations(vintage=2025, residents={("3201", "10-24"): 3000})
    by_category = [CellCount(("3201", "violence"), 3), CellCount(("3201", "theft"), 30)]
    by_age = [CellCount(("3201", "14-15"), 31)]  # a counting adapter that lost two children
    rel = build_release(
        unit=UNIT,
        period=Period.parse("2025H1"),
        revision=1,
        counts={"offences-by-category": by_category, "offences-by-age": by_age},
        populations=pops,
        history={},
        previous=(),
        solver=CACHED,
        released_at=AT,
        released_by="Kari Koordinator",
    )
    assert rel.audit.passed
