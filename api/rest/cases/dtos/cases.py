"""REST cases room: the case — opened (with a new or registered subject), changed, closed — and
its reads: the list's summary and the whole case with every item shown or withheld."""

from __future__ import annotations

from datetime import date, datetime
from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.cases.dtos.access import AccessRead, Shown, WithheldRead, render
from api.rest.cases.dtos.consents import ConsentItemRead
from api.rest.cases.dtos.notes import CaseNoteRead
from api.rest.cases.dtos.plan import CommitmentRead
from api.rest.cases.dtos.subjects import SubjectCreate, SubjectRead
from api.rest.cases.dtos.team import MemberRead
from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import IsoDate, optional
from domain.cases.case import CaseKind, CaseStatus, ClosingReason, MemberRole
from domain.cases.changes import CaseChanges, OpenCase
from domain.cases.views import CaseSummary, CaseView
from domain.cases.views import Shown as ShownItem
from domain.shared.errors import ValidationFailed


class CaseCreate(Input):
    """Open a case on an executive body: with a NEW subject (``subject``) or one already
    registered in the unit (``subjectId``), exactly one of them."""

    body_id: UUID
    kind: CaseKind
    start_on: IsoDate
    end_on: IsoDate | None = Field(default=None, description="Youth kinds: within their maximum.")
    organisation_id: UUID = Field(description="The organisation you represent on the case.")
    subject: SubjectCreate | None = None
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


class CaseUpdate(Update):
    kind: CaseKind = optional()
    start_on: IsoDate = optional()
    end_on: IsoDate | None = None

    def to_changes(self) -> CaseChanges:
        return CaseChanges(**self.changes())


class ClosureCreate(Input):
    reason: ClosingReason


class NameRead(Shown):
    name: str

    @classmethod
    def of(cls, s: ShownItem[str]) -> Self:
        return cls(access=AccessRead.of(s.access), name=s.value)


class CaseSummaryRead(Dto):
    id: UUID
    reference: str = Field(description="SAK-<year>-<seq>: no personal data.")
    kind: CaseKind
    status: CaseStatus
    body_id: UUID
    body_name: str
    start_on: date
    end_on: date | None
    my_role: MemberRole
    subject: NameRead | WithheldRead = Field(description="The subject's name, if you may see it.")
    version: int

    @classmethod
    def of(cls, s: CaseSummary) -> Self:
        return cls(
            id=s.id,
            reference=s.reference,
            kind=s.kind,
            status=s.status,
            body_id=s.body_id,
            body_name=s.body_name,
            start_on=s.start_on,
            end_on=s.end_on,
            my_role=s.my_role,
            subject=render(s.subject_name, NameRead.of),
            version=s.version,
        )


class CaseRead(Dto):
    id: UUID
    reference: str
    kind: CaseKind
    status: CaseStatus
    body_id: UUID
    body_name: str
    organisation_id: UUID = Field(description="The organisation that opened the case.")
    start_on: date
    end_on: date | None
    closed_on: date | None
    closing_reason: ClosingReason | None
    created_at: datetime | None
    version: int
    my_role: MemberRole | None = Field(description="null: you read under break-glass.")
    my_organisation_id: UUID | None
    break_glass_id: UUID | None = Field(description="Your active break-glass grant, if any.")
    subject: SubjectRead
    team: list[MemberRead]
    commitments: list[CommitmentRead]
    notes: list[CaseNoteRead]
    consents: list[ConsentItemRead]

    @classmethod
    def of(cls, v: CaseView) -> Self:
        c = v.case
        return cls(
            id=c.id,
            reference=c.reference,
            kind=c.kind,
            status=c.status,
            body_id=c.body_id,
            body_name=v.body_name,
            organisation_id=c.organisation_id,
            start_on=c.start_on,
            end_on=c.end_on,
            closed_on=c.closed_on,
            closing_reason=c.closing_reason,
            created_at=c.created_at,
            version=c.version,
            my_role=v.my_role,
            my_organisation_id=v.my_organisation_id,
            break_glass_id=v.break_glass_id,
            subject=SubjectRead.of(v.subject),
            team=[MemberRead.of(m) for m in v.team],
            commitments=[CommitmentRead.of(m) for m in v.commitments],
            notes=[CaseNoteRead.of(n) for n in v.notes],
            consents=[ConsentItemRead.of(i) for i in v.consents],
        )
