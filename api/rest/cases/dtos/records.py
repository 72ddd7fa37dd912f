"""REST cases room: legal bases, break-glass grants and their review, the access report ("who
has seen my information"), retention, settings and the policy's vocabulary for the SPA's words."""

from __future__ import annotations

from datetime import date, datetime
from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.cases.dtos import fields
from api.rest.dtos import Dto, Input
from api.rest.inputs import Int, IsoDate
from domain.cases import limits
from domain.cases.access import Action, Outcome
from domain.cases.bases import LegalBasisRecord
from domain.cases.breakglass import BreakGlass
from domain.cases.case import CaseKind
from domain.cases.changes import NewBasis
from domain.cases.policy import RECORDABLE_BASES, LegalBasisCode
from domain.cases.regimes import Category
from domain.cases.retention import RetentionDue
from domain.cases.views import AccessReport, BreakGlassReview, CaseSettings


class LegalBasisCreate(Input):
    """A legal basis other than consent (§ 13 b nr. 2, 5 or 6) for one recipient organisation;
    the case lead records it with a justification (report_offence: the agency's decision)."""

    basis: LegalBasisCode = Field(
        description="same_purpose | necessary_for_own_tasks | report_offence."
    )
    recipient_organisation_id: UUID
    categories: list[Category] = Field(min_length=1, max_length=len(Category))
    justification: str = fields.required_text(
        limits.JUSTIFICATION_MAX, min_length=limits.JUSTIFICATION_MIN
    )
    valid_from: IsoDate
    valid_to: IsoDate | None = None
    agency_decision_ref: str | None = fields.text(limits.REF_MAX)

    def to_domain(self) -> NewBasis:
        return NewBasis(
            basis=self.basis,
            recipient_organisation_id=self.recipient_organisation_id,
            categories=frozenset(self.categories),
            justification=self.justification,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            agency_decision_ref=self.agency_decision_ref,
        )


class LegalBasisRead(Dto):
    id: UUID
    case_id: UUID
    basis: LegalBasisCode
    recipient_organisation_id: UUID
    categories: list[Category]
    justification: str
    recorded_by: UUID | None
    valid_from: date
    valid_to: date | None
    agency_decision_ref: str | None
    recorded_at: datetime | None

    @classmethod
    def of(cls, b: LegalBasisRecord) -> Self:
        return cls(
            id=b.id,
            case_id=b.case_id,
            basis=b.basis,
            recipient_organisation_id=b.recipient_organisation_id,
            categories=sorted(b.categories),
            justification=b.justification,
            recorded_by=b.recorded_by,
            valid_from=b.valid_from,
            valid_to=b.valid_to,
            agency_decision_ref=b.agency_decision_ref,
            recorded_at=b.recorded_at,
        )


class BreakGlassCreate(Input):
    reason: str = fields.required_text(
        limits.BREAK_GLASS_REASON_MAX, min_length=limits.BREAK_GLASS_REASON_MIN
    )
    basis: LegalBasisCode = Field(description="The legal basis you rely on.")


class ReviewCreate(Input):
    note: str = fields.required_text(limits.REVIEW_NOTE_MAX)


class BreakGlassRead(Dto):
    id: UUID
    case_id: UUID
    person_id: UUID
    reason: str
    basis: LegalBasisCode
    opened_at: datetime
    expires_at: datetime
    reviewed_at: datetime | None
    reviewed_by: UUID | None
    review_note: str | None
    version: int


class BreakGlassReviewRead(Dto):
    grant: BreakGlassRead
    case_reference: str
    person_name: str | None

    @classmethod
    def of(cls, r: BreakGlassReview) -> Self:
        return cls(
            grant=BreakGlassRead.from_domain(r.grant),
            case_reference=r.case_reference,
            person_name=r.person_name,
        )


def grant(g: BreakGlass) -> BreakGlassRead:
    return BreakGlassRead.from_domain(g)


class AccessReportRowRead(Dto):
    at: datetime
    actor_name: str | None
    actor_organisation_name: str | None
    actor_role: str | None
    action: Action
    object_type: str
    category: str | None
    basis: str | None
    decision: Outcome
    deny_reason: str | None
    break_glass: bool


class AccessReportRead(Dto):
    subject_ref: UUID = Field(description="The subject's pseudonymous reference.")
    case_id: UUID | None
    rows: list[AccessReportRowRead]
    generated_at: datetime

    @classmethod
    def of(cls, r: AccessReport) -> Self:
        return cls(
            subject_ref=r.subject_ref,
            case_id=r.case_id,
            rows=[AccessReportRowRead.from_domain(x) for x in r.rows],
            generated_at=r.generated_at,
        )


class RetentionDueRead(Dto):
    case_id: UUID
    reference: str
    kind: CaseKind
    closed_on: date
    due_on: date
    version: int = Field(description="The case's version: send it as If-Match to delete it.")

    @classmethod
    def of(cls, r: RetentionDue) -> Self:
        return cls.from_domain(r)


class CaseSettingsRead(Dto):
    retention_days: int = Field(description="Days after closing before a case is due for deletion.")
    policy_version: str

    @classmethod
    def of(cls, s: CaseSettings) -> Self:
        return cls.from_domain(s)


class CaseSettingsUpdate(Input):
    retention_days: Int = Field(ge=limits.RETENTION_DAYS_MIN, le=limits.RETENTION_DAYS_MAX)


RECORDABLE = sorted(RECORDABLE_BASES)
