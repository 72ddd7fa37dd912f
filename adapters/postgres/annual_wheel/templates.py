"""Annual-wheel room: a unit's wheel templates on PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence

from adapters.postgres.annual_wheel import mapping
from adapters.postgres.annual_wheel.tables import WHEEL_TEMPLATE
from adapters.postgres.organisation.base import Statements, VersionedRepository
from domain.annual_wheel.template import WheelTemplate

# By month, day (none last) and title, as the fake orders them.
ALL = (
    f"SELECT {mapping.TEMPLATE_COLUMNS} FROM wheel_template"  # noqa: S608 - constants only
    " WHERE wheel_template.unit_id = $1 ORDER BY wheel_template.month,"
    ' coalesce(wheel_template.day, 32), wheel_template.title COLLATE "C", wheel_template.id'
)


class PgWheelTemplateRepository(VersionedRepository[WheelTemplate]):
    writes = Statements(WHEEL_TEMPLATE)
    name = "wheel_template"
    columns = mapping.TEMPLATE_COLUMNS
    noun = "template"
    to_domain = staticmethod(mapping.template)

    async def all(self) -> Sequence[WheelTemplate]:
        return [mapping.template(r) for r in await self.read.rows(ALL, self.unit_id)]
