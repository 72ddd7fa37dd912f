"""REST cases room: consent — registered with its scope, notice and parties; its events (given,
refused, withdrawn, expired) appended per party; read with the status derived per source regime."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Self
from uuid import UUID

from pydantic import Field

from api.rest.cases.dtos import fields
from api.rest.cases.dtos.access import AccessRead, Shown, WithheldRead, render
from api.rest.dtos import Dto, Input
from api.rest.inputs import Bool, Int, IsoDate
from domain.cases import limits
from domain.cases.changes import NewConsent, NewParty
from domain.cases.consent import (
    CollectionMethod,
    ConsentEvent,
    ConsentState,
    ConsentStatus,
    EventKind,
    Forum,
    PartyKind,
    Purpose,
)
from domain.cases.regimes import Category, SourceRegime
from domain.cases.views import ConsentItem, ConsentReminder, ConsentView
from domain.cases.views import Shown as ShownItem

SHA256_PATTERN = r"^[0-9a-f]{64}$"
LANGUAGE_PATTERN = r"^(nb|nn|en|se)$"


class PartyIn(Input):
    kind: PartyKind
    guardian_id: UUID | None = Field(default=None, description="A guardian party: which one.")
    identity_verified_by: str = fields.required_text(
        limits.VERIFIED_BY_MAX, description="How identity was verified (ID card, BankID, …)."
    )

    def to_domain(self) -> NewParty:
        return NewParty(
            kind=self.kind,
            guardian_id=self.guardian_id,
            identity_verified_by=self.identity_verified_by,
        )


def _set(values: list) -> frozenset:  # type: ignore[type-arg]
    return frozenset(values)


class ConsentCreate(Input):
    purposes: list[Purpose] = Field(
        default_factory=lambda: [Purpose.FOLLOW_UP], min_length=1, max_length=len(Purpose)
    )
    allowed_categories: list[Category] = Field(min_length=1, max_length=len(Category))
    excluded_categories: list[Category] = fields.items(len(Category))
    source_organisation_ids: list[UUID] = Field(
        min_length=1, max_length=limits.SCOPE_ORGANISATIONS_MAX
    )
    recipient_organisation_ids: list[UUID] = Field(
        min_length=1, max_length=limits.SCOPE_ORGANISATIONS_MAX
    )
    forums: list[Forum] = Field(
        default_factory=lambda: [Forum.FOLLOW_UP_TEAM], min_length=1, max_length=len(Forum)
    )
    valid_from: IsoDate
    valid_to: IsoDate | None = None
    onward_sharing: Bool = False
    notice_version: str = fields.required_text(limits.REF_MAX)
    notice_language: str = Field(default="nb", pattern=LANGUAGE_PATTERN)
    notice_sha256: str = Field(pattern=SHA256_PATTERN, description="Hex SHA-256 of the notice.")
    easy_read: Bool = False
    parties: list[PartyIn] = Field(min_length=1, max_length=limits.PARTIES_MAX)
    method: CollectionMethod
    child_view: str | None = fields.text(limits.CHILD_VIEW_MAX, description="The child's view.")
    collected_by_organisation_id: UUID

    def to_domain(self) -> NewConsent:
        return NewConsent(
            purposes=_set(self.purposes),
            allowed_categories=_set(self.allowed_categories),
            excluded_categories=_set(self.excluded_categories),
            source_organisation_ids=_set(self.source_organisation_ids),
            recipient_organisation_ids=_set(self.recipient_organisation_ids),
            forums=_set(self.forums),
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            onward_sharing=self.onward_sharing,
            notice_version=self.notice_version,
            notice_language=self.notice_language,
            notice_sha256=self.notice_sha256,
            easy_read=self.easy_read,
            parties=tuple(p.to_domain() for p in self.parties),
            method=self.method,
            child_view=self.child_view,
            collected_by_organisation_id=self.collected_by_organisation_id,
        )


class ConsentEventCreate(Input):
    """One party's event. ``expectedSeq``: the party's last sequence number you read (0: none);
    another event recorded first makes this a 409 consent-conflict."""

    party_id: UUID
    kind: EventKind
    method: CollectionMethod
    evidence_ref: str | None = fields.text(limits.REF_MAX, description="Where the evidence is.")
    expected_seq: Int = Field(ge=0, le=1_000_000)


class ScopeRead(Dto):
    purposes: list[Purpose]
    allowed_categories: list[Category]
    excluded_categories: list[Category]
    source_organisation_ids: list[UUID]
    recipient_organisation_ids: list[UUID]
    forums: list[Forum]
    valid_from: date
    valid_to: date | None
    onward_sharing: bool


class NoticeRead(Dto):
    version: str
    language: str
    sha256: str
    easy_read: bool


class PartyRead(Dto):
    id: UUID
    kind: PartyKind
    guardian_id: UUID | None
    identity_verified_by: str


class EventRead(Dto):
    party_id: UUID
    seq: int
    kind: EventKind
    at: datetime
    recorded_by: UUID | None
    method: CollectionMethod
    evidence_ref: str | None
    prev_hash: str
    hash: str


class StatusRead(Dto):
    regime: SourceRegime
    state: ConsentState
    required_party_ids: list[UUID]
    outstanding_party_ids: list[UUID]
    recollect: bool = Field(description="The subject turns (or turned) 15, 16 or 18: ask again.")
    policy_version: str

    @classmethod
    def of(cls, regime: SourceRegime, s: ConsentStatus) -> Self:
        return cls(
            regime=regime,
            state=s.state,
            required_party_ids=list(s.required_party_ids),
            outstanding_party_ids=list(s.outstanding_party_ids),
            recollect=s.recollect,
            policy_version=s.policy_version,
        )


def _sorted(values: frozenset) -> list:  # type: ignore[type-arg]
    return sorted(values, key=str)


class ConsentRead(Dto):
    """A consent as recorded, with its events and the status derived now per source regime."""

    id: UUID
    case_id: UUID
    scope: ScopeRead
    notice: NoticeRead
    parties: list[PartyRead]
    collected_by_person_id: UUID | None
    collected_by_organisation_id: UUID
    method: CollectionMethod
    child_view: str | None = Field(description="null if none, or if withheld from you.")
    created_at: datetime | None
    version: int
    events: list[EventRead]
    statuses: list[StatusRead] = Field(description="Derived now, per source regime.")
    chain_ok: bool = Field(description="Every party's event chain verifies.")

    @classmethod
    def of(cls, v: ConsentView, *, child_view: bool = True) -> Self:
        return cls(**_fields(v, child_view=child_view))


class ConsentBodyRead(Shown, ConsentRead):
    @classmethod
    def shown(cls, s: ShownItem[ConsentView]) -> Self:
        return cls(access=AccessRead.of(s.access), **_fields(s.value, child_view=True))


def _fields(v: ConsentView, *, child_view: bool) -> dict[str, Any]:
    c, sc = v.consent, v.consent.scope
    scope = ScopeRead(
        purposes=_sorted(sc.purposes),
        allowed_categories=_sorted(sc.allowed_categories),
        excluded_categories=_sorted(sc.excluded_categories),
        source_organisation_ids=_sorted(sc.source_organisation_ids),
        recipient_organisation_ids=_sorted(sc.recipient_organisation_ids),
        forums=_sorted(sc.forums),
        valid_from=sc.valid_from,
        valid_to=sc.valid_to,
        onward_sharing=sc.onward_sharing,
    )
    return {
        "id": c.id,
        "case_id": c.case_id,
        "scope": scope,
        "notice": NoticeRead.from_domain(c.notice),
        "parties": [PartyRead.from_domain(p) for p in c.parties],
        "collected_by_person_id": c.collected_by_person_id,
        "collected_by_organisation_id": c.collected_by_organisation_id,
        "method": c.method,
        "child_view": c.child_view if child_view else None,
        "created_at": c.created_at,
        "version": c.version,
        "events": [EventRead.from_domain(e) for e in _by_party(v.events)],
        "statuses": [StatusRead.of(r, st) for r, st in v.statuses.items()],
        "chain_ok": v.chain_ok,
    }


def _by_party(events: tuple[ConsentEvent, ...]) -> list[ConsentEvent]:
    return sorted(events, key=lambda e: (e.at, str(e.party_id), e.seq))


class ConsentItemRead(Dto):
    id: UUID
    consent: ConsentBodyRead | WithheldRead

    @classmethod
    def of(cls, i: ConsentItem) -> Self:
        return cls(id=i.id, consent=render(i.consent, ConsentBodyRead.shown))


class ConsentReminderRead(Dto):
    consent_id: UUID
    case_id: UUID
    reference: str
    kind: str = Field(description="expiring | birthday")
    due_on: date
    turns: int | None = Field(description="birthday: the age the subject turns.")

    @classmethod
    def of(cls, r: ConsentReminder) -> Self:
        return cls.from_domain(r)
