"""Cases' unit tests: a compact way to state one decision — who reads (organisation, team role,
break-glass), what (category, source organisation, free text), the subject's age, the consent's
parties' latest events ("S=given G1=refused"), scope changes and legal bases — and build the
pure ``Request``/``Facts`` the decision point takes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from domain.cases.bases import LegalBasisRecord
from domain.cases.breakglass import BreakGlass
from domain.cases.case import MemberRole
from domain.cases.consent import (
    CollectionMethod,
    Consent,
    ConsentEvent,
    ConsentParty,
    ConsentScope,
    EventKind,
    Forum,
    Notice,
    PartyKind,
    Purpose,
    sealed,
)
from domain.cases.decision import ConsentFacts, Decision, Facts, Item, Request, decide
from domain.cases.policy import POLICY, ConsentPolicy, LegalBasisCode
from domain.cases.regimes import Category, regime_of
from domain.organisation.model import OrganisationType

AT = datetime(2026, 3, 14, 10, 0, tzinfo=UTC)
TODAY = AT.date()
T = OrganisationType
TYPES: Mapping[str, OrganisationType] = {
    "slt": T.MEDIATION_SERVICE,
    "cw": T.CHILD_WELFARE,
    "health": T.HEALTH_STATION,
    "school": T.SCHOOL,
    "police": T.POLICE,
    "nav": T.NAV,
}
ORG: Mapping[str, UUID] = {k: uuid4() for k in TYPES}
GUARDIANS: Mapping[str, UUID] = {"G1": uuid4(), "G2": uuid4(), "G3": uuid4()}
RESPONSIBLE = frozenset({GUARDIANS["G1"], GUARDIANS["G2"]})  # G3 has no parental responsibility
ALL = tuple(TYPES)
READER = uuid4()  # the person reading in every row


def parse_events(spec: str) -> dict[str, tuple[EventKind, ...]]:
    """``"S=given G1=given,withdrawn"`` → each party's events in order."""
    out: dict[str, tuple[EventKind, ...]] = {}
    for part in spec.split():
        party, kinds = part.split("=")
        out[party] = tuple(EventKind(k) for k in kinds.split(","))
    return out


def consent_facts(
    spec: str,
    *,
    allow: frozenset[Category] = frozenset(Category),
    exclude: frozenset[Category] = frozenset(),
    sources: tuple[str, ...] = ALL,
    recipients: tuple[str, ...] = ALL,
    purposes: frozenset[Purpose] = frozenset({Purpose.FOLLOW_UP}),
    valid_from: date = date(2026, 1, 1),
    valid_to: date | None = date(2026, 12, 31),
    parties: tuple[str, ...] = ("S", "G1", "G2"),
) -> ConsentFacts:
    events_of = parse_events(spec)
    cid = uuid4()
    party_rows = {
        key: ConsentParty(
            id=uuid4(),
            kind=PartyKind.SUBJECT if key == "S" else PartyKind.GUARDIAN,
            guardian_id=None if key == "S" else GUARDIANS[key],
            identity_verified_by="BankID",
        )
        for key in dict.fromkeys((*parties, *events_of))
    }
    consent = Consent(
        id=cid,
        case_id=uuid4(),
        scope=ConsentScope(
            purposes=purposes,
            allowed_categories=allow,
            excluded_categories=exclude,
            source_organisation_ids=frozenset(ORG[k] for k in sources),
            recipient_organisation_ids=frozenset(ORG[k] for k in recipients),
            forums=frozenset({Forum.FOLLOW_UP_TEAM}),
            valid_from=valid_from,
            valid_to=valid_to,
        ),
        notice=Notice(version="2026-1", language="nb", sha256="a" * 64),
        parties=tuple(party_rows.values()),
        collected_by_person_id=None,
        collected_by_organisation_id=ORG["slt"],
        method=CollectionMethod.WRITTEN,
    )
    events: list[ConsentEvent] = []
    for key, kinds in events_of.items():
        prev = "0" * 64
        for seq, kind in enumerate(kinds, start=1):
            e = sealed(
                ConsentEvent(
                    consent_id=cid,
                    party_id=party_rows[key].id,
                    seq=seq,
                    kind=kind,
                    at=AT - timedelta(days=30 - seq),
                    recorded_by=None,
                    method=CollectionMethod.WRITTEN,
                    prev_hash=prev,
                )
            )
            events.append(e)
            prev = e.hash
    return ConsentFacts(consent=consent, events=tuple(events))


def basis(
    code: LegalBasisCode,
    recipient: str,
    *categories: Category,
    valid_from: date = date(2026, 1, 1),
    valid_to: date | None = None,
) -> LegalBasisRecord:
    return LegalBasisRecord(
        id=uuid4(),
        case_id=uuid4(),
        basis=code,
        recipient_organisation_id=ORG[recipient],
        categories=frozenset(categories),
        justification="Nødvendig for oppfølgingen av planen",
        recorded_by=None,
        valid_from=valid_from,
        valid_to=valid_to,
    )


def glass(*, active: bool = True, mine: bool = True) -> BreakGlass:
    opened = AT - timedelta(minutes=30) if active else AT - timedelta(hours=3)
    return BreakGlass(
        id=uuid4(),
        case_id=uuid4(),
        person_id=READER if mine else uuid4(),
        reason="Akutt situasjon, trenger oversikt nå",
        basis=LegalBasisCode.NECESSARY_FOR_OWN_TASKS,
        opened_at=opened,
        expires_at=opened + timedelta(hours=2),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    """One row's inputs. ``reader`` is an organisation key (or None: no organisation)."""

    reader: str | None
    source: str
    category: Category
    age: int
    consents: tuple[ConsentFacts, ...] = ()
    role: MemberRole | None = MemberRole.MEMBER
    free_text: bool = False
    bases: tuple[LegalBasisRecord, ...] = ()
    break_glass: BreakGlass | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def request(self) -> Request:
        return Request(
            reader_person_id=READER,
            reader_organisation_id=ORG[self.reader] if self.reader else None,
            reader_organisation_type=TYPES[self.reader] if self.reader else None,
            team_role=self.role,
            item=Item(
                category=self.category,
                regime=regime_of(TYPES[self.source]),
                source_organisation_id=ORG[self.source],
                is_free_text=self.free_text,
            ),
            at=AT,
        )

    def facts(self) -> Facts:
        return Facts(
            subject_age=self.age,
            guardian_ids=RESPONSIBLE,
            consents=self.consents,
            bases=self.bases,
            break_glass=self.break_glass,
        )

    def decide(self, policy: ConsentPolicy = POLICY) -> Decision:
        return decide(self.request(), self.facts(), policy)
