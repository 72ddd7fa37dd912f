"""Cases domain room: retention — when a closed case is due for deletion, and the de-identified
statistics row that is all that remains of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from domain.cases.case import Case, CaseKind, ClosingReason

AGE_BANDS: tuple[tuple[int, int], ...] = ((0, 11), (12, 14), (15, 17), (18, 24), (25, 150))


def due_on(case: Case, retention_days: int) -> date | None:
    """The day a closed case may be deleted; None while it is open."""
    if case.closed_on is None:
        return None
    return case.closed_on + timedelta(days=retention_days)


def is_due(case: Case, retention_days: int, today: date) -> bool:
    due = due_on(case, retention_days)
    return due is not None and due <= today


def age_band(age: int) -> str:
    """A band wide enough not to single anyone out (``15-17``)."""
    for low, high in AGE_BANDS:
        if low <= age <= high:
            return f"{low}-{high}"
    return "unknown"


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseStatistics:
    """What a deleted case leaves: no id, no reference, no dates finer than a year."""

    unit_id: UUID
    kind: CaseKind
    year_opened: int
    year_closed: int | None
    age_band_at_start: str
    closing_reason: ClosingReason | None


@dataclass(frozen=True, slots=True, kw_only=True)
class RetentionDue:
    case_id: UUID
    reference: str
    kind: CaseKind
    closed_on: date
    due_on: date
    version: int = 1  # the case's, for the If-Match of its deletion
