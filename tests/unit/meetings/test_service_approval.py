"""Meetings use-case tests: approval by the chair or at the next meeting, decision numbering per
body and year, immutability, corrections as versions, distribution."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from uuid import uuid4

import pytest

from domain.meetings.approval import ApprovalKind
from domain.meetings.errors import IllegalTransition, MinutesLocked, NotChair
from domain.meetings.meeting import Meeting
from domain.meetings.minutes import ItemMinutes
from domain.meetings.service import MeetingChanges, MeetingsService
from domain.meetings.status import DocumentationStatus, MeetingStatus
from domain.organisation.model import Membership, Person
from domain.shared.errors import Forbidden, ValidationFailed
from domain.shared.free_text import PersonalDataFound
from domain.shared.principal import BodyRole
from tests.fakes import FakeClock, FakeMeetingsStore, FakeMeetingsUnitOfWork, person
from tests.unit.meetings.conftest import MARKER, Board, drafting, held


async def with_decisions(meetings: MeetingsService, board: Board, m: Meeting, *texts: str) -> None:
    (first,) = await meetings.agenda(board.coord, m.id)
    second = await meetings.add_agenda_item(board.coord, m.id, title="Neste sak")
    await meetings.reorder_agenda(board.coord, m.id, [second.id, first.id])
    for n, text in enumerate(texts):
        await meetings.record_decision(
            board.coord, m.id, first.id if n % 2 == 0 else second.id, text
        )


async def test_the_chair_approves_and_decisions_are_numbered_in_agenda_order(
    meetings: MeetingsService, board: Board, clock: FakeClock
) -> None:
    m = await drafting(meetings, board, clock)
    await with_decisions(meetings, board, m, "På første sak", "På andre sak", "Igjen første")
    approved = await meetings.approve_by_chair(board.chair, m.id, m.version)
    assert approved.approval is not None and approved.approval.kind is ApprovalKind.CHAIR
    assert approved.approval.chair_person_id == board.chair.person_id
    labels = {
        d.text: d.number.label for d in await meetings.decisions(board.coord, m.id) if d.number
    }
    # the second item now comes first on the agenda, so its decision gets number 1
    assert labels == {
        "På andre sak": "KG 1/2025",
        "På første sak": "KG 2/2025",
        "Igjen første": "KG 3/2025",
    }
    after = await meetings.get_meeting(board.coord, m.id)
    assert (after.status, after.documentation_status, after.archive_worthy) == (
        MeetingStatus.MINUTES_APPROVED,
        DocumentationStatus.FINAL,
        True,
    )
    changes = MeetingChanges(documentation_status=DocumentationStatus.IN_PROGRESS)
    with pytest.raises(ValidationFailed) as exc:
        await meetings.update_meeting(board.coord, m.id, changes, after.version)
    assert exc.value.errors[0].code == "final-after-approval"
    kept_out = await meetings.update_meeting(
        board.coord, m.id, MeetingChanges(archive_worthy=False), after.version
    )
    assert not kept_out.archive_worthy  # a default, not a rule: the coordinator may decide


async def test_numbers_continue_across_meetings_and_restart_each_year(
    meetings: MeetingsService, board: Board, clock: FakeClock
) -> None:
    for days, expected in ((0, "KG 1/2025"), (7, "KG 2/2025"), (300, "KG 1/2026")):
        m = await drafting(meetings, board, clock, days=days)
        await with_decisions(meetings, board, m, f"Vedtak {days}")
        await meetings.approve_by_chair(board.chair, m.id, m.version)
        (d,) = await meetings.decisions(board.coord, m.id)
        assert d.number is not None and d.number.label == expected


async def test_only_the_chair_on_the_meeting_date_approves(
    meetings: MeetingsService, board: Board, clock: FakeClock, store: FakeMeetingsStore
) -> None:
    m = await drafting(meetings, board, clock)
    for who in (board.secretary, board.coord, board.members[0]):
        with pytest.raises(NotChair):
            await meetings.approve_by_chair(who, m.id, m.version)
    # A chair whose term began after the meeting was not its chair.
    newcomer = person(board.unit.id, body_roles={board.body.id: BodyRole.CHAIR})
    assert newcomer.person_id is not None
    later = m.day + timedelta(days=1)
    store.put(
        Membership(
            id=uuid4(),
            unit_id=board.unit.id,
            body_id=board.body.id,
            person_id=newcomer.person_id,
            role=BodyRole.CHAIR,
            valid_from=later,
        )
    )
    with pytest.raises(NotChair):
        await meetings.approve_by_chair(newcomer, m.id, m.version)
    assert isinstance(NotChair(), Forbidden)


async def test_a_later_held_meeting_approves(
    meetings: MeetingsService, board: Board, clock: FakeClock
) -> None:
    m = await drafting(meetings, board, clock)
    await with_decisions(meetings, board, m, "Vedtak")
    with pytest.raises(ValidationFailed, match="later meeting"):
        await meetings.approve_at_next_meeting(board.secretary, m.id, m.id, m.version)
    nxt = await meetings.plan_meeting(
        board.coord,
        body_id=board.body.id,
        starts_at=m.starts_at + timedelta(days=30),
        ends_at=m.ends_at + timedelta(days=30),
        place="Rom 2",
    )
    with pytest.raises(IllegalTransition, match="approving meeting has not been held"):
        await meetings.approve_at_next_meeting(board.secretary, m.id, nxt.id, m.version)
    clock.at = nxt.starts_at
    await meetings.hold_meeting(board.coord, nxt.id, nxt.version)
    with pytest.raises(Forbidden):
        await meetings.approve_at_next_meeting(board.members[0], m.id, nxt.id, m.version)
    approved = await meetings.approve_at_next_meeting(board.secretary, m.id, nxt.id, m.version)
    assert approved.approval is not None
    assert (approved.approval.kind, approved.approval.approving_meeting_id) == (
        ApprovalKind.NEXT_MEETING,
        nxt.id,
    )
    assert approved.approval.recorded_by_person_id == board.secretary.person_id


async def test_approved_minutes_never_change(
    meetings: MeetingsService, board: Board, clock: FakeClock, store: FakeMeetingsStore
) -> None:
    m = await drafting(meetings, board, clock)
    (item,) = await meetings.agenda(board.coord, m.id)
    approved = await meetings.approve_by_chair(board.chair, m.id, m.version)
    with pytest.raises(IllegalTransition):
        await meetings.write_item_minutes(
            board.coord,
            m.id,
            item.id,
            open_text="Etterpå",
            restricted_text=None,
            expected_version=approved.version,
        )
    with pytest.raises(IllegalTransition):
        await meetings.approve_by_chair(
            board.chair, m.id, (await meetings.get_meeting(board.coord, m.id)).version
        )
    uow = FakeMeetingsUnitOfWork(store, board.unit.id)  # the repository refuses it too
    with pytest.raises(MinutesLocked):
        await uow.minutes.update(
            replace(approved, items=(ItemMinutes(agenda_item_id=item.id),)), approved.version
        )


async def test_a_correction_is_a_new_version_every_version_kept(
    meetings: MeetingsService, board: Board, clock: FakeClock, store: FakeMeetingsStore
) -> None:
    m = await drafting(meetings, board, clock)
    (item,) = await meetings.agenda(board.coord, m.id)
    (draft,) = await meetings.minutes_versions(board.coord, m.id)
    await meetings.write_item_minutes(
        board.coord,
        m.id,
        item.id,
        open_text="Møtet ble holdt i mars.",
        restricted_text=None,
        expected_version=draft.version,
    )
    with pytest.raises(IllegalTransition, match="correcting minutes"):
        await meetings.correct_minutes(board.chair, m.id, [], "For tidlig")
    v1 = await meetings.approve_by_chair(board.chair, m.id, m.version)
    fixed = [ItemMinutes(agenda_item_id=item.id, open_text="Møtet ble holdt i april.")]
    with pytest.raises(NotChair):
        await meetings.correct_minutes(board.secretary, m.id, fixed, "Feil måned")
    with pytest.raises(ValidationFailed):
        await meetings.correct_minutes(board.chair, m.id, fixed, "  ")
    with pytest.raises(ValidationFailed):
        await meetings.correct_minutes(
            board.chair, m.id, [ItemMinutes(agenda_item_id=uuid4())], "Feil"
        )
    with pytest.raises(PersonalDataFound):
        await meetings.correct_minutes(
            board.chair, m.id, [ItemMinutes(agenda_item_id=item.id, open_text=MARKER)], "Feil"
        )
    v2 = await meetings.correct_minutes(board.chair, m.id, fixed, "Feil måned")
    assert board.chair.person_id is not None
    store.put(
        Person(
            id=board.chair.person_id,
            unit_id=board.unit.id,
            name="Lise Leder",
            email="lise@example.invalid",
        )
    )
    distributed = await meetings.distribute_minutes(
        board.coord, m.id, (await meetings.get_meeting(board.coord, m.id)).version
    )
    assert distributed.meeting.status is MeetingStatus.DISTRIBUTED
    v3 = await meetings.correct_minutes(
        board.chair, m.id, fixed, "Ny kontroll"
    )  # after distribution too
    versions = await meetings.minutes_versions(board.coord, m.id)
    assert [v.number for v in versions] == [1, 2, 3] and versions[0] == v1
    assert [v.correction_reason for v in versions] == [None, "Feil måned", "Ny kontroll"]
    assert versions[1] == v2 and versions[2] == v3 and all(v.approved for v in versions)


async def test_only_approved_minutes_are_distributed(
    meetings: MeetingsService, board: Board, clock: FakeClock
) -> None:
    m = await held(meetings, board, clock)
    with pytest.raises(IllegalTransition, match="only approved minutes are distributed"):
        await meetings.distribute_minutes(board.coord, m.id, m.version)


async def test_a_number_taken_in_a_rolled_back_transaction_is_given_back(
    store: FakeMeetingsStore, board: Board
) -> None:
    year = date(2026, 1, 1).year
    async with FakeMeetingsUnitOfWork(store, board.unit.id) as uow:
        assert await uow.decisions.next_decision_number(board.body.id, year) == 1  # no commit
    async with FakeMeetingsUnitOfWork(store, board.unit.id) as uow:
        assert await uow.decisions.next_decision_number(board.body.id, year) == 1
        assert await uow.decisions.next_decision_number(board.body.id, year) == 2
        await uow.commit()
    async with FakeMeetingsUnitOfWork(store, board.unit.id) as uow:
        assert await uow.decisions.next_decision_number(board.body.id, year) == 3
