"""Trends PostgreSQL room: the district resolver. A police system's readable units come from
``samordna_trend_units`` (the units of its home unit's police district that registered it with
``samordna:trends.read``; migration 0015); a person's are their own unit, under row-level
security."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from adapters.postgres.organisation.sql import Reader, Row
from adapters.postgres.trends.releases import Caller
from domain.shared.errors import NotFound
from domain.shared.principal import Principal, Scope
from domain.trends.model import UnitRef

_MACHINE = (
    "SELECT unit_id AS id, unit_name AS name, police_district, municipalities"
    " FROM samordna_trend_units($1)"
)
_OWN = (
    "SELECT u.id, u.name::text AS name, u.police_district::text AS police_district,"
    " ARRAY(SELECT m.municipality_number::text FROM slt_unit_municipality m"
    " WHERE m.unit_id = u.id ORDER BY m.position) AS municipalities"
    " FROM slt_unit u WHERE u.id = $1"
)


def _unit(r: Row) -> UnitRef:
    return UnitRef(
        id=r["id"],
        name=r["name"],
        police_district=r["police_district"],
        municipalities=tuple(r["municipalities"]),
    )


class PgDistrictResolver:
    def __init__(self, reader: Reader, caller: Caller) -> None:
        self._read = reader
        self._caller = caller

    async def readable_units(self, p: Principal) -> Sequence[UnitRef]:
        if p.is_machine:
            if not p.has_scope(Scope.TRENDS_READ):
                return []
            # From now on this unit of work reads releases as this consumer (definer functions).
            self._caller.consumer = p.subject_key
            return [_unit(r) for r in await self._read.rows(_MACHINE, p.subject_key)]
        row = await self._read.row(_OWN, p.unit_id)
        return [] if row is None else [_unit(row)]

    async def unit(self, unit_id: UUID) -> UnitRef:
        consumer = self._caller.consumer
        if consumer is not None:
            rows = await self._read.rows(_MACHINE, consumer)
            found = next((r for r in rows if r["id"] == unit_id), None)
        else:
            found = await self._read.row(_OWN, unit_id)
        if found is None:
            raise NotFound("No such unit.")
        return _unit(found)
