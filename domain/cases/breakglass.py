"""Cases domain room: break-glass access — reasoned, time-boxed, notified and reviewed later."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from domain.cases.policy import LegalBasisCode


@dataclass(frozen=True, slots=True, kw_only=True)
class BreakGlass:
    id: UUID
    case_id: UUID
    person_id: UUID
    reason: str = field(repr=False)
    basis: LegalBasisCode
    opened_at: datetime
    expires_at: datetime
    reviewed_at: datetime | None = None
    reviewed_by: UUID | None = None
    review_note: str | None = field(default=None, repr=False)
    version: int = 1

    def active_at(self, at: datetime) -> bool:
        return self.opened_at <= at < self.expires_at

    @property
    def reviewed(self) -> bool:
        return self.reviewed_at is not None
