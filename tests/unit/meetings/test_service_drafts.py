"""Meetings use-case tests: a draft's decisions and action items are changed or removed before
approval, never after; a removed draft decision leaves no gap in the numbers."""

from __future__ import annotations

from datetime import date

import pytest

from domain.meetings.errors import IllegalTransition
from domain.meetings.service import ActionItemChanges, MeetingsService
from domain.shared.errors import Forbidden, StaleVersion, ValidationFailed
from domain.shared.free_text import PersonalDataFound
from tests.fakes import FakeClock, FakeMeetingsStore
from tests.unit.meetings.conftest import MARKER, Board, drafting


async def test_draft_decisions_change_and_go_without_a_gap(
    meetings: MeetingsService, board: Board, clock: FakeClock
) -> None:
    m = await drafting(meetings, board, clock)
    (item,) = await meetings.agenda(board.coord, m.id)
    first = await meetings.record_decision(board.coord, m.id, item.id, "Først")
    second = await meetings.record_decision(board.coord, m.id, item.id, "Deretter")
    changed = await meetings.update_decision(
        board.secretary, first.id, " Først, endret ", first.version
    )
    assert (changed.text, changed.version) == ("Først, endret", 2)
    with pytest.raises(StaleVersion):
        await meetings.update_decision(board.secretary, first.id, "Igjen", first.version)
    with pytest.raises(PersonalDataFound):
        await meetings.update_decision(board.secretary, first.id, MARKER, changed.version)
    with pytest.raises(Forbidden):
        await meetings.remove_decision(board.members[0], first.id, changed.version)
    await meetings.remove_decision(board.coord, first.id, changed.version)
    await meetings.approve_by_chair(board.chair, m.id, m.version)
    (kept,) = await meetings.decisions(board.coord, m.id)
    assert kept.id == second.id and kept.number is not None and kept.number.label == "KG 1/2025"
    with pytest.raises(IllegalTransition):
        await meetings.update_decision(board.coord, kept.id, "Etterpå", kept.version)
    with pytest.raises(IllegalTransition):
        await meetings.remove_decision(board.coord, kept.id, kept.version)


async def test_draft_action_items_change_and_go(
    meetings: MeetingsService, board: Board, clock: FakeClock, store: FakeMeetingsStore
) -> None:
    m = await drafting(meetings, board, clock)
    (item,) = await meetings.agenda(board.coord, m.id)
    owner, other = board.voting[1], board.voting[2]
    a = await meetings.add_action_item(
        board.coord, m.id, item.id, text="Lag plan", owner_person_id=owner
    )
    b = await meetings.add_action_item(
        board.coord, m.id, item.id, text="Ring rektor", owner_person_id=owner
    )
    changes = ActionItemChanges(owner_person_id=other, due=date(2025, 4, 1), text=" Lag plan nå ")
    moved = await meetings.update_action_item(board.coord, a.id, changes, a.version)
    assert (moved.owner_person_id, moved.due, moved.text, moved.version) == (
        other,
        date(2025, 4, 1),
        "Lag plan nå",
        2,
    )
    with pytest.raises(ValidationFailed):
        await meetings.update_action_item(
            board.coord, a.id, ActionItemChanges(text="  "), moved.version
        )
    with pytest.raises(ValidationFailed) as exc:
        ActionItemChanges.from_mapping({"status": "done"})
    assert exc.value.errors[0].code == "read-only"  # the status moves through its own use case
    await meetings.remove_action_item(board.coord, b.id, b.version)
    assert [x.id for x in await meetings.my_action_items(board.members[1])] == [a.id]
    await meetings.approve_by_chair(board.chair, m.id, m.version)
    with pytest.raises(IllegalTransition):
        await meetings.update_action_item(
            board.coord, a.id, ActionItemChanges(due=None), moved.version
        )
    with pytest.raises(IllegalTransition):
        await meetings.remove_action_item(board.coord, a.id, moved.version)
