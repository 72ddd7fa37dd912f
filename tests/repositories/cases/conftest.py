"""Repository tier, cases (PostgreSQL only: what the database itself must hold — encryption at
rest, row-level security, append-only consent events, one winner of concurrent appends, the
purge). Each test gets two fresh units; the first has a school, a police station, two persons
and an executive body (a youth team)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.crypto.field_cipher import AesGcmFieldCipher
from adapters.crypto.keys import KeyRing, new_key
from adapters.postgres.cases.uow import PgCasesUnitOfWorkFactory
from adapters.postgres.uow import PgUnitOfWorkFactory
from domain.cases.access import AccessEntry
from domain.cases.case import Case, CaseKind, CaseMember, MemberRole
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
from domain.cases.regimes import Category
from domain.cases.subject import Guardian, Subject
from domain.organisation.model import Body, Level, Organisation, OrganisationType, Person
from tests.repositories.conftest import OTHER_NAME, UNIT_NAME, Engines, _pg_units
from tests.repositories.organisation import rows as org_rows

AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
# Synthetic identity numbers (month + 80): never a real person's.
NUMBER = "01821040074"
SUBJECT_NAME, GUARDIAN_NAME = "Tiril Testesen", "Gunnar Testesen"
CASE_TABLES = (
    "case_subject", "case_guardian", "follow_up_case", "case_member", "case_commitment",
    "case_breach", "case_note", "case_duty_answer", "consent", "consent_party", "consent_event",
    "legal_basis_record", "break_glass_grant",
)  # fmt: skip


class MemoryLog:
    """The access log port in memory (the audit room tests its own adapter)."""

    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.entries: list[AccessEntry] = []

    async def append(self, entries: Sequence[AccessEntry]) -> None:
        self.entries.extend(entries)

    async def of_subject(self, subject_id: UUID) -> Sequence[AccessEntry]:
        return [e for e in self.entries if e.subject_ref == subject_id]

    async def of_case(self, case_id: UUID) -> Sequence[AccessEntry]:
        return []


def cipher() -> AesGcmFieldCipher:
    return AesGcmFieldCipher(KeyRing.parse(f"t1:{new_key()}", new_key()))


@dataclass
class CaseBackend:
    factory: PgCasesUnitOfWorkFactory
    unit: UUID
    other: UUID
    school: Organisation
    police: Organisation
    lead: Person
    officer: Person
    team: Body
    engines: Engines
    extra: dict[str, Any] = field(default_factory=dict)

    def subject(self, **kw: Any) -> Subject:
        values: dict[str, Any] = {
            "id": uuid4(),
            "unit_id": self.unit,
            "name": SUBJECT_NAME,
            "birth_date": date(2010, 2, 1),
            "identity_number": NUMBER,
            "guardians": (
                Guardian(
                    id=uuid4(), name=GUARDIAN_NAME, parental_responsibility=True,
                    relation="far", phone="41234567", email="gunnar@example.invalid",
                ),
            ),
        } | kw  # fmt: skip
        return Subject(**values)

    def case(self, subject: Subject, seq: int = 1, **kw: Any) -> Case:
        values: dict[str, Any] = {
            "id": uuid4(),
            "unit_id": self.unit,
            "reference": f"SAK-2026-{seq:04d}",
            "subject_id": subject.id,
            "body_id": self.team.id,
            "kind": CaseKind.FOLLOW_UP_TEAM,
            "organisation_id": self.school.id,
            "start_on": date(2026, 3, 1),
        } | kw
        return Case(**values)

    def member(self, case: Case, person: Person, role: MemberRole = MemberRole.LEAD) -> CaseMember:
        return CaseMember(
            id=uuid4(), case_id=case.id, person_id=person.id, name=person.name,
            organisation_id=self.school.id, role=role,
        )  # fmt: skip

    def consent(self, case: Case, subject: Subject) -> Consent:
        scope = ConsentScope(
            purposes=frozenset({Purpose.FOLLOW_UP}),
            allowed_categories=frozenset({Category.SCHOOL, Category.PLAN}),
            excluded_categories=frozenset({Category.HEALTH}),
            source_organisation_ids=frozenset({self.school.id}),
            recipient_organisation_ids=frozenset({self.police.id}),
            forums=frozenset({Forum.FOLLOW_UP_TEAM}),
            valid_from=date(2026, 3, 1),
            valid_to=date(2027, 3, 1),
        )
        return Consent(
            id=uuid4(), case_id=case.id, scope=scope,
            notice=Notice(version="2026-1", language="nb", sha256="a" * 64, easy_read=True),
            parties=(
                ConsentParty(id=uuid4(), kind=PartyKind.SUBJECT, identity_verified_by="kjent"),
                ConsentParty(
                    id=uuid4(), kind=PartyKind.GUARDIAN, guardian_id=subject.guardians[0].id,
                    identity_verified_by="BankID",
                ),
            ),
            collected_by_person_id=self.lead.id, collected_by_organisation_id=self.school.id,
            method=CollectionMethod.WRITTEN, child_view="Vil at skolen vet om planen.",
        )  # fmt: skip

    def event(
        self,
        consent: Consent,
        party: int = 0,
        seq: int = 1,
        kind: EventKind = EventKind.GIVEN,
        prev: str = GENESIS,
    ) -> ConsentEvent:
        return sealed(
            ConsentEvent(
                consent_id=consent.id, party_id=consent.parties[party].id, seq=seq, kind=kind,
                at=AT, recorded_by=self.lead.id, method=CollectionMethod.WRITTEN, prev_hash=prev,
            )
        )  # fmt: skip

    async def opened(self, **kw: Any) -> tuple[Subject, Case]:
        """A subject with a case whose team has ``lead`` on it, committed."""
        s = self.subject()
        c = self.case(s, **kw)
        async with self.factory(self.unit) as uow:
            await uow.subjects.add(s)
            await uow.cases.add(c)
            await uow.members.add(self.member(c, self.lead))
            await uow.commit()
        return s, c


async def _organisation(app: AsyncEngine, unit: UUID) -> tuple[Any, ...]:
    school = org_rows.org(unit, "Fjell ungdomsskole", OrganisationType.SCHOOL)
    police = org_rows.org(unit, "Fjell politistasjon", OrganisationType.POLICE)
    lead = org_rows.person(unit, "Lise Lærer")
    officer = org_rows.person(unit, "Pål Politi")
    team = org_rows.body(unit, "Ungdomsteam Fjell", Level.EXECUTIVE)
    async with PgUnitOfWorkFactory(app)(unit) as uow:
        for o in (school, police):
            await uow.organisations.add(o)
        for p in (lead, officer):
            await uow.persons.add(p)
        await uow.bodies.add(team)
        await uow.commit()
    return school, police, lead, officer, team


@pytest.fixture
async def cb(admin_engine: AsyncEngine, app_engine: AsyncEngine) -> AsyncIterator[CaseBackend]:
    unit, other = uuid4(), uuid4()
    await _pg_units(
        admin_engine,
        [
            (unit, UNIT_NAME, "municipality", ["3301"]),
            (other, OTHER_NAME, "inter_municipal", ["4640", "4644"]),
        ],
    )
    try:
        school, police, lead, officer, team = await _organisation(app_engine, unit)
        factory = PgCasesUnitOfWorkFactory(app_engine, cipher(), MemoryLog)
        engines = Engines(admin_engine, app_engine)
        yield CaseBackend(factory, unit, other, school, police, lead, officer, team, engines)
    finally:
        async with admin_engine.begin() as conn:
            await conn.execute(
                sa.text("DELETE FROM slt_unit WHERE id = ANY(:ids)"), {"ids": [unit, other]}
            )
