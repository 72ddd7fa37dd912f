"""Annual-wheel room: generated tasks on PostgreSQL. ``add_if_absent`` is one statement
(``INSERT … ON CONFLICT DO NOTHING RETURNING``): two generations at the same moment create each
task once, and the later one neither fails nor waits for anything but the row it would repeat."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError

from adapters.postgres.annual_wheel import mapping
from adapters.postgres.annual_wheel.tables import WHEEL_TASK
from adapters.postgres.constraints import domain_error
from adapters.postgres.organisation.base import Statements, VersionedRepository, plain_values
from domain.annual_wheel.task import WheelTask

_SELECT = f"SELECT {mapping.TASK_COLUMNS} FROM wheel_task WHERE wheel_task.unit_id = $1"  # noqa: S608
OF_YEAR = (
    f"{_SELECT} AND wheel_task.year = $2"
    ' ORDER BY wheel_task.due, wheel_task.title COLLATE "C", wheel_task.id'
)
OF_TEMPLATE = "SELECT EXISTS (SELECT FROM wheel_task WHERE unit_id = $1 AND template_id = $2)"
ADD_IF_ABSENT = insert(WHEEL_TASK).on_conflict_do_nothing().returning(WHEEL_TASK.c.id)


class PgWheelTaskRepository(VersionedRepository[WheelTask]):
    writes = Statements(WHEEL_TASK)
    name = "wheel_task"
    columns = mapping.TASK_COLUMNS
    noun = "task"
    to_domain = staticmethod(mapping.task)

    async def of_year(self, year: int) -> Sequence[WheelTask]:
        return [mapping.task(r) for r in await self.read.rows(OF_YEAR, self.unit_id, year)]

    async def add_if_absent(self, task: WheelTask) -> bool:
        try:
            result = await self.conn.execute(ADD_IF_ABSENT, plain_values(task))
        except IntegrityError as exc:  # a template or body that is not there
            raise domain_error(exc) from None
        return result.first() is not None

    async def of_template(self, template_id: UUID) -> bool:
        found: bool = await self.read.value(OF_TEMPLATE, self.unit_id, template_id)
        return found
