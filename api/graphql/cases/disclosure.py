"""GraphQL, cases context: disclosure beyond consent — recorded legal bases, break-glass and its
reviews, and the policy's vocabulary; the REST door's use cases and problem codes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

import strawberry

from api.graphql.cases.enums import CaseCategory, LegalBasisEnum
from api.graphql.cases.policy import CasePolicy, current
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.problems import Problems
from api.graphql.shared.resolvers import I, guard
from domain.cases.bases import LegalBasisRecord
from domain.cases.breakglass import BreakGlass
from domain.cases.changes import NewBasis
from domain.cases.views import BreakGlassReview as DReview
from domain.shared.errors import Forbidden


@strawberry.type
class BreakGlassGrant:
    id: UUID
    case_id: UUID
    person_id: UUID
    reason: str
    basis: str
    opened_at: datetime
    expires_at: datetime
    reviewed_at: datetime | None
    reviewed_by: UUID | None
    review_note: str | None
    version: int

    @classmethod
    def of(cls, g: BreakGlass) -> BreakGlassGrant:
        return from_domain(cls, g)


@strawberry.type
class BreakGlassReview:
    grant: BreakGlassGrant
    case_reference: str
    person_name: str | None

    @classmethod
    def of(cls, r: DReview) -> BreakGlassReview:
        return from_domain(cls, r, grant=BreakGlassGrant.of(r.grant))


@strawberry.type
class LegalBasis:
    id: UUID
    case_id: UUID
    basis: str
    recipient_organisation_id: UUID
    categories: list[str]
    justification: str
    recorded_by: UUID | None
    valid_from: date
    valid_to: date | None
    agency_decision_ref: str | None
    recorded_at: datetime | None

    @classmethod
    def of(cls, b: LegalBasisRecord) -> LegalBasis:
        # By hand: the categories are a frozenset, listed sorted so answers are stable.
        return cls(
            id=b.id,
            case_id=b.case_id,
            basis=str(b.basis),
            recipient_organisation_id=b.recipient_organisation_id,
            categories=sorted(str(c) for c in b.categories),
            justification=b.justification,
            recorded_by=b.recorded_by,
            valid_from=b.valid_from,
            valid_to=b.valid_to,
            agency_decision_ref=b.agency_decision_ref,
            recorded_at=b.recorded_at,
        )


@strawberry.input(description="§ 13 b nr. 2, 5 or 6 for one recipient organisation (the lead).")
class LegalBasisInput:
    basis: LegalBasisEnum  # type: ignore[valid-type]
    recipient_organisation_id: UUID
    categories: list[CaseCategory]  # type: ignore[valid-type]
    justification: str
    valid_from: date
    valid_to: date | None = None
    agency_decision_ref: str | None = None

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


BreakGlassResult = Annotated[BreakGlassGrant | Problems, strawberry.union("BreakGlassResult")]
LegalBasisResult = Annotated[LegalBasis | Problems, strawberry.union("LegalBasisResult")]
_POLICY = current()


@strawberry.type
class DisclosureQuery:
    @strawberry.field(description="Every break-glass access of the unit (the access controller).")
    async def break_glass_reviews(self, info: I) -> list[BreakGlassReview]:
        c = info.context
        return [
            BreakGlassReview.of(r) for r in await c.services.cases.break_glass_reviews(c.principal)
        ]

    @strawberry.field(description="The consent and disclosure policy's vocabulary (persons).")
    def case_policy(self, info: I) -> CasePolicy:
        if not info.context.principal.is_person:
            raise Forbidden("Only a person may work with cases.")
        return _POLICY


@strawberry.type
class DisclosureMutation:
    @strawberry.mutation(
        description="Open the case in an emergency with a reason and a basis (a seat in its "
        "executive body or on its team); anyone else gets the case's not-found problem."
    )
    async def open_break_glass(
        self,
        info: I,
        case_id: UUID,
        reason: str,
        basis: LegalBasisEnum,  # type: ignore[valid-type]
    ) -> BreakGlassResult:
        c = info.context
        call = c.services.cases.open_break_glass(c.principal, case_id, reason, basis)
        return await guard(call, BreakGlassGrant.of)

    @strawberry.mutation(description="Record a legal basis besides consent (the case lead).")
    async def record_legal_basis(
        self, info: I, case_id: UUID, input: LegalBasisInput
    ) -> LegalBasisResult:
        c = info.context
        call = c.services.cases.record_legal_basis(c.principal, case_id, input.to_domain())
        return await guard(call, LegalBasis.of)
