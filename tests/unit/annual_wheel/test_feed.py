"""Annual-wheel tasks as all-day calendar events: stable UID, SEQUENCE from the version, cancelled."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

from domain.annual_wheel.feed import task_event, task_feed
from domain.annual_wheel.task import TaskStatus, WheelTask, task_id
from domain.annual_wheel.template import OwnerRole
from domain.shared.calendar import EventStatus

AT = datetime(2026, 3, 1, 8, tzinfo=UTC)


def task(**kw: object) -> WheelTask:
    template = uuid4()
    values: dict[str, object] = {
        "id": task_id(template, 2026),
        "unit_id": uuid4(),
        "template_id": template,
        "year": 2026,
        "title": "Revisjon av handlingsplanen",
        "due": date(2026, 10, 31),
        "owner_role": OwnerRole.COORDINATOR,
        "description": "Intern merknad som ikke skal ut",
    }
    values.update(kw)
    return WheelTask(**values)  # type: ignore[arg-type]


def test_a_task_is_an_all_day_event_on_its_due_date() -> None:
    ev = task_event(task(), AT)
    assert ev.all_day
    assert (ev.start, ev.end) == (date(2026, 10, 31), date(2026, 11, 1))
    assert ev.summary == "Revisjon av handlingsplanen"
    assert ev.sequence == 0
    assert "Intern merknad" not in repr(ev)  # the description never leaves


def test_a_change_keeps_the_uid_and_raises_the_sequence() -> None:
    t = task()
    done = replace(t, status=TaskStatus.DONE, version=2)
    cancelled = replace(t, status=TaskStatus.CANCELLED, version=3)
    a, b, c = (task_event(x, AT + timedelta(days=i)) for i, x in enumerate((t, done, cancelled)))
    assert a.uid == b.uid == c.uid
    assert (a.sequence, b.sequence, c.sequence) == (0, 1, 2)
    assert b.status is EventStatus.CONFIRMED
    assert c.status is EventStatus.CANCELLED


def test_a_feed_of_tasks() -> None:
    feed = task_feed("Årshjul 2026", [(task(), AT), (task(title="Budsjett"), AT)])
    assert len(feed.events) == 2
