"""Knowledge domain room: what the reads take — indicator and observation filters and the
situational picture's query (codes and periods already checked by the use cases)."""

from __future__ import annotations

from dataclasses import dataclass

from domain.knowledge.periods import Period


@dataclass(frozen=True, slots=True, kw_only=True)
class IndicatorFilter:
    category: str | None = None
    source: str | None = None
    factor: str | None = None
    search: str | None = None  # in code or name, case-insensitive


@dataclass(frozen=True, slots=True, kw_only=True)
class ObservationFilter:
    """Empty tuples: no restriction. Periods: observations whose period lies within
    [``period_from``.start, ``period_to``.end)."""

    indicator_codes: tuple[str, ...] = ()
    area_codes: tuple[str, ...] = ()
    cohorts: tuple[str, ...] = ()
    genders: tuple[str, ...] = ()
    period_from: Period | None = None
    period_to: Period | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PictureQuery:
    indicator_codes: tuple[str, ...] | None = None  # None: every indicator
    area_code: str | None = None  # None: every area
    cohort: str | None = None  # None: every cohort
    period_from: Period | None = None
    period_to: Period | None = None

    def as_filter(self) -> ObservationFilter:
        return ObservationFilter(
            indicator_codes=self.indicator_codes or (),
            area_codes=(self.area_code,) if self.area_code else (),
            cohorts=(self.cohort,) if self.cohort else (),
            period_from=self.period_from,
            period_to=self.period_to,
        )
