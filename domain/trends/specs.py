"""Trends domain room: the fixed, versioned TREND-A table specifications (TABLES_VERSION)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from domain.knowledge.periods import Grain
from domain.knowledge.vocab import AGE_BANDS, EVENT_CATEGORIES, POLICE_CATEGORIES

TABLES_VERSION: Final = "2026-1"

MUNICIPALITY: Final = "municipality"
CATEGORY: Final = "category"
AGE_BAND: Final = "age_band"
AREA: Final = "area"
ALL_AGES: Final = "10-24"  # the population key of a whole cohort (AGE_BANDS together)
OTHER: Final = "other"  # what coarsening merges categories and age bands into
NORMAL: Final = "normal"
SENSITIVE: Final = "sensitive"


def rest_area(municipality: str) -> str:
    """The cell areas below the floor are merged into: ``<municipality>-rest``."""
    return f"{municipality}-rest"


@dataclass(frozen=True, slots=True, kw_only=True)
class TableSpec:
    """One published table. ``dimensions`` always start with the municipality (its totals are
    the table's margin); a second dimension, if any, is ``category``, ``age_band`` or ``area``.
    Cells count distinct children per period; a child-period's primary category is the highest
    priority among ``categories`` it has, its age band and area those of its earliest event of
    that category in the period. ``shares_totals``: the municipality totals are one quantity
    across the tables that set it (the same children), so the audit links them."""

    code: str
    title: str
    grain: Grain
    dimensions: tuple[str, ...]
    categories: tuple[str, ...]
    tier: str
    shares_totals: bool

    @property
    def second(self) -> str | None:
        return self.dimensions[1] if len(self.dimensions) > 1 else None

    @property
    def values(self) -> tuple[str, ...]:
        """The fixed values of the second dimension (areas come from the population vintage)."""
        if self.second == CATEGORY:
            return self.categories
        if self.second == AGE_BAND:
            return AGE_BANDS
        return ()


def _spec(
    code: str, title: str, grain: Grain, second: str | None, categories: tuple[str, ...]
) -> TableSpec:
    tiers = {EVENT_CATEGORIES[c].tier for c in categories}
    return TableSpec(
        code=code,
        title=title,
        grain=grain,
        dimensions=(MUNICIPALITY, second) if second else (MUNICIPALITY,),
        categories=categories,
        tier=SENSITIVE if SENSITIVE in tiers else NORMAL,
        shares_totals=categories == POLICE_CATEGORIES,
    )


TABLES: Final[tuple[TableSpec, ...]] = (
    _spec(
        "offences-by-category",
        "Children with offences by category",
        Grain.HALF,
        CATEGORY,
        POLICE_CATEGORIES,
    ),
    _spec(
        "offences-by-age",
        "Children with offences by age band",
        Grain.HALF,
        AGE_BAND,
        POLICE_CATEGORIES,
    ),
    _spec(
        "offences-by-area", "Children with offences by area", Grain.HALF, AREA, POLICE_CATEGORIES
    ),
    _spec(
        "child-welfare-concerns",
        "Children with child-welfare concerns",
        Grain.YEAR,
        None,
        ("child-welfare-concern",),
    ),
    _spec(
        "substance-treatment",
        "Children in substance-use treatment",
        Grain.YEAR,
        None,
        ("substance-treatment",),
    ),
)
BY_CODE: Final[dict[str, TableSpec]] = {t.code: t for t in TABLES}


def of_grain(grain: Grain) -> tuple[TableSpec, ...]:
    """The tables one release of a period of ``grain`` builds together."""
    return tuple(t for t in TABLES if t.grain is grain)


def tier_violations(spec: TableSpec) -> list[str]:
    """Why ``spec`` breaks the tier rules (empty when it obeys them): at most two dimensions
    besides the period, at least a half-year, and sensitive categories (health or child welfare
    sourced) only in municipality x year tables, never mixed with normal ones."""
    problems: list[str] = []
    if not 1 <= len(spec.dimensions) <= 2 or spec.dimensions[0] != MUNICIPALITY:
        problems.append("dimensions")
    if spec.grain not in (Grain.HALF, Grain.YEAR):
        problems.append("period-too-short")
    tiers = {EVENT_CATEGORIES[c].tier for c in spec.categories}
    if SENSITIVE in tiers and (
        tiers != {SENSITIVE} or spec.grain is not Grain.YEAR or spec.dimensions != (MUNICIPALITY,)
    ):
        problems.append("sensitive-tier")
    return problems
