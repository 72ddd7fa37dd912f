"""Archive delivery room: the workers' queue over every unit's outbox. ``claim`` is migration
0013's ``samordna_archive_claim`` (the one cross-unit statement: SECURITY DEFINER, FOR UPDATE SKIP
LOCKED, leases) in a short transaction of its own; the outcome is stored in the message's own unit
under row-level security, fenced on the claim (still delivering, same attempt), so a worker whose
lease ran out and was overtaken cannot overwrite the newer claim's outcome."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import connection as tx
from adapters.postgres.archive import mapping
from adapters.postgres.organisation.sql import Reader
from adapters.postgres.transaction import PgTransaction, request_connections
from domain.archive.messages import OutboxMessage, Receipt

CLAIM = f"SELECT {mapping.MESSAGE_COLUMNS} FROM samordna_archive_claim($1, $2, $3)"  # noqa: S608
_FENCE = " WHERE unit_id = $1 AND id = $2 AND status = 'delivering' AND attempts = $3"
DELIVERED = (
    "UPDATE archive_message SET status = 'delivered', receipt = $4::jsonb, delivered_at = $5,"  # noqa: S608 - constants only
    " lease_until = NULL, last_error = NULL, version = version + 1, updated_at = now()"
    + _FENCE
    + " RETURNING 1"
)
FAILED = (
    "UPDATE archive_message SET status = $4, next_attempt_at = $5, last_error = $6,"  # noqa: S608 - constants only
    " lease_until = NULL, version = version + 1, updated_at = now()" + _FENCE + " RETURNING 1"
)


class _Unit(PgTransaction):
    """A bare transaction in one unit (no repositories): where an outcome is stored."""


class PgDeliveryQueue:
    def __init__(self, engine: AsyncEngine | tx.RequestConnections) -> None:
        self._connections = request_connections(engine)

    async def claim(self, n: int, now: datetime, lease: timedelta) -> list[OutboxMessage]:
        # One statement outside BEGIN: its own transaction, the row locks held only while it runs.
        async with self._connections.connect() as conn:
            rows = await Reader(conn).rows(CLAIM, now, n, lease)
        return [mapping.message(r) for r in rows]

    async def mark_delivered(self, claimed: OutboxMessage, receipt: Receipt, now: datetime) -> bool:
        async with _Unit(self._connections, claimed.unit_id) as t:
            done = await _execute(t, DELIVERED, claimed, mapping.receipt_json(receipt), now)
            await t.commit()
        return done

    async def mark_failed(self, outcome: OutboxMessage) -> bool:
        m = outcome
        async with _Unit(self._connections, m.unit_id) as t:
            done = await _execute(t, FAILED, m, m.status.value, m.next_attempt_at, m.last_error)
            await t.commit()
        return done


async def _execute(t: PgTransaction, sql: str, m: OutboxMessage, *args: object) -> bool:
    """The fenced update; True when it stored the outcome (the claim was still this one's)."""
    return await Reader(t.conn).value(sql, m.unit_id, m.id, m.attempts, *args) is not None
