"""The circular view: twelve sectors of 30°, each task placed by its due date, the same data as the list."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

from hypothesis import given
from hypothesis import strategies as st

from domain.annual_wheel.circle import angle, sectors, view
from domain.annual_wheel.task import TaskStatus, WheelTask, task_id
from domain.annual_wheel.template import OwnerRole


def task(due: date, title: str = "Oppgave", status: TaskStatus = TaskStatus.OPEN) -> WheelTask:
    template = uuid4()
    return WheelTask(
        id=task_id(template, due.year),
        unit_id=uuid4(),
        template_id=template,
        year=due.year,
        title=title,
        due=due,
        owner_role=OwnerRole.COORDINATOR,
        status=status,
    )


def test_twelve_sectors_of_thirty_degrees_january_at_the_top() -> None:
    out = sectors([], date(2026, 1, 1))
    assert [s.month for s in out] == list(range(1, 13))
    assert [(s.start_angle, s.end_angle) for s in out[:2]] == [(0.0, 30.0), (30.0, 60.0)]
    assert out[-1].end_angle == 360.0


def test_a_task_sits_at_its_day_inside_its_month() -> None:
    assert angle(date(2026, 1, 1)) == round(30 * 0.5 / 31, 2)
    assert angle(date(2026, 2, 28)) == round(30 + 30 * 27.5 / 28, 2)
    assert angle(date(2026, 12, 31)) < 360.0
    assert angle(date(2026, 7, 16)) == 195.0  # the middle of the year, half-way round


def test_overdue_and_open_counts() -> None:
    tasks = [
        task(date(2026, 2, 10), "a"),
        task(date(2026, 2, 20), "b", TaskStatus.DONE),
        task(date(2026, 2, 27), "c"),
    ]
    feb = sectors(tasks, date(2026, 2, 21))[1]
    assert (feb.open_count, feb.overdue_count) == (2, 1)
    assert [p.overdue for p in feb.tasks] == [True, False, False]


def test_the_view_keeps_only_its_year() -> None:
    v = view(2026, [task(date(2026, 5, 1)), task(date(2027, 5, 1))], date(2026, 1, 1))
    assert [t.due.year for t in v.tasks] == [2026]


@given(st.lists(st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)), max_size=60))
def test_the_circle_and_the_list_are_the_same_data(dues: list[date]) -> None:
    v = view(2026, [task(d, f"t{i}") for i, d in enumerate(dues)], date(2026, 6, 1))
    assert [p.task for s in v.sectors for p in s.tasks] == list(v.tasks)
    for s in v.sectors:
        for p in s.tasks:
            assert s.start_angle <= p.angle < s.end_angle
    angles = [p.angle for s in v.sectors for p in s.tasks]
    assert angles == sorted(angles)
