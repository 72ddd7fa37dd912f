"""Fakes room: a clock that stands still until a test moves it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


class FakeClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, at: datetime | None = None) -> None:
        self.at = at or datetime(2025, 3, 14, 9, 30, tzinfo=UTC)

    def now(self) -> datetime:
        return self.at

    def today(self) -> date:
        return self.at.date()

    def advance(self, *, days: int = 0, seconds: float = 0) -> None:
        self.at += timedelta(days=days, seconds=seconds)
