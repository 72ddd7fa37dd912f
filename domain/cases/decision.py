"""Cases domain room: THE disclosure decision point. ``decide(request, facts, policy)`` is pure
and denies by default; every read of case information goes through it, in this order:

1. not on the team and no active break-glass → deny ``not-on-team``;
2. the item comes from the reader's own organisation on the case → permit ``own_service``;
3. the reader's active break-glass on this case → permit ``break_glass``;
4. a police reader never sees another agency's free text → deny ``police-minimised``;
5. a recorded legal basis (§ 13 b nr. 2, 5, 6) for (recipient, category), valid now → permit;
6. an effective consent whose scope covers the item → permit ``consent``;
7. otherwise deny with the most specific reason.
An item whose regime or category the policy does not know is denied ``no-legal-basis``."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from domain.cases.bases import LegalBasisRecord
from domain.cases.breakglass import BreakGlass
from domain.cases.case import MemberRole
from domain.cases.consent import (
    Consent,
    ConsentEvent,
    ConsentState,
    Forum,
    Purpose,
    status,
)
from domain.cases.policy import (
    POLICY,
    RECORDABLE_BASES,
    ConsentPolicy,
    LegalBasisCode,
    local_day,
)
from domain.cases.regimes import Category, SourceRegime
from domain.organisation.model import OrganisationType


class DenyReason(enum.StrEnum):
    NOT_ON_TEAM = "not-on-team"
    POLICE_MINIMISED = "police-minimised"
    CONSENT_MISSING = "consent-missing"
    CONSENT_PENDING = "consent-pending"
    CONSENT_REFUSED = "consent-refused"
    CONSENT_WITHDRAWN = "consent-withdrawn"
    CONSENT_EXPIRED = "consent-expired"
    CONSENT_SCOPE_CATEGORY = "consent-scope-category"
    CONSENT_SCOPE_SOURCE = "consent-scope-source"
    CONSENT_SCOPE_RECIPIENT = "consent-scope-recipient"
    CONSENT_SCOPE_PURPOSE = "consent-scope-purpose"  # purpose or forum outside the scope
    NO_LEGAL_BASIS = "no-legal-basis"


class Explanation(enum.StrEnum):
    """Why a permit was given (the "why can I see this?" words)."""

    OWN_SERVICE = "own-service"
    BREAK_GLASS = "break-glass"
    LEGAL_BASIS = "legal-basis"
    CONSENT = "consent"


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """What is read: its category, source regime and source organisation, and whether it is
    free text (a note, the child's view, a description) or a structured field."""

    category: Category
    regime: SourceRegime
    source_organisation_id: UUID | None
    is_free_text: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Request:
    reader_person_id: UUID | None
    reader_organisation_id: UUID | None  # the organisation the reader represents on the case
    reader_organisation_type: OrganisationType | None
    team_role: MemberRole | None  # None: not on the team
    item: Item
    at: datetime
    purpose: Purpose = Purpose.FOLLOW_UP
    forum: Forum = Forum.FOLLOW_UP_TEAM


@dataclass(frozen=True, slots=True, kw_only=True)
class ConsentFacts:
    consent: Consent
    events: tuple[ConsentEvent, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Facts:
    subject_age: int  # on the day of the read
    guardian_ids: frozenset[UUID]  # guardians with parental responsibility
    consents: tuple[ConsentFacts, ...] = ()
    bases: tuple[LegalBasisRecord, ...] = ()
    break_glass: BreakGlass | None = None  # the reader's grant on this case, if any


@dataclass(frozen=True, slots=True, kw_only=True)
class Permit:
    basis: LegalBasisCode
    policy_version: str
    explanation: Explanation
    consent_id: UUID | None = None
    legal_basis_id: UUID | None = None
    break_glass_id: UUID | None = None

    @property
    def permitted(self) -> bool:
        return True


@dataclass(frozen=True, slots=True, kw_only=True)
class Deny:
    reason: DenyReason
    policy_version: str
    consent_id: UUID | None = None  # the consent the reason is about, if one

    @property
    def permitted(self) -> bool:
        return False


Decision = Permit | Deny

_STATE_REASON = {
    ConsentState.WITHDRAWN: DenyReason.CONSENT_WITHDRAWN,
    ConsentState.REFUSED: DenyReason.CONSENT_REFUSED,
    ConsentState.EXPIRED: DenyReason.CONSENT_EXPIRED,
    ConsentState.PENDING: DenyReason.CONSENT_PENDING,
}
# Among consents that cover the item: the reason most worth telling first.
_STATE_RANK = (ConsentState.WITHDRAWN, ConsentState.REFUSED, ConsentState.EXPIRED)
# Scope checks in order; a consent failing a later one matched more, so its reason is more specific.
_SCOPE_ORDER = (
    DenyReason.CONSENT_SCOPE_CATEGORY,
    DenyReason.CONSENT_SCOPE_SOURCE,
    DenyReason.CONSENT_SCOPE_RECIPIENT,
    DenyReason.CONSENT_SCOPE_PURPOSE,
)


def decide(request: Request, facts: Facts, policy: ConsentPolicy = POLICY) -> Decision:
    item, v = request.item, policy.version
    grant = facts.break_glass
    glass = (
        grant is not None
        and grant.person_id == request.reader_person_id
        and grant.active_at(request.at)
    )
    if request.team_role is None and not glass:
        return Deny(reason=DenyReason.NOT_ON_TEAM, policy_version=v)
    if item.regime not in policy.regimes or item.category not in policy.categories:
        return Deny(reason=DenyReason.NO_LEGAL_BASIS, policy_version=v)
    own = request.reader_organisation_id
    if own is not None and item.source_organisation_id == own:
        return Permit(
            basis=LegalBasisCode.OWN_SERVICE, policy_version=v, explanation=Explanation.OWN_SERVICE
        )
    if glass and grant is not None:
        return Permit(
            basis=LegalBasisCode.BREAK_GLASS,
            policy_version=v,
            explanation=Explanation.BREAK_GLASS,
            break_glass_id=grant.id,
        )
    if request.reader_organisation_type is OrganisationType.POLICE and item.is_free_text:
        return Deny(reason=DenyReason.POLICE_MINIMISED, policy_version=v)
    day = local_day(request.at)
    for b in sorted(facts.bases, key=lambda b: str(b.id)):
        if b.basis in RECORDABLE_BASES and b.covers(own, item.category, day):
            return Permit(
                basis=b.basis,
                policy_version=v,
                explanation=Explanation.LEGAL_BASIS,
                legal_basis_id=b.id,
            )
    return _by_consent(request, facts, policy)


def _scope_reason(c: Consent, request: Request) -> DenyReason | None:
    s, item = c.scope, request.item
    if not s.covers_category(item.category):
        return DenyReason.CONSENT_SCOPE_CATEGORY
    if item.source_organisation_id not in s.source_organisation_ids:
        return DenyReason.CONSENT_SCOPE_SOURCE
    if request.reader_organisation_id not in s.recipient_organisation_ids:
        return DenyReason.CONSENT_SCOPE_RECIPIENT
    if request.purpose not in s.purposes or request.forum not in s.forums:
        return DenyReason.CONSENT_SCOPE_PURPOSE
    return None


def _by_consent(request: Request, facts: Facts, policy: ConsentPolicy) -> Decision:
    v = policy.version
    if not facts.consents:
        return Deny(reason=DenyReason.CONSENT_MISSING, policy_version=v)
    covering: list[tuple[ConsentState, UUID]] = []
    misses: list[tuple[int, UUID]] = []
    for cf in sorted(facts.consents, key=lambda cf: str(cf.consent.id)):
        c = cf.consent
        miss = _scope_reason(c, request)
        if miss is not None:
            misses.append((_SCOPE_ORDER.index(miss), c.id))
            continue
        st = status(
            c,
            cf.events,
            request.item.regime,
            facts.subject_age,
            local_day(request.at),
            guardian_ids=facts.guardian_ids,
            policy=policy,
        )
        if st.effective:
            return Permit(
                basis=LegalBasisCode.CONSENT,
                policy_version=v,
                explanation=Explanation.CONSENT,
                consent_id=c.id,
            )
        covering.append((st.state, c.id))
    if covering:
        for state in _STATE_RANK:
            for s, cid in covering:
                if s is state:
                    return Deny(reason=_STATE_REASON[s], policy_version=v, consent_id=cid)
        return Deny(reason=DenyReason.CONSENT_PENDING, policy_version=v, consent_id=covering[0][1])
    rank, cid = max(misses, key=lambda m: m[0])
    return Deny(reason=_SCOPE_ORDER[rank], policy_version=v, consent_id=cid)
