"""Demo room: four invented follow-up cases in SLT Lillestrøm (demo) — a follow-up team case
with an effective consent, a youth follow-up (ungdomsoppfølging) whose consent waits for a
guardian and whose drug-testing commitment has a breach, and a case on another team where a
guardian withdrew, plus one case closed six years ago (past the default retention period, so the
retention list has something to delete). Ola Medlem (the body-member persona) leads the first
two and sits on the others, so the browser tests see a case from every side. Every name is
fictional; identity numbers are synthetic (month + 80) with valid control digits. Written through the cases
repositories (the field cipher seals what it must); a case already there is left as it is."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.crypto.field_cipher import AesGcmFieldCipher
from adapters.postgres.audit.log import PgAccessLog
from adapters.postgres.cases.uow import PgCasesUnitOfWork, PgCasesUnitOfWorkFactory
from adapters.postgres.demo.data import DEMO_UNIT, PERSONS, demo_id
from domain.cases.case import (
    Case,
    CaseKind,
    CaseMember,
    CaseStatus,
    ClosingReason,
    MemberRole,
    reference,
)
from domain.cases.commitment import Breach, Commitment, CommitmentStatus, Consequence
from domain.cases.consent import (
    GENESIS,
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
from domain.cases.note import Note
from domain.cases.regimes import Category, CommitmentKind, SourceRegime
from domain.cases.subject import Guardian, Subject
from domain.shared.errors import NotFound
from domain.shared.identity_number import control_digits

PERSON = {k: (name, org) for k, name, _, org in PERSONS}
NOTICE_SHA = "9f2c4e8a1b7d3f605e4c2a9b8d7f6e5c4b3a29180f7e6d5c4b3a291807f6e5d4"


def synthetic_number(birth: date, individual: int) -> str:
    """A synthetic identity number (month + 80) with valid control digits."""
    for n in range(individual, individual + 100):
        first = f"{birth.day:02d}{birth.month + 80:02d}{birth.year % 100:02d}{n % 500:03d}"
        digits = control_digits(first)
        if digits is not None:
            return f"{first}{digits[0]}{digits[1]}"
    raise ValueError("no synthetic number found")


@dataclass(frozen=True)
class DemoCase:
    key: str
    body: str
    kind: CaseKind
    lead: str
    members: tuple[str, ...]
    subject: str
    age_days: int  # the subject's age today, in days
    guardians: tuple[tuple[str, str], ...]  # (name, relation), all with parental responsibility
    started_days_ago: int
    consent: str  # given | pending | withdrawn
    closed_days_ago: int | None = None  # closed (goals met) this many days ago


CASES = (
    DemoCase("1", "team-nord", CaseKind.FOLLOW_UP_TEAM, "ola", ("miljo1", "politi2",
             "helsesykepleier"), "Emma Demo-Hansen", 15 * 365 + 120,
             (("Lise Demo-Hansen", "mor"), ("Geir Demo-Hansen", "far")), 60, "given"),
    DemoCase("2", "team-nord", CaseKind.YOUTH_FOLLOW_UP, "ola", ("miljo1", "politi2"),
             "Noah Demo-Berg", 16 * 365 + 40, (("Kari Demo-Berg", "mor"),), 30, "pending"),
    DemoCase("3", "team-sor", CaseKind.FOLLOW_UP_TEAM, "miljo2", ("ola", "politi2"),
             "Sofie Demo-Lund", 14 * 365 + 200, (("Anne Demo-Lund", "mor"),
             ("Per Demo-Lund", "far")), 90, "withdrawn"),
    # Closed ~6 years ago: past the default retention (5 × 365 days), due for deletion.
    DemoCase("4", "team-sor", CaseKind.FOLLOW_UP_TEAM, "miljo2", ("ola",),
             "Jonas Demo-Strand", 22 * 365 + 10, (("Marit Demo-Strand", "mor"),), 7 * 365,
             "given", closed_days_ago=6 * 365),
)  # fmt: skip


def person(key: str) -> UUID:
    return demo_id(f"person/{key}")


def org(key: str) -> UUID:
    return demo_id(f"org/{key}")


class _Loader:
    def __init__(self, uow: PgCasesUnitOfWork, d: DemoCase, today: date) -> None:
        self.uow, self.d, self.today = uow, d, today
        self.start = today - timedelta(days=d.started_days_ago)
        self.at = datetime.combine(self.start, time(10), tzinfo=UTC)
        self.lead_org = org(PERSON[d.lead][1])

    def id(self, what: str) -> UUID:
        return demo_id(f"case/{self.d.key}/{what}")

    async def load(self) -> None:
        d = self.d
        birth = self.today - timedelta(days=d.age_days)
        subject = Subject(
            id=self.id("subject"), unit_id=DEMO_UNIT, name=d.subject, birth_date=birth,
            identity_number=synthetic_number(birth, 400 + int(d.key) * 7),
            guardians=tuple(
                Guardian(id=self.id(f"guardian/{i}"), name=name, relation=relation,
                         parental_responsibility=True, phone=f"9{i}0{d.key}1234")
                for i, (name, relation) in enumerate(d.guardians)
            ),
        )  # fmt: skip
        seq = await self.uow.cases.next_seq(self.start.year)
        case = Case(
            id=self.id("case"), unit_id=DEMO_UNIT, reference=reference(self.start.year, seq),
            subject_id=subject.id, body_id=demo_id(f"body/{d.body}"), kind=d.kind,
            organisation_id=self.lead_org, start_on=self.start,
            end_on=self.start + timedelta(days=300),
        )  # fmt: skip
        if d.closed_days_ago is not None:
            case = replace(
                case, status=CaseStatus.CLOSED, closing_reason=ClosingReason.GOALS_MET,
                closed_on=self.today - timedelta(days=d.closed_days_ago),
            )  # fmt: skip
        await self.uow.subjects.add(subject)
        await self.uow.cases.add(case)
        for key in (d.lead, *d.members):
            role = MemberRole.LEAD if key == d.lead else MemberRole.MEMBER
            await self.uow.members.add(
                CaseMember(id=self.id(f"member/{key}"), case_id=case.id, person_id=person(key),
                           name=PERSON[key][0], organisation_id=org(PERSON[key][1]), role=role)
            )  # fmt: skip
        await self._plan(case)
        await self._consent(case, subject)

    async def _plan(self, case: Case) -> None:
        note = Note(
            id=self.id("note/1"), case_id=case.id, author_person_id=person(self.d.lead),
            organisation_id=self.lead_org, category=Category.SUBSTANCE_USE,
            regime=SourceRegime.HEALTH, written_at=self.at + timedelta(days=3),
            text="Samtale om rus og venner. Ungdommen ønsker hjelp til å finne en fritidsaktivitet.",
        )  # fmt: skip
        await self.uow.notes.add(note)
        school = Commitment(
            id=self.id("commitment/school"), case_id=case.id,
            kind=CommitmentKind.SCHOOL_ATTENDANCE, description="Møte på skolen hver dag",
            responsible_organisation_id=org("nordby-us"), regime=SourceRegime.SCHOOL,
            status=CommitmentStatus.ACTIVE,
        )  # fmt: skip
        await self.uow.commitments.add(school)
        if self.d.kind is CaseKind.YOUTH_FOLLOW_UP:
            breach = Breach(
                id=self.id("breach/1"), occurred_on=self.start + timedelta(days=14),
                description="Møtte ikke til avtalt prøve", consequence=Consequence.WARNING,
                recorded_by=person(self.d.lead),
            )  # fmt: skip
            await self.uow.commitments.add(
                Commitment(
                    id=self.id("commitment/testing"), case_id=case.id,
                    kind=CommitmentKind.DRUG_TESTING, description="Rusprøve hver fjortende dag",
                    responsible_organisation_id=org("rus-psyk"), regime=SourceRegime.HEALTH,
                    status=CommitmentStatus.BREACHED, breaches=(breach,),
                )
            )  # fmt: skip

    async def _consent(self, case: Case, subject: Subject) -> None:
        team_orgs = frozenset(org(PERSON[k][1]) for k in (self.d.lead, *self.d.members))
        parties = (
            ConsentParty(id=self.id("party/subject"), kind=PartyKind.SUBJECT,
                         identity_verified_by="Kjent for tjenesten"),
            *(ConsentParty(id=self.id(f"party/{g.id}"), kind=PartyKind.GUARDIAN,
                           guardian_id=g.id, identity_verified_by="BankID")
              for g in subject.guardians),
        )  # fmt: skip
        consent = Consent(
            id=self.id("consent"), case_id=case.id,
            scope=ConsentScope(
                purposes=frozenset({Purpose.FOLLOW_UP}),
                allowed_categories=frozenset(Category) - {Category.HEALTH},
                excluded_categories=frozenset({Category.HEALTH}),
                source_organisation_ids=team_orgs, recipient_organisation_ids=team_orgs,
                forums=frozenset({Forum.FOLLOW_UP_TEAM}), valid_from=self.start,
                valid_to=self.start + timedelta(days=365),
            ),
            notice=Notice(version="2026-1", language="nb", sha256=NOTICE_SHA, easy_read=True),
            parties=parties, collected_by_person_id=person(self.d.lead),
            collected_by_organisation_id=self.lead_org, method=CollectionMethod.WRITTEN,
            child_view="Vil at teamet samarbeider, men ikke at helsesøster forteller alt.",
        )  # fmt: skip
        await self.uow.consents.add(consent)
        givers = parties[:-1] if self.d.consent == "pending" else parties
        for p in givers:
            given = await self._event(consent, p.id, 1, EventKind.GIVEN, GENESIS)
            if self.d.consent == "withdrawn" and p.kind is PartyKind.GUARDIAN:
                await self._event(consent, p.id, 2, EventKind.WITHDRAWN, given.hash, days=40)

    async def _event(
        self, consent: Consent, party: UUID, seq: int, kind: EventKind, prev: str, days: int = 1
    ) -> ConsentEvent:
        event = sealed(
            ConsentEvent(consent_id=consent.id, party_id=party, seq=seq, kind=kind,
                         at=self.at + timedelta(days=days), recorded_by=person(self.d.lead),
                         method=CollectionMethod.WRITTEN, evidence_ref=f"DEMO-{self.d.key}-{seq}",
                         prev_hash=prev)
        )  # fmt: skip
        await self.uow.consent_events.append(event)
        return event


async def load_cases(engine: AsyncEngine, cipher: AesGcmFieldCipher, *, today: date) -> None:
    """Load the demo unit's cases after ``load_demo``, as the schema owner, with the service's
    keys (a value sealed with other keys would not open)."""
    factory = PgCasesUnitOfWorkFactory(engine, cipher, PgAccessLog)
    for d in CASES:
        async with factory(DEMO_UNIT) as uow:
            try:
                await uow.cases.get(demo_id(f"case/{d.key}/case"))
                continue
            except NotFound:
                pass
            await _Loader(uow, d, today).load()
            await uow.commit()
