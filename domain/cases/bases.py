"""Cases domain room: a recorded legal basis other than consent (fvl § 13 b nr. 2, 5, 6) for one
recipient organisation and some categories, with the lead's justification and validity."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID

from domain.cases.policy import LegalBasisCode
from domain.cases.regimes import Category


@dataclass(frozen=True, slots=True, kw_only=True)
class LegalBasisRecord:
    id: UUID
    case_id: UUID
    basis: LegalBasisCode
    recipient_organisation_id: UUID
    categories: frozenset[Category]
    justification: str = field(repr=False)
    recorded_by: UUID | None
    valid_from: date
    valid_to: date | None = None
    agency_decision_ref: str | None = None  # report_offence: the agency's own decision
    recorded_at: datetime | None = None

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def covers(self, recipient: UUID | None, category: Category, day: date) -> bool:
        return (
            recipient == self.recipient_organisation_id
            and category in self.categories
            and self.valid_on(day)
        )
