"""Cases domain room: youth plan commitments (ungdomsplan) with their status and breaches. The
regime is the responsible organisation's; the category follows the kind."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from domain.cases.regimes import Category, CommitmentKind, SourceRegime, category_of

__all__ = ["Breach", "Commitment", "CommitmentKind", "CommitmentStatus", "Consequence"]


class CommitmentStatus(enum.StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    MET = "met"
    BREACHED = "breached"
    ENDED = "ended"


class Consequence(enum.StrEnum):
    WARNING = "warning"
    STRICTER_CONTROL = "stricter_control"
    PLAN_CHANGE = "plan_change"
    TERMINATION = "termination"


@dataclass(frozen=True, slots=True, kw_only=True)
class Breach:
    id: UUID
    occurred_on: date
    description: str = field(repr=False)
    consequence: Consequence
    recorded_by: UUID | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Commitment:
    id: UUID
    case_id: UUID
    kind: CommitmentKind
    description: str = field(repr=False)
    responsible_organisation_id: UUID
    regime: SourceRegime
    status: CommitmentStatus = CommitmentStatus.PLANNED
    breaches: tuple[Breach, ...] = ()
    version: int = 1

    @property
    def category(self) -> Category:
        return category_of(self.kind)
