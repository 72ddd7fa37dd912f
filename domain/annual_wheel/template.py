"""Annual-wheel domain room: the template aggregate — one recurring task of the wheel."""

from __future__ import annotations

import calendar
import enum
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.annual_wheel.limits import TEXT_MAX, TITLE_MAX, YEAR_MAX, YEAR_MIN
from domain.organisation.model import Level
from domain.shared import validation as v
from domain.shared.errors import Errors


class OwnerRole(enum.StrEnum):
    """Who owns the generated task: the unit's coordinator, or the chair or secretary of the body
    at the template's level (resolved on the due date)."""

    COORDINATOR = "coordinator"
    CHAIR = "chair"
    SECRETARY = "secretary"


def year_in_range(e: Errors, year: int) -> None:
    if not YEAR_MIN <= year <= YEAR_MAX:
        e.add(
            "year",
            "out-of-range",
            f"A year from {YEAR_MIN} to {YEAR_MAX}.",
            {"min": YEAR_MIN, "max": YEAR_MAX},
        )


def check_year(year: int) -> None:
    e = Errors()
    year_in_range(e, year)
    e.raise_if_any()


@dataclass(frozen=True, slots=True, kw_only=True)
class WheelTemplate:
    """A recurring task: in ``month`` (on ``day``, else by the month's last day), owned by
    ``owner_role`` at ``body_level`` (None: the unit as a whole, e.g. the annual gathering)."""

    id: UUID
    unit_id: UUID
    title: str
    month: int
    owner_role: OwnerRole
    day: int | None = None
    body_level: Level | None = None
    description: str | None = None
    active: bool = True
    version: int = 1

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        v.text(e, "title", self.title, required=True, max_len=TITLE_MAX)
        v.text(e, "description", self.description, required=False, max_len=TEXT_MAX)
        if not 1 <= self.month <= 12:
            e.add("month", "out-of-range", "A month from 1 to 12.", {"min": 1, "max": 12})
        elif self.day is not None and not 1 <= self.day <= _longest(self.month):
            e.add(
                "day",
                "out-of-range",
                "A day the month has.",
                {"min": 1, "max": _longest(self.month)},
            )
        if self.owner_role is not OwnerRole.COORDINATOR and self.body_level is None:
            e.add("bodyLevel", "required", "A chair or secretary belongs to a body's level.")
        e.raise_if_any()

    def due(self, year: int) -> date:
        """The task's date in ``year``: its day (29 February falls on the 28th in a common
        year), else the last day of the month."""
        last = calendar.monthrange(year, self.month)[1]
        return date(year, self.month, min(self.day or last, last))


def _longest(month: int) -> int:
    return calendar.monthrange(2024, month)[1]  # a leap year: 29 February is a valid template day
