"""Meetings contract cases on both backends for the DataLoaders' batch reads: ``of_meetings`` of
agenda items, attendance, decisions and action items, and ``versions_of_meetings`` of minutes —
several meetings' rows in one call, grouped by meeting, each meeting's in ``of_meeting``'s order,
unknown ids and another unit's meetings contributing nothing."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import uuid4

from tests.repositories.meetings import rows
from tests.repositories.meetings.conftest import MeetingsBackend


async def _two_meetings(mb: MeetingsBackend) -> dict[str, Any]:
    body, people = mb.here.body, mb.here.persons
    a, b = rows.meeting(body), rows.meeting(body, rows.START + timedelta(days=7))
    a_items = [rows.item(a, n) for n in (1, 2, 3)]
    b_items = [rows.item(b, 1)]
    out: dict[str, Any] = {"a": a, "b": b, "a_items": a_items, "b_items": b_items}
    out["decisions"] = [
        rows.decision(a, a_items[1], 1),
        rows.decision(a, a_items[0], 2),
        rows.decision(b, b_items[0], 1),
    ]
    out["actions"] = [
        rows.action(a, a_items[0], people[0].id, date(2026, 4, 1)),
        rows.action(b, b_items[0], people[1].id),
    ]
    out["attendance"] = [
        rows.attendance(a, people[0].id),
        rows.attendance(a, people[1].id),
        rows.attendance(b, people[2].id),
    ]
    await mb.store(a, b, *a_items, *b_items)
    await mb.store(*out["decisions"], *out["actions"], *out["attendance"])
    await mb.store(
        rows.minutes(a, *a_items),
        rows.minutes(a, *a_items, number=2, correction_reason="Skrivefeil"),
        rows.minutes(b, *b_items),
    )
    return out


def _by_meeting(found: Any) -> dict[Any, list[Any]]:
    out: dict[Any, list[Any]] = {}
    for r in found:
        out.setdefault(r.meeting_id, []).append(r.id)
    return out


async def test_of_meetings_reads_several_meetings_in_their_own_order(mb: MeetingsBackend) -> None:
    s = await _two_meetings(mb)
    a, b = s["a"].id, s["b"].id
    wanted = [b, a, uuid4(), a]  # out of order, an unknown id, a repeat
    async with mb.factory(mb.here.unit) as uow:
        for repo in (uow.agenda, uow.attendance, uow.decisions, uow.actions):
            found = await repo.of_meetings(wanted)
            each = {m: [r.id for r in await repo.of_meeting(m)] for m in (a, b)}
            assert _by_meeting(found) == each, repo
            ids = list(dict.fromkeys(r.meeting_id for r in found))
            assert ids == sorted(ids, key=str)  # grouped, meetings in id order
        assert [i.position for i in await uow.agenda.of_meetings([a])] == [1, 2, 3]
        assert [d.ordinal for d in await uow.decisions.of_meetings([a])] == [1, 2]
        assert await uow.agenda.of_meetings([]) == []

        versions = await uow.minutes.versions_of_meetings([b, a, uuid4()])
        assert [(v.meeting_id, v.number) for v in versions if v.meeting_id == a] == [(a, 1), (a, 2)]
        assert [v.number for v in versions if v.meeting_id == b] == [1]
        assert await uow.minutes.versions_of_meetings([]) == []


async def test_another_unit_gets_nothing_from_the_batch_reads(mb: MeetingsBackend) -> None:
    s = await _two_meetings(mb)
    ids = [s["a"].id, s["b"].id]
    async with mb.factory(mb.there.unit) as uow:
        for repo in (uow.agenda, uow.attendance, uow.decisions, uow.actions):
            assert await repo.of_meetings(ids) == []
        assert await uow.minutes.versions_of_meetings(ids) == []
        assert await uow.meetings.get_many(ids) == []
