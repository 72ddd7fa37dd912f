"""Meetings use-case tests: writing minutes in two layers, decisions and action items, the real
free-text guard on minutes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from domain.meetings.action_item import ActionStatus
from domain.meetings.errors import IllegalTransition
from domain.meetings.guard import KernelGuard
from domain.meetings.service import MeetingsService
from domain.meetings.status import MeetingStatus
from domain.organisation.model import Level
from domain.shared.errors import Forbidden, StaleVersion, ValidationFailed
from domain.shared.free_text import NO_INDIVIDUAL_CASES, Kind, PersonalDataFound
from domain.shared.identity_number import first_synthetic
from domain.shared.principal import BodyRole
from tests.fakes import (
    FakeClock,
    FakeGuard,
    FakeMeetingsStore,
    FakeMeetingsUnitOfWorkFactory,
    person,
    police_contact,
)
from tests.unit.meetings.conftest import MARKER, Board, drafting, held


async def test_minutes_start_once_the_meeting_was_held(
    meetings: MeetingsService, board: Board, clock: FakeClock
) -> None:
    m = await held(meetings, board, clock)
    with pytest.raises(IllegalTransition, match="writing minutes needs the meeting minutes_draft"):
        await meetings.record_decision(board.coord, m.id, m.id, "Tidlig")
    draft = await meetings.start_minutes(board.secretary, m.id, m.version)
    assert (draft.number, draft.items, draft.approved) == (1, (), False)
    assert (await meetings.get_meeting(board.coord, m.id)).status is MeetingStatus.MINUTES_DRAFT


async def test_the_restricted_layer_is_for_the_bodys_members_only(
    meetings: MeetingsService, board: Board, clock: FakeClock
) -> None:
    m = await drafting(meetings, board, clock)
    (item,) = await meetings.agenda(board.coord, m.id)
    (draft,) = await meetings.minutes_versions(board.coord, m.id)
    written = await meetings.write_item_minutes(
        board.secretary,
        m.id,
        item.id,
        open_text=" Drøftet. ",
        restricted_text=" Bekymring ved skole X. ",
        expected_version=draft.version,
    )
    assert written.item(item.id) is not None
    for member in (board.chair, board.secretary, board.observer, board.members[0]):
        (seen,) = await meetings.minutes_versions(member, m.id)
        assert seen.items[0].restricted_text == "Bekymring ved skole X."
    for outsider in (board.coord, police_contact(board.unit.id)):
        (seen,) = await meetings.minutes_versions(outsider, m.id)
        assert (seen.items[0].open_text, seen.items[0].restricted_text) == ("Drøftet.", None)
    with pytest.raises(StaleVersion):
        await meetings.write_item_minutes(
            board.secretary,
            m.id,
            item.id,
            open_text="x",
            restricted_text=None,
            expected_version=draft.version,
        )


async def test_a_manager_without_a_seat_never_overwrites_the_restricted_layer_blind(
    meetings: MeetingsService, board: Board, clock: FakeClock
) -> None:
    m = await drafting(meetings, board, clock)
    (item,) = await meetings.agenda(board.coord, m.id)
    (draft,) = await meetings.minutes_versions(board.coord, m.id)
    write = meetings.write_item_minutes
    first = await write(
        board.coord,
        m.id,
        item.id,
        open_text="Kort.",
        restricted_text="Første.",
        expected_version=draft.version,
    )  # nothing written yet: the coordinator may write the layer (and never reads it back)
    assert first.items[0].restricted_text is None
    again = await write(
        board.coord,
        m.id,
        item.id,
        open_text="Drøftet.",
        restricted_text=None,
        expected_version=first.version,
    )
    (seen,) = await meetings.minutes_versions(board.chair, m.id)
    assert (seen.items[0].open_text, seen.items[0].restricted_text) == ("Drøftet.", "Første.")
    with pytest.raises(Forbidden):
        await write(
            board.coord,
            m.id,
            item.id,
            open_text="Drøftet.",
            restricted_text="Annet.",
            expected_version=again.version,
        )
    (seen,) = await meetings.minutes_versions(board.chair, m.id)
    assert seen.items[0].restricted_text == "Første."


async def test_minutes_go_under_an_item_of_the_same_meeting(
    meetings: MeetingsService, board: Board, clock: FakeClock
) -> None:
    m = await drafting(meetings, board, clock)
    other = await drafting(meetings, board, clock, days=7)
    (foreign,) = await meetings.agenda(board.coord, other.id)
    with pytest.raises(ValidationFailed) as exc:
        await meetings.record_decision(board.coord, m.id, foreign.id, "Feil sak")
    assert exc.value.errors[0].field == "agendaItemId"


async def test_the_guard_checks_both_layers(
    meetings: MeetingsService, board: Board, clock: FakeClock, store: FakeMeetingsStore
) -> None:
    m = await drafting(meetings, board, clock)
    (item,) = await meetings.agenda(board.coord, m.id)
    (draft,) = await meetings.minutes_versions(board.coord, m.id)
    with pytest.raises(PersonalDataFound) as exc:
        await meetings.write_item_minutes(
            board.coord,
            m.id,
            item.id,
            open_text="Ok",
            restricted_text=MARKER,
            expected_version=draft.version,
        )
    assert exc.value.field == "restrictedText"
    with pytest.raises(PersonalDataFound):
        await meetings.add_action_item(
            board.coord, m.id, item.id, text=MARKER, owner_person_id=board.voting[1]
        )
    assert store.tables.overrides == [] and await meetings.decisions(board.coord, m.id) == []


async def test_the_kernel_guard_blocks_an_identity_number_and_names_the_bodys_rule(
    store: FakeMeetingsStore, board: Board, clock: FakeClock
) -> None:
    real = MeetingsService(
        FakeMeetingsUnitOfWorkFactory(store), clock, KernelGuard(reference_year=2025)
    )
    m = await drafting(real, board, clock)
    (item,) = await real.agenda(board.coord, m.id)
    number = first_synthetic(date(2011, 4, 3))
    text = f"Gutt med fnr. {number} ble drøftet."
    with pytest.raises(PersonalDataFound) as exc:
        await real.record_decision(board.coord, m.id, item.id, text)
    (finding,) = exc.value.findings
    assert finding.kind is Kind.IDENTITY_NUMBER and text[finding.start : finding.end] == number
    assert (
        exc.value.rule is not None and exc.value.rule.code == NO_INDIVIDUAL_CASES
    )  # a coordinating body
    assert number not in str(exc.value)  # errors may be logged: spans and kinds only
    fixed = await real.record_decision(
        board.coord, m.id, item.id, "Saken følges opp av tjenesten (Barn A)."
    )
    assert fixed.number is None  # numbered on approval


async def test_action_items_belong_to_their_owner(
    meetings: MeetingsService, board: Board, clock: FakeClock
) -> None:
    m = await drafting(meetings, board, clock)
    (item,) = await meetings.agenda(board.coord, m.id)
    owner = board.members[0]
    assert owner.person_id is not None
    due = clock.today() + timedelta(days=14)
    a = await meetings.add_action_item(
        board.secretary,
        m.id,
        item.id,
        text=" Lag utkast ",
        owner_person_id=owner.person_id,
        due=due,
    )
    later = await meetings.add_action_item(
        board.secretary, m.id, item.id, text="Rapport", owner_person_id=owner.person_id
    )
    assert [x.id for x in await meetings.my_action_items(owner)] == [
        a.id,
        later.id,
    ]  # by due date, undated last
    assert await meetings.my_action_items(board.members[1]) == []
    assert not a.is_overdue(clock.today()) and a.is_overdue(due + timedelta(days=1))
    await meetings.approve_by_chair(
        board.chair, m.id, (await meetings.get_meeting(board.coord, m.id)).version
    )
    done = await meetings.set_action_status(
        owner, a.id, ActionStatus.DONE, a.version
    )  # after approval too
    assert done.status is ActionStatus.DONE
    for stranger in (
        board.members[1],
        person(board.unit.id, body_roles={board.body.id: BodyRole.OBSERVER}),
    ):
        with pytest.raises(Forbidden):
            await meetings.set_action_status(
                stranger, later.id, ActionStatus.CANCELLED, later.version
            )
    cancelled = await meetings.set_action_status(
        board.coord, later.id, ActionStatus.CANCELLED, later.version
    )
    assert cancelled.status is ActionStatus.CANCELLED
    with pytest.raises(IllegalTransition):
        await meetings.set_action_status(
            board.coord, later.id, ActionStatus.DONE, cancelled.version
        )


async def test_a_steering_body_is_checked_at_its_level(
    store: FakeMeetingsStore, board: Board, clock: FakeClock, meetings: MeetingsService
) -> None:
    store.put(replace(board.body, level=Level.STEERING))
    m = await drafting(meetings, board, clock)
    (item,) = await meetings.agenda(board.coord, m.id)
    spy = FakeGuard()
    spied = MeetingsService(FakeMeetingsUnitOfWorkFactory(store), clock, spy)
    await spied.record_decision(board.coord, m.id, item.id, "Vedtatt")
    assert spy.calls == [("Vedtatt", "steering")]
