"""Knowledge domain room: what the reads return besides the records — areas with populations, the
situational picture (series per indicator × area × cohort × gender, measures by factor)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from domain.knowledge.model import Area, AreaPopulation, Indicator
from domain.knowledge.periods import Period


@dataclass(frozen=True, slots=True, kw_only=True)
class AreaView:
    area: Area
    populations: tuple[AreaPopulation, ...]  # by year, then age band


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureRef:
    """A measure of the unit that targets some factors (read from the measures context's table)."""

    id: UUID
    title: str
    stage: str
    factors: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SeriesPoint:
    period: Period
    value: Decimal
    count: int | None = None
    denominator: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class IndicatorSeries:
    indicator: Indicator
    area: Area
    cohort: str
    gender: str
    points: tuple[SeriesPoint, ...]  # by period


@dataclass(frozen=True, slots=True, kw_only=True)
class Picture:
    series: tuple[IndicatorSeries, ...]  # by indicator code, area code, cohort, gender
    # each factor of the series' indicators → the measures targeting it
    measures_by_factor: Mapping[str, tuple[MeasureRef, ...]]
