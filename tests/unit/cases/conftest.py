"""Fixtures for the cases' unit tests: a fake store with two units, the organisations of a
youth follow-up team (konfliktråd, child welfare, health station, school, police, NAV), an
executive and a coordinating body, persons with principals, and the service over the fakes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.cases.case import CaseKind, MemberRole
from domain.cases.consent import CollectionMethod, EventKind, PartyKind
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
from domain.cases.views import CaseView, ConsentView
from domain.organisation.model import Body, Level, Organisation, OrganisationType, Person, SltUnit
from domain.shared.principal import BodyRole, Principal, Role
from tests.fakes import FakeClock, FakeGuard, person
from tests.fakes.cases import FakeCasesStore, FakeCasesUnitOfWorkFactory
from tests.fakes.mail import FakeMail

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
BORN = date(2010, 5, 1)  # 15 on NOW; 16 on 2026-05-01
NOTICE_SHA = "a" * 64
T = OrganisationType


@dataclass
class World:
    store: FakeCasesStore
    clock: FakeClock
    mail: FakeMail
    guard: FakeGuard
    svc: CasesService
    unit: SltUnit
    other: SltUnit
    team_body: Body
    coord_body: Body
    orgs: dict[str, Organisation]
    persons: dict[str, Person] = field(default_factory=dict)
    who: dict[str, Principal] = field(default_factory=dict)

    def org(self, key: str) -> UUID:
        return self.orgs[key].id

    async def open_case(
        self, *, kind: CaseKind = CaseKind.FOLLOW_UP_TEAM, born: date = BORN, **kw: Any
    ) -> CaseView:
        subject = NewSubject(
            name="Ola Testesen",
            birth_date=born,
            guardians=(
                GuardianInput(name="Mor Testesen", relation="mor", parental_responsibility=True),
                GuardianInput(name="Far Testesen", relation="far", parental_responsibility=True),
            ),
        )
        values: dict[str, Any] = {
            "body_id": self.team_body.id,
            "kind": kind,
            "start_on": date(2026, 3, 1),
            "end_on": date(2026, 12, 31),
            "subject": subject,
            "organisation_id": self.org("slt"),
        } | kw
        return await self.svc.open_case(self.who["lead"], OpenCase(**values))

    async def team(self, case: CaseView, *keys: str) -> None:
        for key in keys:
            await self.svc.add_member(
                self.who["lead"],
                case.case.id,
                NewMember(
                    person_id=self.persons[key].id,
                    organisation_id=self.persons[key].organisation_id,
                    role=MemberRole.MEMBER,
                ),
            )

    async def consent(
        self,
        case: CaseView,
        *,
        categories: frozenset[Category] = frozenset(Category),
        sources: tuple[str, ...] = ("slt", "cw", "health", "school", "police", "nav"),
        recipients: tuple[str, ...] = ("slt", "cw", "health", "school", "police", "nav"),
        give: tuple[str, ...] = ("subject", "guardian0", "guardian1"),
        by: str = "lead",
        child_view: str | None = None,
    ) -> ConsentView:
        guardians = case.subject.guardians
        assert not isinstance(guardians, type(None))
        g_ids = [g.id for g in self.store.tables.subjects[case.subject.id].guardians]
        view = await self.svc.register_consent(
            self.who[by],
            case.case.id,
            NewConsent(
                allowed_categories=categories,
                source_organisation_ids=frozenset(self.org(k) for k in sources),
                recipient_organisation_ids=frozenset(self.org(k) for k in recipients),
                valid_from=date(2026, 3, 1),
                valid_to=date(2027, 2, 28),
                notice_version="2026-1",
                notice_sha256=NOTICE_SHA,
                parties=(
                    NewParty(kind=PartyKind.SUBJECT, identity_verified_by="kjent for tjenesten"),
                    *(
                        NewParty(
                            kind=PartyKind.GUARDIAN, guardian_id=g, identity_verified_by="BankID"
                        )
                        for g in g_ids
                    ),
                ),
                method=CollectionMethod.WRITTEN,
                child_view=child_view,
                collected_by_organisation_id=self.persons[by].organisation_id or self.org("slt"),
            ),
        )
        parties = list(view.consent.parties)
        names = ["subject", *(f"guardian{i}" for i in range(len(g_ids)))]
        for name, party in zip(names, parties, strict=True):
            if name in give:
                view = await self.event(view, party.id, EventKind.GIVEN, by=by)
        return view

    async def event(
        self, view: ConsentView, party_id: UUID, kind: EventKind, by: str = "lead"
    ) -> ConsentView:
        seq = max((e.seq for e in view.events if e.party_id == party_id), default=0)
        return await self.svc.record_consent_event(
            self.who[by], view.consent.id, party_id, kind, CollectionMethod.WRITTEN, None, seq
        )


@pytest.fixture
def world() -> World:
    return make_world()


def make_world() -> World:
    """A fresh store and service (also for hypothesis, which cannot reuse a function fixture)."""
    store = FakeCasesStore()
    unit = store.seed_unit()
    other = store.seed_unit(
        name="SLT Sogndal", municipality_numbers=("4640",), police_district="vest"
    )
    orgs = {
        key: Organisation(id=uuid4(), unit_id=unit.id, name=name, type=t)
        for key, name, t in (
            ("slt", "Konfliktrådet i Buskerud", T.MEDIATION_SERVICE),
            ("cw", "Barneverntjenesten", T.CHILD_WELFARE),
            ("health", "Helsestasjon for ungdom", T.HEALTH_STATION),
            ("school", "Fjell ungdomsskole", T.SCHOOL),
            ("police", "Politiet Drammen", T.POLICE),
            ("nav", "NAV Drammen", T.NAV),
        )
    }
    team_body = Body(id=uuid4(), unit_id=unit.id, name="Oppfølgingsteam", level=Level.EXECUTIVE)
    coord_body = Body(
        id=uuid4(), unit_id=unit.id, name="Koordineringsgruppa", level=Level.COORDINATING
    )
    store.put(*orgs.values(), team_body, coord_body)
    clock = FakeClock(NOW)
    mail = FakeMail()
    guard = FakeGuard("01017012345")
    svc = CasesService(FakeCasesUnitOfWorkFactory(store), clock, mail, guard)
    w = World(
        store=store,
        clock=clock,
        mail=mail,
        guard=guard,
        svc=svc,
        unit=unit,
        other=other,
        team_body=team_body,
        coord_body=coord_body,
        orgs=orgs,
    )
    for key, org, seat, roles in (
        ("lead", "slt", BodyRole.CHAIR, ()),
        ("cw", "cw", BodyRole.MEMBER, ()),
        ("nurse", "health", BodyRole.MEMBER, ()),
        ("teacher", "school", BodyRole.MEMBER, ()),
        ("police", "police", BodyRole.MEMBER, (Role.POLICE_CONTACT,)),
        ("nav", "nav", BodyRole.MEMBER, ()),
        ("outsider", "school", None, ()),
        ("admin", "slt", None, (Role.UNIT_ADMIN,)),
        ("coordinator", "slt", None, (Role.COORDINATOR,)),
    ):
        pid = uuid4()
        p = Person(
            id=pid,
            unit_id=unit.id,
            name=f"{key.title()} Person",
            organisation_id=orgs[org].id,
            email=f"{key}@example.invalid",
        )
        store.put(p)
        w.persons[key] = p
        w.who[key] = person(
            unit.id,
            *roles,
            body_roles={team_body.id: seat} if seat else {},
            name=p.name,
            person_id=pid,
        )
    store.admin_emails[unit.id] = ["admin@example.invalid"]
    return w
