"""Annual-wheel domain room: meeting-norm compliance of one body in one year (a pure function).

The handbook says "bør" (2.1: steering at least four times a year, coordinating monthly), so
this warns and never forbids. Counted: meetings held in the year, and meetings planned from
today on (a planned date already past that was never recorded as held counts for nothing, and
is warned about). Status:
- ``ok``: held + planned reach the norm;
- ``at_risk``: they do not, but the rest of the year still has room (warning ``unplanned``);
- ``missed``: the year is over short of the norm, or the remaining calendar cannot hold the
  meetings still needed (warning ``unreachable``): a body meets at most once per
  ``min_gap_days`` (a week, or the norm's own cadence when that is denser).
- ``not_applicable``: the body has no norm (the executive level).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from domain.organisation.model import DEFAULT_MEETING_NORM, Body

WEEK = 7


class NormStatus(enum.StrEnum):
    OK = "ok"
    AT_RISK = "at_risk"
    MISSED = "missed"
    NOT_APPLICABLE = "not_applicable"


class NormWarning(enum.StrEnum):
    UNPLANNED = "unplanned"  # more meetings are needed than are planned
    UNREACHABLE = "unreachable"  # the rest of the year cannot hold them
    UNRECORDED = "unrecorded"  # planned dates passed without being recorded as held


@dataclass(frozen=True, slots=True, kw_only=True)
class Compliance:
    year: int
    norm: int | None
    held: int
    planned: int  # from today on
    needed: int  # beyond held and planned
    possible: int  # the most meetings the year can still reach (held + room left)
    unrecorded: int
    status: NormStatus
    warnings: tuple[NormWarning, ...]


def effective_norm(body: Body) -> int | None:
    """The body's own norm, else the handbook's default for its level (executive: none)."""
    if body.meeting_norm_per_year is not None:
        return body.meeting_norm_per_year
    return DEFAULT_MEETING_NORM[body.level]


def min_gap(norm: int) -> int:
    """Days between two meetings at the densest: a week, or the norm's own cadence if denser."""
    return max(1, min(WEEK, 365 // norm))


def compliance(
    norm: int | None,
    held: Iterable[date],
    planned: Iterable[date],
    today: date,
    year: int,
) -> Compliance:
    held_n = sum(1 for d in held if d.year == year)
    in_year = [d for d in planned if d.year == year]
    ahead = [d for d in in_year if d >= today]
    unrecorded = len(in_year) - len(ahead)
    warnings = [NormWarning.UNRECORDED] if unrecorded else []
    end = date(year, 12, 31)
    days_left = 0 if today > end else (end - max(today, date(year, 1, 1))).days + 1
    if norm is None:
        return Compliance(
            year=year,
            norm=None,
            held=held_n,
            planned=len(ahead),
            needed=0,
            possible=held_n + len(ahead),
            unrecorded=unrecorded,
            status=NormStatus.NOT_APPLICABLE,
            warnings=tuple(warnings),
        )
    room = math.ceil(days_left / min_gap(norm))
    possible = held_n + max(len(ahead), room)
    needed = max(0, norm - held_n - len(ahead))
    if needed == 0:
        status = NormStatus.OK
    elif possible < norm:
        status = NormStatus.MISSED
        warnings += [NormWarning.UNPLANNED, NormWarning.UNREACHABLE]
    else:
        status = NormStatus.AT_RISK
        warnings.append(NormWarning.UNPLANNED)
    return Compliance(
        year=year,
        norm=norm,
        held=held_n,
        planned=len(ahead),
        needed=needed,
        possible=possible,
        unrecorded=unrecorded,
        status=status,
        warnings=tuple(warnings),
    )
