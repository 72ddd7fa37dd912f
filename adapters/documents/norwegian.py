"""Documents adapter room: dates and times written the Norwegian (bokmål) way, in Oslo time."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")
_WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
_MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)


def long_date(value: date | datetime) -> str:
    """``tirsdag 3. mars 2026`` (a datetime is first put in Oslo time)."""
    day = value.astimezone(OSLO).date() if isinstance(value, datetime) else value
    return f"{_WEEKDAYS[day.weekday()]} {day.day}. {_MONTHS[day.month - 1]} {day.year}"


def short_date(value: date) -> str:
    """``15.01.2027``."""
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def clock(value: datetime) -> str:
    """``18.00``: Norwegian writes the time with a full stop."""
    local = value.astimezone(OSLO)
    return f"{local.hour:02d}.{local.minute:02d}"


def meeting_time(starts_at: datetime, ends_at: datetime | None) -> str:
    """``tirsdag 3. mars 2026, kl. 18.00–20.00`` (the end date too when it is another day)."""
    text = f"{long_date(starts_at)}, kl. {clock(starts_at)}"
    if ends_at is None:
        return text
    if ends_at.astimezone(OSLO).date() == starts_at.astimezone(OSLO).date():
        return f"{text}–{clock(ends_at)}"
    return f"{text} – {long_date(ends_at)}, kl. {clock(ends_at)}"
