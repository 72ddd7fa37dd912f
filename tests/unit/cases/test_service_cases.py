"""Cases' unit tests: opening, listing, reading, changing and closing cases through the service —
team-only visibility (everyone else: 404 and a denied entry in the access log), executive bodies
only, youth kinds' ages and lengths, one access-log entry per item read."""

from __future__ import annotations

from datetime import date

import pytest

from domain.cases.access import Action, Outcome
from domain.cases.case import CaseKind, ClosingReason
from domain.cases.decision import DenyReason
from domain.cases.errors import CaseBodyNotExecutive, CaseClosed, OpenCaseExists
from domain.cases.service import CaseChanges, NewSubject, OpenCase
from domain.cases.views import Shown, Withheld
from domain.shared.errors import (
    Forbidden,
    NotFound,
    StaleVersion,
    ValidationFailed,
    VersionRequired,
)
from domain.shared.identity_number import first_synthetic
from domain.shared.principal import BodyRole
from tests.fakes import machine, person, steering_reader
from tests.unit.cases.conftest import BORN, World


async def test_the_opener_is_lead_and_sees_the_subject(world: World) -> None:
    view = await world.open_case()
    assert view.case.reference == "SAK-2026-0001"
    assert view.my_role is not None and view.my_role.value == "lead"
    assert isinstance(view.subject.identity, Shown)
    assert view.subject.identity.value.age == 15
    assert view.subject.identity.access.basis.value == "own_service"
    log = world.store.access_log
    assert {(e.object_type, e.action) for e in log} >= {
        ("case", Action.WRITE),
        ("subject", Action.WRITE),
        ("subject", Action.READ),
    }
    assert all(e.subject_ref == view.subject.id for e in log)
    assert not any("Testesen" in repr(e) for e in log)


async def test_cases_belong_to_executive_bodies(world: World) -> None:
    world.who["lead"].body_roles[world.coord_body.id] = BodyRole.CHAIR
    with pytest.raises(CaseBodyNotExecutive):
        await world.open_case(body_id=world.coord_body.id)


@pytest.mark.parametrize("seat", [None, BodyRole.DEPUTY, BodyRole.OBSERVER])
async def test_only_a_seat_on_the_body_opens_a_case(world: World, seat: BodyRole | None) -> None:
    p = person(world.unit.id, body_roles={world.team_body.id: seat} if seat else {})
    world.who["lead"] = p
    with pytest.raises(Forbidden):
        await world.open_case()


@pytest.mark.parametrize(
    ("kind", "born", "end_on", "code"),
    [
        (
            CaseKind.YOUTH_FOLLOW_UP,
            date(2012, 1, 1),
            date(2026, 12, 31),
            "subject-age-out-of-range",
        ),
        (CaseKind.YOUTH_SENTENCE, date(2008, 1, 1), date(2026, 12, 31), "subject-age-out-of-range"),
        (CaseKind.YOUTH_FOLLOW_UP, BORN, date(2027, 3, 2), "case-too-long"),
        (CaseKind.YOUTH_SENTENCE, BORN, date(2029, 3, 2), "case-too-long"),
        (CaseKind.YOUTH_SENTENCE, BORN, None, "required"),
    ],
)
async def test_youth_kinds_have_ages_and_lengths(
    world: World, kind: CaseKind, born: date, end_on: date | None, code: str
) -> None:
    with pytest.raises(ValidationFailed) as err:
        await world.open_case(kind=kind, born=born, end_on=end_on)
    assert code in {e.code for e in err.value.errors}


async def test_a_youth_sentence_may_last_three_years(world: World) -> None:
    view = await world.open_case(kind=CaseKind.YOUTH_SENTENCE, end_on=date(2029, 3, 1))
    assert view.case.kind is CaseKind.YOUTH_SENTENCE


async def test_identity_numbers_are_validated_and_a_new_subject_never_joins_a_registered_one(
    world: World,
) -> None:
    bad = NewSubject(name="Ola", birth_date=BORN, identity_number="12345678901")
    with pytest.raises(ValidationFailed) as err:
        await world.open_case(subject=bad)
    assert err.value.errors[0].code == "invalid-identity-number"
    number = first_synthetic(BORN)
    first = await world.open_case(
        subject=NewSubject(name="Ola", birth_date=BORN, identity_number=number)
    )
    again = NewSubject(name="Noen Annen", birth_date=BORN, identity_number=number)
    with pytest.raises(OpenCaseExists):  # the lead's own subject again: one open case
        await world.open_case(subject=again)
    mine = await world.open_case(subject=again, kind=CaseKind.OTHER)
    assert mine.subject.id == first.subject.id  # the lead's own service's subject, joined
    # Another service's seat holder with the same number registers a record of their own
    # (ADR 0017): they see what they registered, and no 409 says the child is followed up.
    cmd = OpenCase(
        body_id=world.team_body.id,
        kind=CaseKind.FOLLOW_UP_TEAM,
        start_on=date(2026, 3, 1),
        subject=again,
        organisation_id=world.org("health"),
    )
    other = await world.svc.open_case(world.who["nurse"], cmd)
    assert other.subject.id != first.subject.id
    assert isinstance(other.subject.identity, Shown)
    assert other.subject.identity.value.name == "Noen Annen"
    assert len(world.store.tables.subjects) == 2


