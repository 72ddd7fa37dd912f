"""Cases domain room: consent as a waiver of confidentiality (PRIVACY.md § 1) — scope, notice,
parties, the append-only hash-chained event log per party, and the status DERIVED from those
events for one regime on one day (never stored)."""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from uuid import UUID

from domain.cases.policy import POLICY, ConsentPolicy, local_day, required_parties
from domain.cases.regimes import Category, SourceRegime
from domain.cases.subject import age_on

GENESIS = "0" * 64  # prev_hash of a party's first event


class Purpose(enum.StrEnum):
    FOLLOW_UP = "follow_up"


class Forum(enum.StrEnum):
    FOLLOW_UP_TEAM = "follow_up_team"


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsentScope:
    purposes: frozenset[Purpose]
    allowed_categories: frozenset[Category]
    excluded_categories: frozenset[Category] = frozenset()
    source_organisation_ids: frozenset[UUID]
    recipient_organisation_ids: frozenset[UUID]
    forums: frozenset[Forum]
    valid_from: date
    valid_to: date | None = None
    onward_sharing: bool = False

    def covers_category(self, category: Category) -> bool:
        return category in self.allowed_categories and category not in self.excluded_categories


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    """The notice shown: its version, language and hash, and whether the easy-read one was used."""

    version: str
    language: str
    sha256: str
    easy_read: bool = False


class PartyKind(enum.StrEnum):
    SUBJECT = "subject"
    GUARDIAN = "guardian"


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsentParty:
    id: UUID
    kind: PartyKind
    guardian_id: UUID | None = None
    identity_verified_by: str  # how identity was verified (ID card, BankID, known to the service)


class CollectionMethod(enum.StrEnum):
    WRITTEN = "written"
    DIGITAL_SIGNATURE = "digital_signature"
    ORAL_DOCUMENTED = "oral_documented"


@dataclass(frozen=True, slots=True, kw_only=True)
class Consent:
    id: UUID
    case_id: UUID
    scope: ConsentScope
    notice: Notice
    parties: tuple[ConsentParty, ...]
    collected_by_person_id: UUID | None
    collected_by_organisation_id: UUID
    method: CollectionMethod
    child_view: str | None = field(default=None, repr=False)
    created_at: datetime | None = None
    version: int = 1

    def party(self, party_id: UUID) -> ConsentParty | None:
        return next((p for p in self.parties if p.id == party_id), None)


class EventKind(enum.StrEnum):
    GIVEN = "given"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsentEvent:
    consent_id: UUID
    party_id: UUID
    seq: int  # 1.. per (consent, party)
    kind: EventKind
    at: datetime
    recorded_by: UUID | None
    method: CollectionMethod
    evidence_ref: str | None = None
    prev_hash: str = GENESIS
    hash: str = ""


def canonical(e: ConsentEvent) -> bytes:
    """The event's fields (all but its own hash) as canonical JSON."""
    data = {
        "at": e.at.isoformat(),
        "consentId": str(e.consent_id),
        "evidenceRef": e.evidence_ref,
        "kind": e.kind.value,
        "method": e.method.value,
        "partyId": str(e.party_id),
        "prevHash": e.prev_hash,
        "recordedBy": str(e.recorded_by) if e.recorded_by else None,
        "seq": e.seq,
    }
    return json.dumps(data, sort_keys=True, separators=(",", ":")).encode()


def chain_hash(e: ConsentEvent) -> str:
    """sha256(prev_hash || canonical JSON of the event)."""
    return hashlib.sha256(e.prev_hash.encode() + canonical(e)).hexdigest()


def sealed(e: ConsentEvent) -> ConsentEvent:
    """``e`` with its hash computed."""
    return dataclasses.replace(e, hash=chain_hash(e))


def verify_events(events: Iterable[ConsentEvent]) -> tuple[UUID, int] | None:
    """The first (party, seq) whose chain is broken (a changed, missing or reordered event), or
    None when every party's chain holds."""
    by_party: dict[UUID, list[ConsentEvent]] = {}
    for e in events:
        by_party.setdefault(e.party_id, []).append(e)
    for party, chain in sorted(by_party.items(), key=lambda kv: str(kv[0])):
        prev = GENESIS
        for expected_seq, e in enumerate(chain, start=1):
            if e.seq != expected_seq or e.prev_hash != prev or e.hash != chain_hash(e):
                return party, expected_seq
            prev = e.hash
    return None


