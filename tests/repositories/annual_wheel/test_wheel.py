"""Annual-wheel contract cases on both backends: templates in wheel order, tasks added only when
absent (one per template and year), the year's tasks by due date, and the meeting dates the norms
count; another unit sees none of it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from domain.annual_wheel.generation import Seats, plan_year
from domain.annual_wheel.task import TaskStatus
from domain.meetings.status import MeetingStatus
from domain.shared.errors import DomainError, NotFound, StaleVersion
from tests.repositories.annual_wheel.conftest import WheelBackend, template


async def test_templates_come_in_wheel_order_and_update_by_version(wb: WheelBackend) -> None:
    u = wb.unit
    june = template(u, "Ungdata-oppfølging", 6)
    march_10 = template(u, "Budsjettinnspel", 3, 10)
    march_end = template(u, "Politirådsmøte", 3)
    await wb.store(june, march_end, march_10)
    async with wb.factory(u) as uow:
        assert [t.id for t in await uow.templates.all()] == [march_10.id, march_end.id, june.id]
        await uow.templates.update(replace(june, active=False, version=2), 1)
        with pytest.raises(StaleVersion):
            await uow.templates.update(replace(june, version=3), 1)
    async with wb.factory(wb.other) as uow:
        assert await uow.templates.all() == []
        with pytest.raises(NotFound):
            await uow.templates.get(june.id)


async def test_tasks_are_added_once_per_template_and_year(wb: WheelBackend) -> None:
    u = wb.unit
    a, b = template(u, "Årssamling", 11, 15), template(u, "Revisjon av handlingsplan", 2)
    await wb.store(a, b)
    tasks = plan_year([a, b], 2027, Seats(coordinator_person_id=None))
    async with wb.factory(u) as uow:
        assert [await uow.tasks.add_if_absent(t) for t in tasks] == [True, True]
        assert [await uow.tasks.add_if_absent(t) for t in tasks] == [False, False]
        changed = replace(tasks[0], title="Anna tittel")
        assert await uow.tasks.add_if_absent(changed) is False  # the key decides, not the text
        await uow.commit()
    async with wb.factory(u) as uow:
        assert [t.id for t in await uow.tasks.of_year(2027)] == [tasks[0].id, tasks[1].id]
        assert await uow.tasks.of_year(2028) == []
        assert await uow.tasks.of_template(a.id) is True
        done = replace(tasks[1], status=TaskStatus.DONE, version=2)
        await uow.tasks.update(done, 1)
        await uow.commit()
    async with wb.factory(u) as uow:
        assert await uow.tasks.get(tasks[1].id) == done
    async with wb.factory(wb.other) as uow:
        assert await uow.tasks.of_year(2027) == []
        with pytest.raises(NotFound):
            await uow.tasks.get(tasks[0].id)


async def test_a_task_needs_its_template(wb: WheelBackend) -> None:
    ghost = template(wb.unit, "Ikkje lagra", 5)
    (task,) = plan_year([ghost], 2027, Seats(coordinator_person_id=None))
    with pytest.raises(DomainError):
        async with wb.factory(wb.unit) as uow:
            await uow.tasks.add_if_absent(task)


async def test_meeting_dates_of_a_year_leave_cancelled_meetings_out(wb: WheelBackend) -> None:
    # 23:30 UTC on 31 December is New Year's Day in Norway: the local date counts.
    await wb.meeting(datetime(2026, 12, 31, 23, 30, tzinfo=UTC), MeetingStatus.PLANNED)
    await wb.meeting(datetime(2027, 3, 1, 9, tzinfo=UTC), MeetingStatus.HELD)
    await wb.meeting(datetime(2027, 4, 1, 9, tzinfo=UTC), MeetingStatus.CANCELLED)
    async with wb.factory(wb.unit) as uow:
        dates = sorted((d.on, d.held) for d in await uow.meeting_dates.of_year(2027))
        assert dates == [(date(2027, 1, 1), False), (date(2027, 3, 1), True)]
        assert await uow.meeting_dates.of_year(2026) == []
    async with wb.factory(wb.other) as uow:
        assert await uow.meeting_dates.of_year(2027) == []
