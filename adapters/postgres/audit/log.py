"""Access-log room: ``PgAccessLog``, the cases unit of work's ``AccessLog`` — a plain INSERT of a
request's entries inside its transaction (one statement however many items a view shows; no
lock, no chain: the sealer links them afterwards) and the "who has seen my information" reads."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.audit.rows import COLUMNS, columns_of, entry_of
from adapters.postgres.organisation.sql import Reader
from domain.cases.access import AccessEntry

_TYPES = {
    "at": "timestamptz",
    "actor_subject_key": "text",
    "actor_role": "text",
    "object_type": "text",
    "category": "text",
    "regime": "text",
    "action": "text",
    "purpose": "text",
    "basis": "text",
    "decision": "text",
    "deny_reason": "text",
    "client": "text",
    "request_id": "text",
}
_NAMES = ", ".join(COLUMNS)
_ARRAYS = ", ".join(f"${n}::{_TYPES.get(c, 'uuid')}[]" for n, c in enumerate(COLUMNS, start=1))
APPEND = f"INSERT INTO access_log_entry ({_NAMES}) SELECT * FROM unnest({_ARRAYS})"  # noqa: S608
_OF = f"SELECT {_NAMES} FROM access_log_entry WHERE unit_id = $1 AND {{}} = $2 ORDER BY at, id"  # noqa: S608
OF_SUBJECT = _OF.format("subject_ref")
OF_CASE = _OF.format("case_id")


class PgAccessLog:
    """``AccessLog`` on the unit of work's connection: row-level security binds it to the unit,
    and the app role may only INSERT and SELECT (migration 0012)."""

    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self._read = Reader(conn)
        self._unit = unit_id

    async def append(self, entries: Sequence[AccessEntry]) -> None:
        if entries:
            await self._read.rows(APPEND, *columns_of(entries))

    async def of_subject(self, subject_id: UUID) -> Sequence[AccessEntry]:
        """Oldest first: every access to the subject's data in this unit."""
        return [entry_of(r) for r in await self._read.rows(OF_SUBJECT, self._unit, subject_id)]

    async def of_case(self, case_id: UUID) -> Sequence[AccessEntry]:
        """Oldest first: every access logged against the case."""
        return [entry_of(r) for r in await self._read.rows(OF_CASE, self._unit, case_id)]
