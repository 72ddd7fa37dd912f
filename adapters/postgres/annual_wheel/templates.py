"""Annual-wheel room: a unit's wheel templates on PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.exc import IntegrityError

from adapters.postgres.annual_wheel import mapping
from adapters.postgres.annual_wheel.tables import WHEEL_TEMPLATE
from adapters.postgres.constraints import domain_error
from adapters.postgres.organisation.base import Statements, VersionedRepository
from domain.annual_wheel.template import WheelTemplate
from domain.shared.errors import DuplicateName

SLOT = "uq_wheel_template_slot"

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

    async def _write(
        self, statement: Any, params: dict[str, Any], *, deleting: bool = False
    ) -> Any:
        """A template that repeats another's title on the same date is ``DuplicateName``."""
        try:
            return await self.conn.execute(statement, params)
        except IntegrityError as exc:
            cause = getattr(exc.orig, "__cause__", None)
            if getattr(cause, "constraint_name", None) == SLOT:
                raise DuplicateName("The wheel already has that task on that date.") from None
            raise domain_error(exc, deleting=deleting) from None
