"""Cases' unit tests: changing a subject and their guardians (a lead who may see them, at the
version read) and finding a subject by identity number (only among the reader's own cases; a
probe for anyone else's is logged as denied and answered like a number nobody has)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.cases.access import Outcome
from domain.cases.service import GuardianInput, NewSubject, SubjectChanges
from domain.cases.views import Shown
from domain.shared.errors import Forbidden, NotFound, StaleVersion, ValidationFailed
from domain.shared.identity_number import first_synthetic
from tests.unit.cases.conftest import BORN, World

NUMBER = first_synthetic(BORN)


async def test_the_lead_changes_the_subject_and_guardians(world: World) -> None:
    case = await world.open_case()
    await world.team(case, "cw")
    kept = world.store.tables.subjects[case.subject.id].guardians[0]
    changes = SubjectChanges(
        name="Ola Nordmann Testesen",
        identity_number=NUMBER,
        guardians=(
            GuardianInput(
                id=kept.id, name=kept.name, relation="mor", parental_responsibility=False
            ),
            GuardianInput(name="Fosterfar", relation="fosterfar", parental_responsibility=True),
        ),
    )
    with pytest.raises(Forbidden):
        await world.svc.update_subject(world.who["cw"], case.subject.id, changes, 1)
    with pytest.raises(NotFound):
        await world.svc.update_subject(world.who["outsider"], case.subject.id, changes, 1)
    view = await world.svc.update_subject(world.who["lead"], case.subject.id, changes, 1)
    assert view.version == 2
    assert isinstance(view.identity, Shown) and view.identity.value.identity_number == NUMBER
    assert isinstance(view.guardians, Shown)
    assert [(g.id == kept.id, g.parental_responsibility) for g in view.guardians.value] == [
        (True, False),
        (False, True),
    ]
    with pytest.raises(StaleVersion):
        await world.svc.update_subject(world.who["lead"], case.subject.id, changes, 1)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (SubjectChanges(name=" "), "name"),
        (SubjectChanges(birth_date=date(2027, 1, 1)), "birthDate"),
        (SubjectChanges(identity_number="01017012346"), "identityNumber"),
        (
            SubjectChanges(
                guardians=(GuardianInput(name="X", relation="", parental_responsibility=True),)
            ),
            "guardians.0.relation",
        ),
    ],
)
async def test_a_subject_change_is_validated(
    world: World, changes: SubjectChanges, field: str
) -> None:
    case = await world.open_case()
    with pytest.raises(ValidationFailed) as err:
        await world.svc.update_subject(world.who["lead"], case.subject.id, changes, 1)
    assert err.value.errors[0].field == field


async def test_an_unknown_guardian_id_is_refused(world: World) -> None:
    case = await world.open_case()
    stranger = GuardianInput(id=case.case.id, name="X", relation="y", parental_responsibility=True)
    with pytest.raises(ValidationFailed) as err:
        await world.svc.update_subject(
            world.who["lead"], case.subject.id, SubjectChanges(guardians=(stranger,)), 1
        )
    assert err.value.errors[0].field == "guardians.0.id"


async def test_find_subject_sees_only_the_readers_cases(world: World) -> None:
    case = await world.open_case(
        subject=NewSubject(name="Ola Testesen", birth_date=BORN, identity_number=NUMBER)
    )
    with pytest.raises(ValidationFailed):
        await world.svc.find_subject(world.who["lead"], "123")
    match = await world.svc.find_subject(world.who["lead"], NUMBER)
    assert match is not None and match.subject_id == case.subject.id
    assert [(c.reference, c.body_name) for c in match.cases] == [
        ("SAK-2026-0001", "Oppfølgingsteam")
    ]
    before = len(world.store.access_log)
    assert await world.svc.find_subject(world.who["outsider"], NUMBER) is None
    probe = world.store.access_log[before:]
    assert [(e.decision, e.deny_reason) for e in probe] == [(Outcome.DENY, "not-on-team")]
    assert (
        await world.svc.find_subject(world.who["lead"], first_synthetic(date(2011, 1, 1))) is None
    )
