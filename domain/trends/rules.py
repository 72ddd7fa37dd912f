"""Trends domain room: TREND-A's fixed parameters (PRIVACY.md § 3) and its rule-set version."""

from __future__ import annotations

from typing import Final

RULE_SET: Final = "TREND-A/2026-1"

K: Final = 7  # primary suppression: 1 <= n <= K is published as ":" (0 stays 0)
BASE: Final = 5  # every other count, totals included, is rounded half up to a multiple of BASE
COMPLEMENT: Final = 7  # population - n <= COMPLEMENT -> suppressed (everyone-but-a-few)
SERIES_SHARE: Final = (
    0.5  # a cell key more than this share suppressed over SERIES_PERIODS -> hidden
)
SERIES_PERIODS: Final = 4  # the last periods the series rule looks at, this one included
AREA_FLOOR: Final = 1000  # residents aged 10-24 a sub-municipal area needs to be its own cell
MIN_PERIOD_MONTHS: Final = 6  # no table has periods shorter than a half-year
MIN_WIDTH: Final = 4  # the audit: a suppressed cell's feasible interval must be at least this wide
MAX_SECONDARY_ROUNDS: Final = 20  # secondary-suppression rounds before the audit coarsens
SUPPRESSED: Final = ":"  # how a suppressed cell is written in every body

# Cell flags (published with every cell that has them).
PRIMARY: Final = "primary"
COMPLEMENT_FLAG: Final = "complement"
SECONDARY: Final = "secondary"
SERIES_HIDDEN: Final = "series-hidden"
POPULATION_UNKNOWN: Final = "population-unknown"
COARSENED: Final = "coarsened"
FLAGS: Final = (PRIMARY, COMPLEMENT_FLAG, SECONDARY, SERIES_HIDDEN, POPULATION_UNKNOWN, COARSENED)

PARAMETERS: Final[dict[str, int | float]] = {
    "k": K,
    "base": BASE,
    "complement": COMPLEMENT,
    "seriesShare": SERIES_SHARE,
    "seriesPeriods": SERIES_PERIODS,
    "areaFloor": AREA_FLOOR,
    "minPeriodMonths": MIN_PERIOD_MONTHS,
    "minWidth": MIN_WIDTH,
}


def round_to_base(n: int) -> int:
    """Half up to the nearest multiple of ``BASE``: 8 -> 10, 12 -> 10, 13 -> 15 (n >= 0)."""
    return ((n + BASE // 2) // BASE) * BASE


def primary_suppressed(n: int) -> bool:
    return 1 <= n <= K


def complement_suppressed(n: int, population: int | None) -> bool:
    """``None`` population: not decided here (the caller flags ``population-unknown``)."""
    return population is not None and population - n <= COMPLEMENT
