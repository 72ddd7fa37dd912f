"""Cases domain room: the case (on an executive body), its kinds with their maximum length, and
its team — the only people who see that the case exists."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Final
from uuid import UUID


class CaseKind(enum.StrEnum):
    FOLLOW_UP_TEAM = "follow_up_team"
    YOUTH_FOLLOW_UP = "youth_follow_up"  # ungdomsoppfølging: 15-17 at start, at most 1 year
    YOUTH_SENTENCE = "youth_sentence"  # ungdomsstraff: 15-17 at start, at most 3 years
    OTHER = "other"


MAX_YEARS: Final[dict[CaseKind, int]] = {CaseKind.YOUTH_FOLLOW_UP: 1, CaseKind.YOUTH_SENTENCE: 3}
YOUTH_KINDS: Final = frozenset(MAX_YEARS)
YOUTH_AGE_MIN, YOUTH_AGE_MAX = 15, 17  # the subject's age on the start date


class CaseStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class ClosingReason(enum.StrEnum):
    GOALS_MET = "goals_met"
    PLAN_COMPLETED = "plan_completed"
    TERMINATED = "terminated"  # e.g. after breaches of a youth plan
    MOVED = "moved"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    TRANSFERRED = "transferred"
    OTHER = "other"


class MemberRole(enum.StrEnum):
    LEAD = "lead"
    MEMBER = "member"


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    id: UUID
    unit_id: UUID
    reference: str  # SAK-<year>-<seq per unit>: no personal data
    subject_id: UUID
    body_id: UUID
    kind: CaseKind
    organisation_id: UUID  # the organisation that opened the case: the source of its identity data
    start_on: date
    end_on: date | None = None
    status: CaseStatus = CaseStatus.OPEN
    closed_on: date | None = None
    closing_reason: ClosingReason | None = None
    version: int = 1
    created_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.status is CaseStatus.OPEN


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseMember:
    """A seat on the case's team. ``person_id`` None: a private-network member without an account
    (named, never a reader)."""

    id: UUID
    case_id: UUID
    person_id: UUID | None
    name: str = field(repr=False)
    organisation_id: UUID | None  # the organisation the member represents (None: private network)
    role: MemberRole = MemberRole.MEMBER


def reference(year: int, seq: int) -> str:
    return f"SAK-{year}-{seq:04d}"
