"""Annual-wheel domain room: use cases of the tasks — generate a year, show the wheel, move a status."""

from __future__ import annotations

from dataclasses import dataclass, replace
from uuid import UUID

from domain.annual_wheel import circle
from domain.annual_wheel.base import UseCases
from domain.annual_wheel.generation import Seats, plan_year
from domain.annual_wheel.task import TaskStatus, WheelTask
from domain.annual_wheel.template import check_year
from domain.shared import policies as pol
from domain.shared.changes import expect_version
from domain.shared.principal import Principal


@dataclass(frozen=True, slots=True, kw_only=True)
class Generated:
    year: int
    created: tuple[WheelTask, ...]
    existing: int  # tasks of the year that were there already (and were left as they were)


class TaskUseCases(UseCases):
    async def generate_year(self, p: Principal, year: int) -> Generated:
        """Every active template's task for ``year``. Idempotent: a task already generated (even
        one since edited or done) is left alone, so generating twice creates nothing new."""
        uow_ = self._write(p)
        check_year(year)
        async with uow_ as uow:
            establishment = await uow.establishments.get(p.unit_id)
            seats = Seats(
                coordinator_person_id=(
                    establishment.coordinator_person_id if establishment else None
                ),
                bodies=await uow.bodies.all(),
                memberships=await uow.memberships.all(),
            )
            planned = plan_year(await uow.templates.all(), year, seats)
            created = tuple([t for t in planned if await uow.tasks.add_if_absent(t)])
            await uow.commit()
        return Generated(year=year, created=created, existing=len(planned) - len(created))

    async def wheel(self, p: Principal, year: int) -> circle.WheelView:
        """The year's tasks as the list and as twelve month sectors (the circular view)."""
        check_year(year)
        async with self._read(p) as uow:
            tasks = await uow.tasks.of_year(year)
        return circle.view(year, tasks, self._clock.today())

    async def set_task_status(
        self, p: Principal, id: UUID, status: TaskStatus, expected_version: int | None
    ) -> WheelTask:
        """The coordinator, the unit admin or the task's owner moves a task's status."""
        async with self._read(p) as uow:
            task = await uow.tasks.get(id)
            owns = p.is_person and p.person_id is not None and p.person_id == task.owner_person_id
            pol.require(pol.can_manage_organisation(p) or owns, "change this task")
            expected = expect_version(task.version, expected_version)
            new = replace(task, status=status, version=task.version + 1)
            new.check()
            await uow.tasks.update(new, expected)
            await uow.commit()
        return new
