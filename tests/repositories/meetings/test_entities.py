"""Meetings contract cases on both backends: meetings, agenda items (with a reorder that swaps
positions), attendance, minutes versions, decisions, action items and the override log, each
kept to its port's contract; another unit sees none of it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from uuid import uuid4

import pytest

from domain.meetings.action_item import ActionStatus
from domain.meetings.decision import DecisionNumber
from domain.meetings.errors import MinutesLocked
from domain.meetings.guard import OverrideRecord
from domain.meetings.meeting import Meeting
from domain.meetings.minutes import ItemMinutes
from domain.meetings.status import MeetingStatus
from domain.shared.errors import Conflict, NotFound, StaleVersion
from domain.shared.free_text import Kind, Override
from tests.repositories.meetings import rows
from tests.repositories.meetings.conftest import MeetingsBackend


async def test_a_meeting_round_trips_and_updates_by_version(mb: MeetingsBackend) -> None:
    body = mb.here.body
    late, early = rows.meeting(body, rows.START + timedelta(days=30)), rows.meeting(body)
    await mb.store(late, early)
    async with mb.factory(mb.here.unit) as uow:
        assert await uow.meetings.get(early.id) == early
        assert [m.id for m in await uow.meetings.of_body(body.id)] == [early.id, late.id]
        held = early.moved_to(MeetingStatus.HELD)
        await uow.meetings.update(held, 1)
        with pytest.raises(StaleVersion):
            await uow.meetings.update(replace(held, version=3), 1)
    async with mb.factory(mb.here.unit) as uow:
        assert (await uow.meetings.get(early.id)).status is MeetingStatus.PLANNED  # no commit
        cancelled = late.cancelled("Ingen saker meldt.")
        await uow.meetings.update(cancelled, 1)
        await uow.commit()
    async with mb.factory(mb.here.unit) as uow:
        assert await uow.meetings.get(late.id) == cancelled
        found = await uow.meetings.get_many([late.id, early.id, late.unit_id])
        assert {x.id for x in found} == {late.id, early.id}


async def test_another_unit_sees_nothing(mb: MeetingsBackend) -> None:
    m = rows.meeting(mb.here.body)
    i = rows.item(m, 1)
    await mb.store(m, i, rows.action(m, i, mb.here.persons[0].id))
    async with mb.factory(mb.there.unit) as uow:
        with pytest.raises(NotFound):
            await uow.meetings.get(m.id)
        assert await uow.meetings.of_body(mb.here.body.id) == []
        assert await uow.agenda.of_meeting(m.id) == []
        assert await uow.actions.of_owner(mb.here.persons[0].id) == []
        assert await uow.minutes.current(m.id) is None


async def test_agenda_items_come_by_position_and_a_reorder_can_swap(mb: MeetingsBackend) -> None:
    m = rows.meeting(mb.here.body)
    a, b, c = rows.item(m, 1, "Opning"), rows.item(m, 2, "Ungdata"), rows.item(m, 3, "Eventuelt")
    await mb.store(m, c, a, b)
    async with mb.factory(mb.here.unit) as uow:
        assert [i.id for i in await uow.agenda.of_meeting(m.id)] == [a.id, b.id, c.id]
        # Swap 1 and 2 one row at a time: the deferred constraint waits for the commit.
        await uow.agenda.update(replace(a, position=2, version=2), 1)
        await uow.agenda.update(replace(b, position=1, version=2), 1)
        await uow.commit()
    async with mb.factory(mb.here.unit) as uow:
        assert [i.id for i in await uow.agenda.of_meeting(m.id)] == [b.id, a.id, c.id]
        await uow.agenda.delete(c.id, 1)
        await uow.commit()
    async with mb.factory(mb.here.unit) as uow:
        assert len(await uow.agenda.of_meeting(m.id)) == 2


async def test_one_attendance_row_per_person_and_meeting(mb: MeetingsBackend) -> None:
    m = rows.meeting(mb.here.body)
    kari, ola, _ = mb.here.persons
    await mb.store(m, rows.attendance(m, kari.id), rows.attendance(m, ola.id))
    async with mb.factory(mb.here.unit) as uow:
        with pytest.raises(Conflict):
            await uow.attendance.add(rows.attendance(m, kari.id))
    async with mb.factory(mb.here.unit) as uow:
        people = {a.person_id for a in await uow.attendance.of_meeting(m.id)}
        assert people == {kari.id, ola.id}


async def test_minutes_versions_are_kept_and_approved_ones_never_change(
    mb: MeetingsBackend,
) -> None:
    m = rows.meeting(mb.here.body)
    i = rows.item(m, 1)
    draft = rows.minutes(m, i)
    await mb.store(m, i, draft)
    chair = mb.here.persons[0].id
    async with mb.factory(mb.here.unit) as uow:
        assert await uow.minutes.current(m.id) == draft
        edited = draft.with_item(ItemMinutes(agenda_item_id=i.id, open_text="Nytt samandrag"))
        with pytest.raises(StaleVersion):
            await uow.minutes.update(edited, 7)
    async with mb.factory(mb.here.unit) as uow:
        await uow.minutes.update(edited, 1)
        approved = edited.approved_by(rows.chair_approval(chair))
        await uow.minutes.update(approved, edited.version)
        await uow.commit()
    async with mb.factory(mb.here.unit) as uow:
        assert await uow.minutes.current(m.id) == approved
        with pytest.raises(MinutesLocked):
            await uow.minutes.update(replace(approved, version=approved.version + 1), 3)
    fix = approved.corrected(
        id=uuid4(), items=approved.items, reason="Feil dato", approval=approved.approval
    )  # type: ignore[arg-type]
    await mb.store(fix)
    async with mb.factory(mb.here.unit) as uow:
        assert [v.number for v in await uow.minutes.versions(m.id)] == [1, 2]
        assert await uow.minutes.current(m.id) == fix
        with pytest.raises(Conflict):
            await uow.minutes.add(replace(fix, id=uuid4()))


async def test_decision_numbers_count_per_body_and_year(mb: MeetingsBackend) -> None:
    m = rows.meeting(mb.here.body)
    i = rows.item(m, 1)
    first, second = rows.decision(m, i, 1), rows.decision(m, i, 2)
    await mb.store(m, i, second, first)
    body = mb.here.body.id
    async with mb.factory(mb.here.unit) as uow:
        assert [d.id for d in await uow.decisions.of_meeting(m.id)] == [first.id, second.id]
        assert await uow.decisions.next_decision_number(body, 2026) == 1
        assert await uow.decisions.next_decision_number(body, 2026) == 2
        assert await uow.decisions.next_decision_number(body, 2027) == 1
        n = DecisionNumber(body_code="KG", sequence=1, year=2026)
        await uow.decisions.update(replace(first, number=n, version=2), 1)
        await uow.commit()
    async with mb.factory(mb.here.unit) as uow:
        assert (await uow.decisions.get(first.id)).number == n
        assert await uow.decisions.next_decision_number(body, 2026) == 3
        with pytest.raises(Conflict):
            await uow.decisions.update(replace(second, number=n, version=2), 1)
    async with mb.factory(mb.there.unit) as uow:  # another unit's body: its own counter
        assert await uow.decisions.next_decision_number(mb.there.body.id, 2026) == 1


async def test_action_items_per_meeting_and_per_owner_by_due_date(mb: MeetingsBackend) -> None:
    m = rows.meeting(mb.here.body)
    i = rows.item(m, 1)
    kari, ola, _ = mb.here.persons
    undated = rows.action(m, i, kari.id)
    late = rows.action(m, i, kari.id, date(2026, 5, 1))
    soon = rows.action(m, i, kari.id, date(2026, 4, 1))
    theirs = rows.action(m, i, ola.id, date(2026, 4, 1))
    await mb.store(m, i, undated, late, soon, theirs)
    async with mb.factory(mb.here.unit) as uow:
        assert [a.id for a in await uow.actions.of_owner(kari.id)] == [soon.id, late.id, undated.id]
        assert len(await uow.actions.of_meeting(m.id)) == 4
        await uow.actions.update(soon.with_status(ActionStatus.DONE), 1)
        await uow.commit()
    async with mb.factory(mb.here.unit) as uow:
        assert (await uow.actions.get(soon.id)).status is ActionStatus.DONE


async def test_an_override_is_recorded_with_the_save(mb: MeetingsBackend) -> None:
    m: Meeting = rows.meeting(mb.here.body)
    await mb.store(m)
    entry = OverrideRecord(
        override=Override(
            reason="Nummeret er fiktivt.", field="openText", counts=((Kind.PHONE, 1),)
        ),
        meeting_id=m.id,
        person_id=mb.here.persons[0].id,
        subject_key="minutes",
        at=rows.START,
    )
    async with mb.factory(mb.here.unit) as uow:
        await uow.overrides.record(entry)
        await uow.commit()