async def test_unknown_body_and_organisation_are_field_errors(world: World) -> None:
    with pytest.raises(ValidationFailed) as err:
        await world.open_case(organisation_id=world.other.id)
    assert err.value.errors[0].field == "organisationId"


async def test_my_cases_lists_only_my_teams_cases(world: World) -> None:
    case = await world.open_case()
    await world.team(case, "cw")
    mine = await world.svc.my_cases(world.who["lead"])
    assert [c.reference for c in mine] == ["SAK-2026-0001"]
    assert isinstance(mine[0].subject_name, Shown)
    theirs = await world.svc.my_cases(world.who["cw"])
    assert isinstance(theirs[0].subject_name, Withheld)
    assert theirs[0].subject_name.reason is DenyReason.CONSENT_MISSING
    for key in ("outsider", "admin", "coordinator", "police", "nurse"):
        assert await world.svc.my_cases(world.who[key]) == ()


@pytest.mark.parametrize("key", ["outsider", "admin", "coordinator", "police", "nurse", "steering"])
async def test_nobody_off_the_team_sees_that_a_case_exists(world: World, key: str) -> None:
    case = await world.open_case()
    who = steering_reader(world.unit.id) if key == "steering" else world.who[key]
    before = len(world.store.access_log)
    with pytest.raises(NotFound):
        await world.svc.case_view(who, case.case.id)
    denied = world.store.access_log[before:]
    assert len(denied) == 1
    assert denied[0].decision is Outcome.DENY and denied[0].deny_reason == "not-on-team"


async def test_another_unit_and_machines_see_nothing(world: World) -> None:
    case = await world.open_case()
    with pytest.raises(NotFound):
        await world.svc.case_view(person(world.other.id), case.case.id)
    with pytest.raises(Forbidden):
        await world.svc.case_view(machine(world.unit.id), case.case.id)


async def test_every_item_read_is_logged_with_its_decision(world: World) -> None:
    case = await world.open_case()
    await world.team(case, "cw", "police")
    before = len(world.store.access_log)
    view = await world.svc.case_view(world.who["cw"], case.case.id)
    entries = world.store.access_log[before:]
    items = 2 + len(view.team) + 2 * len(view.commitments) + len(view.notes)
    assert len(entries) == items
    denied = [e for e in entries if e.decision is Outcome.DENY]
    assert denied and all(e.deny_reason for e in denied)
    assert all(e.actor_person_id == world.persons["cw"].id for e in entries)


async def test_the_lead_changes_and_closes_with_the_version_read(world: World) -> None:
    case = await world.open_case()
    await world.team(case, "cw")
    with pytest.raises(Forbidden):
        await world.svc.update_case(world.who["cw"], case.case.id, CaseChanges(end_on=None), 1)
    with pytest.raises(VersionRequired):
        await world.svc.update_case(world.who["lead"], case.case.id, CaseChanges(end_on=None), None)
    changed = await world.svc.update_case(
        world.who["lead"], case.case.id, CaseChanges(end_on=date(2026, 6, 30)), 1
    )
    assert changed.case.end_on == date(2026, 6, 30) and changed.case.version == 2
    with pytest.raises(StaleVersion):
        await world.svc.close_case(world.who["lead"], case.case.id, ClosingReason.GOALS_MET, 1)
    closed = await world.svc.close_case(world.who["lead"], case.case.id, ClosingReason.GOALS_MET, 2)
    assert closed.case.closed_on == date(2026, 3, 14)
    with pytest.raises(CaseClosed):
        await world.svc.update_case(world.who["lead"], case.case.id, CaseChanges(end_on=None), 3)


async def test_a_failed_request_leaves_no_log_entries_and_no_change(world: World) -> None:
    case = await world.open_case()
    before = (len(world.store.access_log), world.store.tables.cases[case.case.id])
    with pytest.raises(ValidationFailed):
        await world.svc.update_case(
            world.who["lead"], case.case.id, CaseChanges(end_on=date(2020, 1, 1)), 1
        )
    assert (len(world.store.access_log), world.store.tables.cases[case.case.id]) == before


async def test_no_repr_carries_the_subjects_data(world: World) -> None:
    number = first_synthetic(BORN)
    view = await world.open_case(
        subject=NewSubject(name="Ola Testesen", birth_date=BORN, identity_number=number)
    )
    text = repr(view) + repr(world.store.tables.subjects) + repr(world.store.access_log)
    for secret in ("Testesen", number, BORN.isoformat(), repr(BORN)):
        assert secret not in text
