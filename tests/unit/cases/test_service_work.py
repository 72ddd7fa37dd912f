"""Cases' unit tests: the team, the youth plan's commitments and breaches, and notes with their
duty prompts — who may write, what the readers of other organisations see, and what is recorded."""

from __future__ import annotations

from datetime import date

import pytest

from domain.cases.case import MemberRole
from domain.cases.commitment import CommitmentKind, CommitmentStatus, Consequence
from domain.cases.decision import DenyReason
from domain.cases.errors import AlreadyOnTeam, LastLead
from domain.cases.note import Duty, DutyAnswerKind, DutyTag
from domain.cases.regimes import Category, SourceRegime
from domain.cases.service import NewBreach, NewCommitment, NewMember, NewNote
from domain.cases.views import Shown, Withheld
from domain.shared.errors import Forbidden, NotFound, ValidationFailed
from tests.unit.cases.conftest import World


async def test_the_team_has_one_seat_per_person_and_keeps_a_lead(world: World) -> None:
    case = await world.open_case()
    await world.team(case, "cw")
    with pytest.raises(AlreadyOnTeam):
        await world.team(case, "cw")
    with pytest.raises(Forbidden):
        await world.svc.add_member(
            world.who["cw"],
            case.case.id,
            NewMember(person_id=world.persons["nurse"].id, organisation_id=world.org("health")),
        )
    network = await world.svc.add_member(
        world.who["lead"], case.case.id, NewMember(name="Trener i klubben", organisation_id=None)
    )
    assert network.organisation_id is None
    with pytest.raises(ValidationFailed):
        await world.svc.add_member(
            world.who["lead"], case.case.id, NewMember(person_id=world.persons["nav"].id)
        )
    lead = next(
        m
        for m in (await world.svc.case_view(world.who["lead"], case.case.id)).team
        if m.role is MemberRole.LEAD
    )
    with pytest.raises(LastLead):
        await world.svc.remove_member(world.who["lead"], case.case.id, lead.id)
    cw = next(
        m for m in world.store.tables.members.values() if m.person_id == world.persons["cw"].id
    )
    await world.svc.remove_member(world.who["lead"], case.case.id, cw.id)
    with pytest.raises(NotFound):  # off the team: the case is gone for them
        await world.svc.case_view(world.who["cw"], case.case.id)


async def test_commitments_take_their_category_and_regime(world: World) -> None:
    case = await world.open_case()
    await world.team(case, "teacher", "police")
    c = await world.svc.add_commitment(
        world.who["lead"],
        case.case.id,
        NewCommitment(
            kind=CommitmentKind.DRUG_TESTING,
            description="Urinprøve hver fredag",
            responsible_organisation_id=world.org("health"),
        ),
    )
    assert (c.category, c.regime) == (Category.SUBSTANCE_USE, SourceRegime.HEALTH)
    # the responsible health service is the source: even the lead who wrote it needs a basis
    assert isinstance(c.commitment, Withheld) and isinstance(c.description, Withheld)
    assert c.commitment.reason is DenyReason.CONSENT_MISSING
    with pytest.raises(Forbidden):  # the teacher's school is not responsible
        await world.svc.record_breach(
            world.who["teacher"],
            c.id,
            NewBreach(
                occurred_on=date(2026, 3, 13),
                description="Møtte ikke",
                consequence=Consequence.WARNING,
            ),
        )
    police_view = await world.svc.case_view(world.who["police"], case.case.id)
    seen = police_view.commitments[0]
    assert isinstance(seen.commitment, Withheld) and isinstance(seen.description, Withheld)
    assert seen.description.reason is DenyReason.POLICE_MINIMISED
    assert seen.commitment.reason is DenyReason.CONSENT_MISSING
    await world.consent(case)
    breached = await world.svc.record_breach(
        world.who["lead"],
        c.id,
        NewBreach(
            occurred_on=date(2026, 3, 13), description="Møtte ikke", consequence=Consequence.WARNING
        ),
    )
    assert isinstance(breached.commitment, Shown)
    assert breached.commitment.value.status is CommitmentStatus.BREACHED
    police_view = await world.svc.case_view(world.who["police"], case.case.id)
    seen = police_view.commitments[0]
    assert isinstance(seen.commitment, Shown)  # structured fields by consent
    assert seen.commitment.value.description == ""  # never the free text
    assert all(b.description == "" for b in seen.commitment.value.breaches)
    assert isinstance(seen.description, Withheld)


async def test_a_note_is_its_authors_organisations_and_prompts_duties(world: World) -> None:
    case = await world.open_case()
    await world.team(case, "cw", "teacher", "police")
    note = await world.svc.add_note(
        world.who["teacher"],
        case.case.id,
        NewNote(
            category=Category.FAMILY,
            text="Blåmerker på armene, sier han falt.",
            duty_tags=frozenset({DutyTag.SUSPECTED_ABUSE}),
        ),
    )
    assert note.regime is SourceRegime.SCHOOL
    assert [d.duty for d in note.duty_prompts] == [Duty.REPORT_TO_CHILD_WELFARE, Duty.AVERT_CRIME]
    assert note.duty_prompts[0].citation == "bvl. § 13-2"
    with pytest.raises(Forbidden):
        await world.svc.answer_duty(
            world.who["cw"], note.id, Duty.AVERT_CRIME, DutyAnswerKind.UNSURE
        )
    answer = await world.svc.answer_duty(
        world.who["teacher"], note.id, Duty.REPORT_TO_CHILD_WELFARE, DutyAnswerKind.WILL_REPORT
    )
    assert answer.answer is DutyAnswerKind.WILL_REPORT
    plain = await world.svc.add_note(
        world.who["teacher"], case.case.id, NewNote(category=Category.SCHOOL, text="Godt oppmøte.")
    )
    with pytest.raises(ValidationFailed):
        await world.svc.answer_duty(
            world.who["teacher"], plain.id, Duty.AVERT_CRIME, DutyAnswerKind.UNSURE
        )
    await world.consent(case)
    by_cw = await world.svc.notes(world.who["cw"], case.case.id)
    assert all(isinstance(n.note, Shown) for n in by_cw)
    assert all(n.duty_prompts == () and n.duty_answers == () for n in by_cw)  # the author's own
    by_police = await world.svc.notes(world.who["police"], case.case.id)
    assert all(
        isinstance(n.note, Withheld) and n.note.reason is DenyReason.POLICE_MINIMISED
        for n in by_police
    )
    mine = await world.svc.notes(world.who["teacher"], case.case.id)
    flagged = next(n for n in mine if n.id == note.id)
    assert [a.answer for a in flagged.duty_answers] == [DutyAnswerKind.WILL_REPORT]


async def test_notes_are_validated_and_for_the_team(world: World) -> None:
    case = await world.open_case()
    with pytest.raises(ValidationFailed):
        await world.svc.add_note(
            world.who["lead"], case.case.id, NewNote(category=Category.OTHER, text="  ")
        )
    with pytest.raises(ValidationFailed):
        await world.svc.add_note(
            world.who["lead"], case.case.id, NewNote(category=Category.OTHER, text="x" * 8001)
        )
    with pytest.raises(NotFound):
        await world.svc.add_note(
            world.who["outsider"], case.case.id, NewNote(category=Category.OTHER, text="Hei")
        )
