"""Archive delivery room: the unit's outbox on PostgreSQL — lists by status (newest first, keyset
paged), one message, a record's messages, a period's messages for the extract, and a person's
retry. Rows are only ever added by migration 0013's triggers; row-level security holds the unit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.archive import mapping
from adapters.postgres.organisation.sql import Reader
from domain.archive.extracts import Period
from domain.archive.messages import MessageStatus, OutboxMessage, retried
from domain.archive.records import RecordKind
from domain.shared.errors import NotFound, StaleVersion, ValidationFailed
from domain.shared.pagination import Cursor, Page, PageRequest

_M = mapping.MESSAGE_COLUMNS
_FROM = f"SELECT {_M} FROM archive_message WHERE unit_id = $1"  # noqa: S608 - constants only
GET = f"{_FROM} AND id = $2"
# For minutes the record page is the meeting (subject_id); asked by the minutes version it is too.
FOR_RECORD = (
    f"{_FROM} AND record_kind = $2 AND (subject_id = $3 OR record_id = $3)"
    " ORDER BY created_at, record_version, key"
)
# The newest version per key among the messages created in the period, oldest first.
IN_PERIOD = (
    f"SELECT {_M} FROM (SELECT DISTINCT ON (key) {_M} FROM archive_message"  # noqa: S608
    " WHERE unit_id = $1 AND created_at >= ($2::date)::timestamp AT TIME ZONE 'Europe/Oslo'"
    " AND created_at < ($3::date + 1)::timestamp AT TIME ZONE 'Europe/Oslo'"
    " ORDER BY key, created_at DESC) latest ORDER BY created_at, key"
)
_STATUS = " AND ($2::text IS NULL OR status = $2)"
_PAGE = " ORDER BY created_at DESC, id DESC LIMIT $3"
LIST_FIRST = f"{_FROM}{_STATUS}{_PAGE}"
LIST_AFTER = f"{_FROM}{_STATUS} AND (created_at, id) < ($4::timestamptz, $5::uuid){_PAGE}"
COUNT = f"SELECT count(*) FROM archive_message WHERE unit_id = $1{_STATUS}"  # noqa: S608
RETRY = (
    "UPDATE archive_message SET status = $4, attempts = $5, next_attempt_at = $6,"  # noqa: S608 - constants only
    " lease_until = NULL, version = $7, updated_at = now()"
    " WHERE unit_id = $1 AND id = $2 AND version = $3"
    f" RETURNING {_M}"
)


def _cursor_of(m: OutboxMessage) -> str:
    return Cursor(key=m.created_at.isoformat(), id=str(m.id)).encode()


def _after(c: Cursor) -> tuple[datetime, UUID]:
    try:
        return datetime.fromisoformat(c.key), UUID(c.id)
    except ValueError:
        raise ValidationFailed.single("cursor", "invalid", "The cursor is not valid.") from None


class PgOutboxRepository:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def list(self, status: MessageStatus | None, page: PageRequest) -> Page[OutboxMessage]:
        wanted = None if status is None else status.value
        if page.after is None:
            rows = await self.read.rows(LIST_FIRST, self.unit_id, wanted, page.limit + 1)
        else:
            at, id_ = _after(page.after)
            rows = await self.read.rows(LIST_AFTER, self.unit_id, wanted, page.limit + 1, at, id_)
        total = await self.read.value(COUNT, self.unit_id, wanted)
        items = [mapping.message(r) for r in rows[: page.limit]]
        more = len(rows) > page.limit
        return Page(items=items, total=total, next_cursor=_cursor_of(items[-1]) if more else None)

    async def get(self, id: UUID) -> OutboxMessage:
        row = await self.read.row(GET, self.unit_id, id)
        if row is None:
            raise NotFound("No such archive message.")
        return mapping.message(row)

    async def for_record(self, kind: RecordKind, record_id: UUID) -> Sequence[OutboxMessage]:
        rows = await self.read.rows(FOR_RECORD, self.unit_id, kind.value, record_id)
        return [mapping.message(r) for r in rows]

    async def in_period(self, period: Period) -> Sequence[OutboxMessage]:
        rows = await self.read.rows(IN_PERIOD, self.unit_id, period.start, period.end)
        return [mapping.message(r) for r in rows]

    async def retry(self, id: UUID, expected_version: int, now: datetime) -> OutboxMessage:
        current = await self.get(id)
        if current.version != expected_version:
            raise StaleVersion("Someone else changed this message in the meantime.")
        new = retried(current, now)  # Conflict unless failed or dead
        row = await self.read.row(
            RETRY,
            self.unit_id,
            id,
            expected_version,
            new.status.value,
            new.attempts,
            new.next_attempt_at,
            new.version,
        )
        if row is None:
            raise StaleVersion("Someone else changed this message in the meantime.")
        return mapping.message(row)
