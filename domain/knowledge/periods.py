"""Knowledge domain room: reporting periods — a year (``2025``), a half-year (``2025H1``) or a
quarter (``2025Q3``). ``end`` is exclusive. Observations use any grain; TREND-A uses H and year."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date

from domain.knowledge.limits import YEAR_MAX, YEAR_MIN
from domain.shared.errors import ValidationFailed

BAD_PERIOD = "bad-period"  # a file's cell (rows.py)
FORMAT = "format"  # a field of a request (the SPA words the house's code)
_PATTERN = re.compile(r"^([0-9]{4})(?:([HQ])([1-4]))?$")


class Grain(enum.StrEnum):
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"


_MONTHS = {Grain.YEAR: 12, Grain.HALF: 6, Grain.QUARTER: 3}
_LETTER = {Grain.HALF: "H", Grain.QUARTER: "Q"}


@dataclass(frozen=True, slots=True)
class Period:
    """``index`` counts from 1 within the year (always 1 for a year)."""

    year: int
    grain: Grain = Grain.YEAR
    index: int = 1

    def __post_init__(self) -> None:
        per_year = 12 // _MONTHS[self.grain]
        if not (YEAR_MIN <= self.year <= YEAR_MAX and 1 <= self.index <= per_year):
            raise ValueError(f"no such period: {self.year} {self.grain} {self.index}")

    @classmethod
    def try_parse(cls, text: str) -> Period | None:
        """``None`` for anything that is not a period (the row validator's use)."""
        m = _PATTERN.match(text.strip().upper()) if len(text) <= 16 else None
        if m is None:
            return None
        year, letter, number = int(m.group(1)), m.group(2), m.group(3)
        grain = Grain.YEAR if letter is None else Grain.HALF if letter == "H" else Grain.QUARTER
        try:
            return cls(year, grain, int(number) if number else 1)
        except ValueError:
            return None

    @classmethod
    def parse(cls, text: str, field: str = "period") -> Period:
        """Raise ``ValidationFailed`` (code ``format``) naming ``field``."""
        period = cls.try_parse(text)
        if period is None:
            raise ValidationFailed.single(
                field, FORMAT, "A period is YYYY, YYYYH1/H2 or YYYYQ1..Q4."
            )
        return period

    def __str__(self) -> str:
        if self.grain is Grain.YEAR:
            return f"{self.year:04d}"
        return f"{self.year:04d}{_LETTER[self.grain]}{self.index}"

    @property
    def months(self) -> int:
        return _MONTHS[self.grain]

    @property
    def start(self) -> date:
        return date(self.year, 1 + (self.index - 1) * self.months, 1)

    @property
    def end(self) -> date:
        """The first day after the period."""
        month = 1 + self.index * self.months
        return date(self.year + 1, 1, 1) if month > 12 else date(self.year, month, 1)

    def contains(self, other: date | Period) -> bool:
        if isinstance(other, Period):
            return self.start <= other.start and other.end <= self.end
        return self.start <= other < self.end

    def overlaps(self, other: Period) -> bool:
        return self.start < other.end and other.start < self.end

    def ended(self, today: date) -> bool:
        """Whether the period is over on ``today`` (only ended periods are released)."""
        return self.end <= today

    def previous(self) -> Period:
        if self.index > 1:
            return Period(self.year, self.grain, self.index - 1)
        return Period(self.year - 1, self.grain, 12 // self.months)

    def next(self) -> Period:
        if self.index < 12 // self.months:
            return Period(self.year, self.grain, self.index + 1)
        return Period(self.year + 1, self.grain, 1)

    def sort_key(self) -> tuple[date, date]:
        return (self.start, self.end)

    def __lt__(self, other: Period) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: Period) -> bool:
        return self.sort_key() <= other.sort_key()


def of_date(day: date, grain: Grain) -> Period:
    """The period of ``grain`` that holds ``day``."""
    return Period(day.year, grain, 1 + (day.month - 1) // _MONTHS[grain])
