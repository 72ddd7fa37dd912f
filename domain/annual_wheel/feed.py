"""Annual-wheel domain room: a task as an all-day calendar event (for a person's or the unit's feed).

The task's id gives the UID and its version the SEQUENCE, so a task edited or done updates in
place in a subscribed calendar; a cancelled task arrives as cancelled. Only the title leaves: the
description stays in Samordna, as only open text may go out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from domain.annual_wheel.task import TaskStatus, WheelTask
from domain.shared.calendar import CalendarEvent, CalendarFeed, EventStatus, event_uid

UID_KIND = "wheel-task"


def task_event(task: WheelTask, last_modified: datetime) -> CalendarEvent:
    """``last_modified``: when the task was last changed (its stored time, once persisted)."""
    return CalendarEvent(
        uid=event_uid(UID_KIND, task.id),
        sequence=task.version - 1,
        start=task.due,
        end=task.due + timedelta(days=1),
        summary=task.title,
        last_modified=last_modified,
        status=(
            EventStatus.CANCELLED if task.status is TaskStatus.CANCELLED else EventStatus.CONFIRMED
        ),
    )


def task_feed(name: str, tasks: Iterable[tuple[WheelTask, datetime]]) -> CalendarFeed:
    """A feed of tasks, each with its last-modified time."""
    return CalendarFeed(name=name, events=tuple(task_event(t, at) for t, at in tasks))
