"""Annual-wheel domain room: a year's tasks as a list and as twelve month sectors (pure functions).

The circular view and the list are the same data: ``sectors`` only groups the list by month and
places each task on the circle, so the SPA renders the wheel without arithmetic of its own and the
accessible list can never disagree with it. Angles are degrees clockwise from the top (January
starts at 0°); each month has an equal 30° sector, as a wheel on the wall does.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from domain.annual_wheel.task import TaskStatus, WheelTask

SECTOR_DEGREES = 30.0


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacedTask:
    task: WheelTask
    angle: float  # where the due date falls inside its month's sector
    overdue: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class MonthSector:
    month: int
    start_angle: float
    end_angle: float
    tasks: tuple[PlacedTask, ...]

    @property
    def open_count(self) -> int:
        return sum(1 for p in self.tasks if p.task.status is TaskStatus.OPEN)

    @property
    def overdue_count(self) -> int:
        return sum(1 for p in self.tasks if p.overdue)


@dataclass(frozen=True, slots=True, kw_only=True)
class WheelView:
    year: int
    tasks: tuple[WheelTask, ...]  # the list, by due date
    sectors: tuple[MonthSector, ...]  # always twelve, January first


def ordered(tasks: Iterable[WheelTask]) -> tuple[WheelTask, ...]:
    return tuple(sorted(tasks, key=lambda t: (t.due, t.title, str(t.id))))


def angle(due: date) -> float:
    """The middle of ``due``'s day on the circle."""
    days = calendar.monthrange(due.year, due.month)[1]
    inside = SECTOR_DEGREES * (due.day - 0.5) / days
    return round((due.month - 1) * SECTOR_DEGREES + inside, 2)


def sectors(tasks: Iterable[WheelTask], today: date) -> tuple[MonthSector, ...]:
    listed = ordered(tasks)
    return tuple(
        MonthSector(
            month=m,
            start_angle=(m - 1) * SECTOR_DEGREES,
            end_angle=m * SECTOR_DEGREES,
            tasks=tuple(
                PlacedTask(task=t, angle=angle(t.due), overdue=t.is_overdue(today))
                for t in listed
                if t.due.month == m
            ),
        )
        for m in range(1, 13)
    )


def view(year: int, tasks: Iterable[WheelTask], today: date) -> WheelView:
    """The year's tasks (only that year's) as the list and the twelve sectors."""
    listed = ordered(t for t in tasks if t.year == year)
    return WheelView(year=year, tasks=listed, sectors=sectors(listed, today))
