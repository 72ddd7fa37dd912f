"""Measures domain room: what a measure list may be filtered by (the board, the lists, the CSV)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from domain.measures.limits import TITLE_MAX
from domain.measures.measure import Tier
from domain.measures.stage import Stage
from domain.shared import validation as v
from domain.shared.errors import Errors


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureFilter:
    stages: frozenset[Stage] = frozenset()  # empty: every stage
    tier: Tier | None = None
    focus_area_id: UUID | None = None
    goal_id: UUID | None = None
    owner_id: UUID | None = None
    without_owner: bool = False  # running or decided measures that nobody owns
    q: str | None = None  # words of the title (never logged: it is free text)

    def __post_init__(self) -> None:
        """The search is checked here, whichever door it came through (a NUL byte or an
        overlong search is a field error, never a database error)."""
        if self.q is None:
            return
        e = Errors()
        if len(self.q) > TITLE_MAX:
            e.add("q", "too-long", f"At most {TITLE_MAX} characters.", {"max": TITLE_MAX})
        v.characters(e, "q", self.q)
        e.raise_if_any()


@dataclass(frozen=True, slots=True, kw_only=True)
class PortfolioCell:
    """Count of measures per focus area (None: none given) × tier × stage, with their budget."""

    focus_area_id: UUID | None
    tier: Tier
    stage: Stage
    count: int
    budget_nok: int
