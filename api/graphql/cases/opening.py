"""GraphQL, cases context: opening a case and registering a consent — the REST door's use cases
(``open_case``, ``register_consent``), inputs mapped the same way, errors as problem members."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

import strawberry

from api.graphql.cases import types as t
from api.graphql.cases.case import Case
from api.graphql.cases.enums import (
    CaseCategory,
    CaseKindEnum,
    ForumEnum,
    MethodEnum,
    PartyKindEnum,
    PurposeEnum,
)
from api.graphql.shared.problems import Problems, problem_of
from api.graphql.shared.resolvers import I, guard
from domain.cases.changes import (
    GuardianInput,
    NewConsent,
    NewParty,
    NewSubject,
    OpenCase,
)
from domain.cases.consent import Forum, Purpose
from domain.shared.errors import ValidationFailed

OpenCaseResult = Annotated[Case | Problems, strawberry.union("OpenCaseResult")]
RegisterConsentResult = Annotated[
    t.ConsentDetails | Problems, strawberry.union("RegisterConsentResult")
]


@strawberry.input
class CaseGuardianInput:
    name: str
    parental_responsibility: bool
    relation: str
    phone: str | None = None
    email: str | None = None


@strawberry.input
class NewSubjectInput:
    name: str
    birth_date: date
    identity_number: str | None = None
    guardians: list[CaseGuardianInput] | None = None

    def to_domain(self) -> NewSubject:
        return NewSubject(
            name=self.name,
            birth_date=self.birth_date,
            identity_number=self.identity_number,
            guardians=tuple(
                GuardianInput(
                    name=g.name,
                    parental_responsibility=g.parental_responsibility,
                    relation=g.relation,
                    phone=g.phone,
                    email=g.email,
                )
                for g in self.guardians or ()
            ),
        )


@strawberry.input(description="Exactly one of `subject` (a new one) or `subjectId`.")
class OpenCaseInput:
    body_id: UUID
    kind: CaseKindEnum  # type: ignore[valid-type]
    start_on: date
    organisation_id: UUID = strawberry.field(description="The organisation you represent.")
    end_on: date | None = None
    subject: NewSubjectInput | None = None
    subject_id: UUID | None = None

    def to_domain(self) -> OpenCase:
        if (self.subject is None) == (self.subject_id is None):
            raise ValidationFailed.single(
                "subject", "required", "Send either subject (a new one) or subjectId."
            )
        subject = self.subject.to_domain() if self.subject is not None else self.subject_id
        assert subject is not None
        return OpenCase(
            body_id=self.body_id,
            kind=self.kind,
            start_on=self.start_on,
            end_on=self.end_on,
            subject=subject,
            organisation_id=self.organisation_id,
        )


@strawberry.input
class ConsentPartyInput:
    kind: PartyKindEnum  # type: ignore[valid-type]
    identity_verified_by: str
    guardian_id: UUID | None = None


@strawberry.input(description="As REST's consent registration; nothing is shared until given.")
class RegisterConsentInput:
    allowed_categories: list[CaseCategory]  # type: ignore[valid-type]
    source_organisation_ids: list[UUID]
    recipient_organisation_ids: list[UUID]
    valid_from: date
    notice_version: str
    notice_sha256: str
    parties: list[ConsentPartyInput]
    method: MethodEnum  # type: ignore[valid-type]
    collected_by_organisation_id: UUID
    purposes: list[PurposeEnum] | None = None  # type: ignore[valid-type]
    excluded_categories: list[CaseCategory] | None = None  # type: ignore[valid-type]
    forums: list[ForumEnum] | None = None  # type: ignore[valid-type]
    valid_to: date | None = None
    onward_sharing: bool = False
    notice_language: str = "nb"
    easy_read: bool = False
    child_view: str | None = None

    def to_domain(self) -> NewConsent:
        return NewConsent(
            purposes=frozenset(self.purposes or (Purpose.FOLLOW_UP,)),
            allowed_categories=frozenset(self.allowed_categories),
            excluded_categories=frozenset(self.excluded_categories or ()),
            source_organisation_ids=frozenset(self.source_organisation_ids),
            recipient_organisation_ids=frozenset(self.recipient_organisation_ids),
            forums=frozenset(self.forums or (Forum.FOLLOW_UP_TEAM,)),
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            onward_sharing=self.onward_sharing,
            notice_version=self.notice_version,
            notice_language=self.notice_language,
            notice_sha256=self.notice_sha256,
            easy_read=self.easy_read,
            parties=tuple(
                NewParty(
                    kind=p.kind,
                    guardian_id=p.guardian_id,
                    identity_verified_by=p.identity_verified_by,
                )
                for p in self.parties
            ),
            method=self.method,
            child_view=self.child_view,
            collected_by_organisation_id=self.collected_by_organisation_id,
        )


@strawberry.type
class OpeningMutation:
    @strawberry.mutation(
        description="Open a case on an executive body where you have a seat; you become its "
        "lead. A steering or coordinating body is the case-body-not-executive problem."
    )
    async def open_case(self, info: I, input: OpenCaseInput) -> OpenCaseResult:
        c = info.context
        try:
            cmd = input.to_domain()
        except ValidationFailed as exc:
            return problem_of(exc)
        return await guard(c.services.cases.open_case(c.principal, cmd), Case.of)

    @strawberry.mutation(
        description="Register a consent collected by the organisation you represent on the case."
    )
    async def register_consent(
        self, info: I, case_id: UUID, input: RegisterConsentInput
    ) -> RegisterConsentResult:
        c = info.context
        call = c.services.cases.register_consent(c.principal, case_id, input.to_domain())
        return await guard(call, lambda v: t.consent_details(v, None))
