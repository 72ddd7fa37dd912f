"""Cases domain room: the typed inputs and change objects the front doors hand the use cases
(change fields ``UNSET`` unless sent; ``None`` clears an optional one)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from domain.cases.case import CaseKind, MemberRole
from domain.cases.commitment import CommitmentKind, CommitmentStatus, Consequence
from domain.cases.consent import CollectionMethod, Forum, PartyKind, Purpose
from domain.cases.note import DutyTag
from domain.cases.policy import LegalBasisCode
from domain.cases.regimes import Category
from domain.shared.changes import UNSET, Changes, Unset


@dataclass(frozen=True, slots=True, kw_only=True)
class GuardianInput:
    """A guardian as sent: without an id it is new; with one it keeps it."""

    id: UUID | None = None
    name: str = field(repr=False)
    parental_responsibility: bool
    relation: str
    phone: str | None = field(default=None, repr=False)
    email: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class NewSubject:
    name: str = field(repr=False)
    birth_date: date = field(repr=False)
    identity_number: str | None = field(default=None, repr=False)
    guardians: tuple[GuardianInput, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenCase:
    """``subject``: a new subject, or the id of one already registered in the unit."""

    body_id: UUID
    kind: CaseKind
    start_on: date
    end_on: date | None = None
    subject: NewSubject | UUID
    organisation_id: UUID  # the organisation the creator represents on the case


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseChanges(Changes):
    kind: CaseKind | Unset = UNSET
    start_on: date | Unset = UNSET
    end_on: date | Unset | None = UNSET


@dataclass(frozen=True, slots=True, kw_only=True)
class SubjectChanges(Changes):
    name: str | Unset = UNSET
    birth_date: date | Unset = UNSET
    identity_number: str | Unset | None = UNSET
    guardians: tuple[GuardianInput, ...] | Unset = UNSET


@dataclass(frozen=True, slots=True, kw_only=True)
class NewMember:
    """A seat: a person of the unit (``person_id``), or a named private-network member."""

    person_id: UUID | None = None
    name: str | None = field(default=None, repr=False)  # required without a person
    organisation_id: UUID | None = None  # None: a private-network member
    role: MemberRole = MemberRole.MEMBER


@dataclass(frozen=True, slots=True, kw_only=True)
class NewCommitment:
    kind: CommitmentKind
    description: str = field(repr=False)
    responsible_organisation_id: UUID
    status: CommitmentStatus = CommitmentStatus.PLANNED


@dataclass(frozen=True, slots=True, kw_only=True)
class CommitmentChanges(Changes):
    description: str | Unset = UNSET
    status: CommitmentStatus | Unset = UNSET
    responsible_organisation_id: UUID | Unset = UNSET


@dataclass(frozen=True, slots=True, kw_only=True)
class NewBreach:
    occurred_on: date
    description: str = field(repr=False)
    consequence: Consequence


@dataclass(frozen=True, slots=True, kw_only=True)
class NewNote:
    """``category`` is the author's; the regime follows the author's organisation on the case."""

    category: Category
    text: str = field(repr=False)
    duty_tags: frozenset[DutyTag] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class NewParty:
    kind: PartyKind
    guardian_id: UUID | None = None
    identity_verified_by: str


@dataclass(frozen=True, slots=True, kw_only=True)
class NewConsent:
    purposes: frozenset[Purpose] = frozenset({Purpose.FOLLOW_UP})
    allowed_categories: frozenset[Category]
    excluded_categories: frozenset[Category] = frozenset()
    source_organisation_ids: frozenset[UUID]
    recipient_organisation_ids: frozenset[UUID]
    forums: frozenset[Forum] = frozenset({Forum.FOLLOW_UP_TEAM})
    valid_from: date
    valid_to: date | None = None
    onward_sharing: bool = False
    notice_version: str
    notice_language: str = "nb"
    notice_sha256: str
    easy_read: bool = False
    parties: tuple[NewParty, ...]
    method: CollectionMethod
    child_view: str | None = field(default=None, repr=False)
    collected_by_organisation_id: UUID


@dataclass(frozen=True, slots=True, kw_only=True)
class NewBasis:
    basis: LegalBasisCode
    recipient_organisation_id: UUID
    categories: frozenset[Category]
    justification: str = field(repr=False)
    valid_from: date
    valid_to: date | None = None
    agency_decision_ref: str | None = None