def latest(events: Iterable[ConsentEvent]) -> dict[UUID, ConsentEvent]:
    """Each party's latest event (highest seq)."""
    out: dict[UUID, ConsentEvent] = {}
    for e in events:
        if e.party_id not in out or e.seq > out[e.party_id].seq:
            out[e.party_id] = e
    return out


class ConsentState(enum.StrEnum):
    EFFECTIVE = "effective"
    PENDING = "pending"  # a required party has not given (yet), or validity has not begun
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsentStatus:
    state: ConsentState
    required_party_ids: tuple[UUID, ...]
    outstanding_party_ids: tuple[UUID, ...]  # required, latest event not ``given`` (or none)
    recollect: bool
    policy_version: str

    @property
    def effective(self) -> bool:
        return self.state is ConsentState.EFFECTIVE


def required_party_ids(
    consent: Consent, regime: SourceRegime, age: int, guardian_ids: frozenset[UUID]
) -> tuple[tuple[UUID, ...], bool]:
    """The parties whose ``given`` counts, and whether a required one has no party row at all
    (a guardian with parental responsibility that the consent does not name)."""
    need = required_parties(regime, age)
    ids: list[UUID] = []
    missing = False
    if need.subject:
        subj = [p.id for p in consent.parties if p.kind is PartyKind.SUBJECT]
        ids += subj
        missing |= not subj
    if need.guardians:
        named = {p.guardian_id: p.id for p in consent.parties if p.kind is PartyKind.GUARDIAN}
        ids += [named[g] for g in sorted(guardian_ids, key=str) if g in named]
        missing |= not guardian_ids <= named.keys() or not guardian_ids
    return tuple(ids), missing


def status(
    consent: Consent,
    events: Sequence[ConsentEvent],
    regime: SourceRegime,
    subject_age: int,
    today: date,
    *,
    guardian_ids: frozenset[UUID],
    birth_date: date | None = None,
    policy: ConsentPolicy = POLICY,
) -> ConsentStatus:
    """Effective ⇔ within validity ∧ every required party's latest event is ``given`` ∧ no
    party's latest event is ``withdrawn``. ``guardian_ids``: the subject's guardians with
    parental responsibility; ``birth_date`` enables the birthday re-collection flag."""
    last = latest(e for e in events if e.consent_id == consent.id)
    required, missing = required_party_ids(consent, regime, subject_age, guardian_ids)
    outstanding = tuple(p for p in required if p not in last or last[p].kind is not EventKind.GIVEN)
    kinds = {last[p].kind for p in required if p in last}
    scope = consent.scope
    if any(e.kind is EventKind.WITHDRAWN for e in last.values()):
        state = ConsentState.WITHDRAWN
    elif (scope.valid_to is not None and today > scope.valid_to) or EventKind.EXPIRED in kinds:
        state = ConsentState.EXPIRED
    elif EventKind.REFUSED in kinds:
        state = ConsentState.REFUSED
    elif missing or outstanding or today < scope.valid_from:
        state = ConsentState.PENDING
    else:
        state = ConsentState.EFFECTIVE
    return ConsentStatus(
        state=state,
        required_party_ids=required,
        outstanding_party_ids=outstanding,
        recollect=birth_date is not None and recollect(birth_date, events, today, policy),
        policy_version=policy.version,
    )


def recollect(
    birth_date: date, events: Iterable[ConsentEvent], today: date, policy: ConsentPolicy = POLICY
) -> bool:
    """The subject turns 15, 16 or 18 within the next days, or has turned one of them since the
    consent was first given: the parties who must consent may have changed."""
    soon = today + timedelta(days=policy.recollect_within_days)
    now_age, soon_age = age_on(birth_date, today), age_on(birth_date, soon)
    if any(now_age < a <= soon_age for a in policy.recollect_ages):
        return True
    given = [local_day(e.at) for e in events if e.kind is EventKind.GIVEN]
    if not given:
        return False
    then_age = age_on(birth_date, min(given))
    return any(then_age < a <= now_age for a in policy.recollect_ages)
