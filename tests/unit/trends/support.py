"""Trends test room: de-identified events, a reference counter that applies the primary-category
rule in plain Python (what the SQL of the counting adapter must agree with), and release helpers
over the real HiGHS solver."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from uuid import UUID

from adapters.disclosure.highs import HighsIntervalSolver
from domain.knowledge.periods import Period
from domain.knowledge.vocab import AGE_BANDS, EVENT_CATEGORIES
from domain.trends.model import CellCount, Populations, Release, TableRelease, UnitRef
from domain.trends.ports import IntervalSolver
from domain.trends.release import build_release
from domain.trends.specs import AGE_BAND, AREA, CATEGORY, TableSpec, of_grain
from domain.trends.system import LinearSystem

SOLVER: IntervalSolver = HighsIntervalSolver()
CACHED: IntervalSolver  # set below: the same solver, memoised
UNIT = UnitRef(
    id=UUID(int=7), name="Testby SLT", police_district="Øst", municipalities=("3201", "3203")
)
AT = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Event:
    subject: str
    category: str
    area: str
    age_band: str
    day: date


def counts(
    spec: TableSpec, events: Sequence[Event], period: Period, area_muni: Mapping[str, str]
) -> list[CellCount]:
    """Distinct children per cell: each child once, under its primary category among the
    table's categories, with the area and age band of its earliest event of that category."""
    mine: dict[str, list[Event]] = {}
    for e in events:
        if e.category in spec.categories and period.contains(e.day):
            mine.setdefault(e.subject, []).append(e)
    cells: Counter[tuple[str, ...]] = Counter()
    for evs in mine.values():
        primary = min(evs, key=lambda e: EVENT_CATEGORIES[e.category].priority).category
        first = min(
            (e for e in evs if e.category == primary),
            key=lambda e: (e.day, e.area, AGE_BANDS.index(e.age_band)),
        )
        second = {CATEGORY: primary, AGE_BAND: first.age_band, AREA: first.area, None: None}
        value = second[spec.second]
        dims = (area_muni[first.area],) + ((value,) if value is not None else ())
        cells[dims] += 1
    return [CellCount(d, n) for d, n in sorted(cells.items())]


def release(
    events: Sequence[Event],
    period: Period,
    pops: Populations,
    *,
    revision: int = 1,
    history: Mapping[str, Sequence[TableRelease]] | None = None,
    previous: Sequence[TableRelease] = (),
    unit: UnitRef = UNIT,
    at: datetime = AT,
    solver: IntervalSolver | None = None,
) -> Release:
    muni = {**pops.areas, **{m: m for m in unit.municipalities}}
    table_counts = {s.code: counts(s, events, period, muni) for s in of_grain(period.grain)}
    return build_release(
        unit=unit,
        period=period,
        revision=revision,
        counts=table_counts,
        populations=pops,
        history=history or {},
        previous=previous,
        solver=solver or CACHED,
        released_at=at,
        released_by="Kari Koordinator",
    )


def populations(
    areas: Mapping[str, tuple[str, int]], munis: Mapping[str, int], vintage: int = 2025
) -> Populations:
    """``areas``: code → (municipality, residents 10-24); ``munis``: number → residents 10-24
    (each age band gets a quarter)."""
    residents: dict[tuple[str, str], int] = {}
    for m, n in munis.items():
        residents[(m, "10-24")] = n
        for band in AGE_BANDS:
            residents[(m, band)] = n // 4
    for a, (_, n) in areas.items():
        residents[(a, "10-24")] = n
    return Populations(
        vintage=vintage, residents=residents, areas={a: m for a, (m, _) in areas.items()}
    )


class CachedHighs:
    """The real HiGHS solver, memoised across builds: a rebuild from the same inputs (the
    identical-bytes property) asks the same questions of the same systems."""

    def __init__(self) -> None:
        self._real = HighsIntervalSolver()
        self._seen: dict[tuple[LinearSystem, int], tuple[float, float | None]] = {}

    def bounds(self, system: LinearSystem, variable: int) -> tuple[float, float | None]:
        key = (system, variable)
        if key not in self._seen:
            self._seen[key] = self._real.bounds(system, variable)
        return self._seen[key]


CACHED = CachedHighs()
