"""Cases domain room: what the reads return. Every item about the subject is either ``Shown``
(its value and the ``Permit`` that answers "why can I see this?") or ``Withheld`` (the reason,
category and regime — never the value)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Generic, TypeVar
from uuid import UUID

from domain.cases.access import Action, Outcome
from domain.cases.breakglass import BreakGlass
from domain.cases.case import Case, CaseKind, CaseMember, CaseStatus, MemberRole
from domain.cases.commitment import Commitment
from domain.cases.consent import Consent, ConsentEvent, ConsentStatus
from domain.cases.decision import DenyReason, Permit
from domain.cases.note import DutyAnswer, DutyPrompt, Note
from domain.cases.regimes import Category, SourceRegime
from domain.cases.subject import Guardian

T = TypeVar("T")


@dataclass(frozen=True, slots=True, kw_only=True)
class Shown(Generic[T]):
    value: T = field(repr=False)  # a log line or a traceback never carries the value
    access: Permit


@dataclass(frozen=True, slots=True, kw_only=True)
class Withheld:
    reason: DenyReason
    category: Category
    regime: SourceRegime
    policy_version: str


Field = Shown[T] | Withheld


@dataclass(frozen=True, slots=True, kw_only=True)
class Identity:
    name: str = field(repr=False)
    birth_date: date = field(repr=False)
    age: int = field(repr=False)
    identity_number: str | None = field(repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class SubjectView:
    id: UUID
    version: int
    identity: Field[Identity]
    guardians: Field[tuple[Guardian, ...]]


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberView:
    id: UUID
    role: MemberRole
    organisation_id: UUID | None
    member: Field[CaseMember]  # the name (and person) behind the seat


@dataclass(frozen=True, slots=True, kw_only=True)
class CommitmentView:
    id: UUID
    version: int
    category: Category
    regime: SourceRegime
    commitment: Field[Commitment]  # the structured fields (kind, status, breaches' dates)
    description: Field[str]  # the free text (and the breaches' descriptions with it)


@dataclass(frozen=True, slots=True, kw_only=True)
class NoteView:
    id: UUID
    category: Category
    regime: SourceRegime
    written_at: datetime
    note: Field[Note]
    duty_prompts: tuple[DutyPrompt, ...] = ()  # the guidance shown, to its author only
    duty_answers: tuple[DutyAnswer, ...] = ()  # the author's answers, oldest first


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsentView:
    consent: Consent
    events: tuple[ConsentEvent, ...]
    statuses: dict[SourceRegime, ConsentStatus]  # derived now, per source regime
    chain_ok: bool
    # The child's own view (free text, decided on its own): None when none was recorded; when
    # withheld, ``consent.child_view`` is None too.
    child_view: Field[str] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsentItem:
    id: UUID
    consent: Field[ConsentView]


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseView:
    case: Case
    body_name: str
    my_role: MemberRole | None  # None: reading under break-glass
    my_organisation_id: UUID | None
    break_glass_id: UUID | None
    subject: SubjectView
    team: tuple[MemberView, ...]
    commitments: tuple[CommitmentView, ...]
    notes: tuple[NoteView, ...]
    consents: tuple[ConsentItem, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseSummary:
    id: UUID
    reference: str
    kind: CaseKind
    status: CaseStatus
    body_id: UUID
    body_name: str
    start_on: date
    end_on: date | None
    my_role: MemberRole
    subject_name: Field[str]
    version: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SubjectMatch:
    subject_id: UUID
    cases: tuple[CaseSummary, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsentReminder:
    consent_id: UUID
    case_id: UUID
    reference: str
    kind: str  # expiring | birthday
    due_on: date
    turns: int | None = None  # birthday: the age the subject turns (15, 16 or 18)


@dataclass(frozen=True, slots=True, kw_only=True)
class AccessReportRow:
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


@dataclass(frozen=True, slots=True, kw_only=True)
class AccessReport:
    subject_ref: UUID
    case_id: UUID | None
    rows: tuple[AccessReportRow, ...]
    generated_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class BreakGlassReview:
    grant: BreakGlass
    case_reference: str
    person_name: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseSettings:
    retention_days: int
    policy_version: str
