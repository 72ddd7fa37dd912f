"""The cases service on the PostgreSQL unit of work (not the fakes): a case opened with a new
subject, a team member from another service who sees the identity withheld until the consent is
given and again once it is withdrawn — every read access-logged in the same transaction."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from uuid import UUID, uuid4

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.audit.log import PgAccessLog
from adapters.postgres.cases.uow import PgCasesUnitOfWorkFactory
from adapters.postgres.uow import PgUnitOfWorkFactory
from domain.cases.case import CaseKind, MemberRole
from domain.cases.consent import CollectionMethod, EventKind, PartyKind
from domain.cases.decision import DenyReason
from domain.cases.regimes import Category
from domain.cases.service import (
    CasesService,
    GuardianInput,
    NewConsent,
    NewMember,
    NewParty,
    NewSubject,
    OpenCase,
)
from domain.cases.views import Shown, Withheld
from domain.meetings.guard import KernelGuard
from domain.organisation.model import Body, Level, Organisation, OrganisationType, Person
from domain.shared.principal import BodyRole, Principal
from tests.fakes import FakeClock
from tests.fakes.mail import FakeMail
from tests.fakes.principals import person
from tests.repositories.cases.conftest import cipher
from tests.repositories.conftest import UNIT_NAME, _pg_units

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


@dataclass
class PgWorld:
    svc: CasesService
    unit: UUID
    team: Body
    orgs: dict[str, Organisation]
    who: dict[str, Principal]
    factory: PgCasesUnitOfWorkFactory


@pytest.fixture
async def world(admin_engine: AsyncEngine, app_engine: AsyncEngine) -> AsyncIterator[PgWorld]:
    unit = uuid4()
    await _pg_units(admin_engine, [(unit, UNIT_NAME, "municipality", ["3301"])])
    try:
        T = OrganisationType
        orgs = {
            "slt": Organisation(id=uuid4(), unit_id=unit, name="Konfliktrådet", type=T.MEDIATION_SERVICE),
            "cw": Organisation(id=uuid4(), unit_id=unit, name="Barnevernet", type=T.CHILD_WELFARE),
        }  # fmt: skip
        team = Body(id=uuid4(), unit_id=unit, name="Oppfølgingsteam", level=Level.EXECUTIVE)
        who: dict[str, Principal] = {}
        async with PgUnitOfWorkFactory(app_engine)(unit) as uow:
            for o in orgs.values():
                await uow.organisations.add(o)
            await uow.bodies.add(team)
            for key in ("slt", "cw"):
                p = Person(
                    id=uuid4(), unit_id=unit, name=f"{key} Person", organisation_id=orgs[key].id
                )
                await uow.persons.add(p)
                seat = {team.id: BodyRole.CHAIR if key == "slt" else BodyRole.MEMBER}
                who[key] = person(unit, body_roles=seat, name=p.name, person_id=p.id)
            await uow.commit()
        factory = PgCasesUnitOfWorkFactory(app_engine, cipher(), PgAccessLog)
        svc = CasesService(factory, FakeClock(NOW), FakeMail(), KernelGuard())
        yield PgWorld(svc, unit, team, orgs, who, factory)
    finally:
        async with admin_engine.begin() as conn:
            await conn.execute(sa.text("SET LOCAL samordna.access_log_purge = 'on'"))
            await conn.execute(sa.text("DELETE FROM slt_unit WHERE id = :u"), {"u": unit})


async def test_withheld_until_consent_and_again_after_withdrawal(world: PgWorld) -> None:
    w, lead, cw = world, world.who["slt"], world.who["cw"]
    subject = NewSubject(
        name="Ola Testesen", birth_date=date(2010, 5, 1), identity_number="01851040044",
        guardians=(GuardianInput(name="Mor Testesen", relation="mor", parental_responsibility=True),),
    )  # fmt: skip
    opened = await w.svc.open_case(
        lead,
        OpenCase(
            body_id=w.team.id, kind=CaseKind.FOLLOW_UP_TEAM, start_on=date(2026, 3, 1),
            end_on=date(2026, 12, 31), subject=subject, organisation_id=w.orgs["slt"].id,
        ),
    )  # fmt: skip
    case_id = opened.case.id
    assert opened.case.reference == "SAK-2026-0001"
    await w.svc.add_member(
        lead, case_id,
        NewMember(person_id=cw.person_id, organisation_id=w.orgs["cw"].id, role=MemberRole.MEMBER),
    )  # fmt: skip
    seen = await w.svc.case_view(cw, case_id)
    assert isinstance(seen.subject.identity, Withheld)
    assert seen.subject.identity.reason is DenyReason.CONSENT_MISSING
    async with w.factory(w.unit) as uow:
        guardian_id = (await uow.subjects.get(opened.subject.id)).guardians[0].id
    view = await w.svc.register_consent(
        lead, case_id,
        NewConsent(
            allowed_categories=frozenset(Category), valid_from=date(2026, 3, 1),
            source_organisation_ids=frozenset({w.orgs["slt"].id}),
            recipient_organisation_ids=frozenset({w.orgs["cw"].id}),
            valid_to=date(2027, 2, 28), notice_version="2026-1", notice_sha256="a" * 64,
            parties=(
                NewParty(kind=PartyKind.SUBJECT, identity_verified_by="kjent"),
                NewParty(kind=PartyKind.GUARDIAN, guardian_id=guardian_id, identity_verified_by="BankID"),
            ),
            method=CollectionMethod.WRITTEN, collected_by_organisation_id=w.orgs["slt"].id,
        ),
    )  # fmt: skip
    for party in view.consent.parties:
        view = await w.svc.record_consent_event(
            lead, view.consent.id, party.id, EventKind.GIVEN, CollectionMethod.WRITTEN, None, 0
        )
    seen = await w.svc.case_view(cw, case_id)
    assert isinstance(seen.subject.identity, Shown)
    guardian_party = view.consent.parties[1].id
    await w.svc.record_consent_event(
        lead, view.consent.id, guardian_party, EventKind.WITHDRAWN, CollectionMethod.WRITTEN,
        None, 1,
    )  # fmt: skip
    seen = await w.svc.case_view(cw, case_id)
    assert isinstance(seen.subject.identity, Withheld)
    assert seen.subject.identity.reason is DenyReason.CONSENT_WITHDRAWN
    async with w.factory(w.unit) as uow:
        logged = await uow.access_log.of_subject(opened.subject.id)
    denied = [e for e in logged if e.decision.value == "deny"]
    assert denied and all(e.subject_ref == opened.subject.id for e in logged)
    assert cw.person_id in {e.actor_person_id for e in denied}
