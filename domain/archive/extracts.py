"""Archive domain room: the Noark 5 deposit extract job (arkivuttrekk) of a unit for a period."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date, datetime
from uuid import UUID

from domain.archive.limits import EXTRACT_MAX_DAYS
from domain.shared.errors import ValidationFailed


class ExtractStatus(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """Records whose date (approved, adopted, signed …) lies in [start, end], both inclusive."""

    start: date
    end: date

    def check(self) -> None:
        if self.end < self.start:
            raise ValidationFailed.single("to", "before-start", "The period ends before it starts.")
        if (self.end - self.start).days > EXTRACT_MAX_DAYS:
            raise ValidationFailed.single(
                "to", "period-too-long", "The period is too long.", {"maxDays": EXTRACT_MAX_DAYS}
            )

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractJob:
    id: UUID
    unit_id: UUID
    period: Period
    status: ExtractStatus
    done: int
    total: int
    created_at: datetime
    finished_at: datetime | None = None
    error: str | None = None  # composed by us, never record content
    size: int | None = None  # bytes of the finished zip

    @property
    def filename(self) -> str:
        return f"arkivuttrekk-{self.period.start.isoformat()}-{self.period.end.isoformat()}.zip"

    def progressed(self, done: int, total: int) -> ExtractJob:
        return replace(self, status=ExtractStatus.RUNNING, done=done, total=total)

    def finished(self, size: int, now: datetime) -> ExtractJob:
        return replace(self, status=ExtractStatus.DONE, done=self.total, size=size, finished_at=now)

    def failed(self, error: str, now: datetime) -> ExtractJob:
        return replace(self, status=ExtractStatus.FAILED, error=error[:500], finished_at=now)
