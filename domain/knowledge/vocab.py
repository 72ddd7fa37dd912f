"""Knowledge domain room: the context's fixed, versioned vocabularies (codes; the SPA words each)."""

from __future__ import annotations

from dataclasses import dataclass

from domain.measures.factors import PROTECTIVE, RISK

VOCAB_VERSION = "2026-1"

SOURCES = ("ungdata", "fhi", "police", "municipal", "other")
CATEGORIES = (
    "substance_use",
    "crime",
    "school",
    "mental_health",
    "family",
    "leisure",
    "neighbourhood",
    "online",
    "other",
)
MEASURE_UNITS = ("percent", "count", "per_1000", "mean", "other")
FACTORS: tuple[str, ...] = (*RISK, *PROTECTIVE)

AGE_BANDS = ("10-13", "14-15", "16-17", "18-24")  # TREND-A's fixed bands
GRADES = ("grade-5-7", "grade-8-10", "vg1-3")  # Ungdata's levels
ALL = "all"
COHORTS: tuple[str, ...] = (*AGE_BANDS, *GRADES, ALL)
GENDERS = ("female", "male", ALL)

AREA_KINDS = ("municipality", "district")


@dataclass(frozen=True, slots=True, kw_only=True)
class EventCategory:
    """An event category's legal regime (where the record comes from), its disclosure tier
    (``sensitive`` ones appear only in municipality × year tables) and its priority (1 wins as a
    child's primary category in a period)."""

    code: str
    regime: str  # police | child_welfare | health
    tier: str  # normal | sensitive
    priority: int


def _cat(code: str, regime: str, tier: str, priority: int) -> tuple[str, EventCategory]:
    return code, EventCategory(code=code, regime=regime, tier=tier, priority=priority)


EVENT_CATEGORIES: dict[str, EventCategory] = dict(
    [
        _cat("violence", "police", "normal", 1),
        _cat("threats", "police", "normal", 2),
        _cat("drug-offence", "police", "normal", 3),
        _cat("theft", "police", "normal", 4),
        _cat("vandalism", "police", "normal", 5),
        _cat("traffic", "police", "normal", 6),
        _cat("other-offence", "police", "normal", 7),
        _cat("child-welfare-concern", "child_welfare", "sensitive", 8),
        _cat("substance-treatment", "health", "sensitive", 9),
    ]
)
POLICE_CATEGORIES: tuple[str, ...] = tuple(
    c.code for c in EVENT_CATEGORIES.values() if c.regime == "police"
)
SENSITIVE_CATEGORIES: tuple[str, ...] = tuple(
    c.code for c in EVENT_CATEGORIES.values() if c.tier == "sensitive"
)

BOOLEAN_TRUE = ("ja", "true", "1")
BOOLEAN_FALSE = ("nei", "false", "0")


def primary_category(codes: set[str] | frozenset[str]) -> str | None:
    """The highest-priority (lowest number) known category among ``codes``."""
    known = [EVENT_CATEGORIES[c] for c in codes if c in EVENT_CATEGORIES]
    return min(known, key=lambda c: c.priority).code if known else None
