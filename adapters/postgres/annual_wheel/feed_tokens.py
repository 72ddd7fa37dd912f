"""Annual-wheel room: calendar feed tokens on PostgreSQL, by keyed hash, row-level security kept.

Inside a unit's transaction the tokens of that unit are written, listed and revoked. ``find``
needs no unit: it names the hash in ``samordna.feed_token_hash`` for its transaction, and
migration 0007's ``feed_token_by_hash`` policy then shows that one row, whichever unit owns it
(no SECURITY DEFINER function; see the migration's docstring). ``PgFeedTokenLookup`` is the same
look-up in a short transaction of its own, for the feed door that has no unit yet."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.postgres.annual_wheel import mapping
from adapters.postgres.annual_wheel.tables import FEED_TOKEN
from adapters.postgres.constraints import domain_error
from adapters.postgres.organisation.sql import Reader
from domain.shared.calendar import FeedScope, FeedToken
from domain.shared.errors import Conflict, NotFound

if TYPE_CHECKING:
    from domain.shared.calendar import FeedTokenRepository

NAME_HASH = "SELECT set_config('samordna.feed_token_hash', $1, true)"
FIND = f"SELECT {mapping.TOKEN_COLUMNS} FROM feed_token WHERE feed_token.token_hash = $1"  # noqa: S608
OF_SUBJECT = (
    f"SELECT {mapping.TOKEN_COLUMNS} FROM feed_token"  # noqa: S608 - constants only
    " WHERE feed_token.unit_id = $1 AND feed_token.scope = $2 AND feed_token.subject_id = $3"
    " ORDER BY feed_token.created_at, feed_token.id"
)
GET = (
    f"SELECT {mapping.TOKEN_COLUMNS} FROM feed_token"  # noqa: S608 - constants only
    " WHERE feed_token.unit_id = $1 AND feed_token.id = $2"
)
REVOKE = (
    "UPDATE feed_token SET revoked_at = coalesce(revoked_at, $3)"
    " WHERE unit_id = $1 AND id = $2 RETURNING id"
)
INSERT = sa.insert(FEED_TOKEN)


async def find_by_hash(read: Reader, token_hash: str) -> FeedToken | None:
    """In the caller's transaction (``set_config(…, true)`` lasts until it ends)."""
    await read.value(NAME_HASH, token_hash)
    row = await read.row(FIND, token_hash)
    return None if row is None else mapping.feed_token(row)


class PgFeedTokenRepository:
    """On a unit of work's connection and transaction (``PgAnnualWheelUnitOfWork.feed_tokens``)."""

    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.conn = conn
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def add(self, token: FeedToken) -> None:
        values = {
            "id": token.id,
            "unit_id": token.unit_id,
            "scope": token.scope.value,
            "subject_id": token.subject_id,
            "token_hash": token.token_hash,
            "created_at": token.created_at,
            "revoked_at": token.revoked_at,
        }
        try:
            await self.conn.execute(INSERT, values)
        except IntegrityError as exc:
            raise (
                Conflict("Token hash already stored.")
                if getattr(getattr(exc.orig, "__cause__", None), "constraint_name", None)
                == "uq_feed_token_hash"
                else domain_error(exc)
            ) from None

    async def find(self, token_hash: str) -> FeedToken | None:
        return await find_by_hash(self.read, token_hash)

    async def of_subject(self, scope: FeedScope, subject_id: UUID) -> Sequence[FeedToken]:
        rows = await self.read.rows(OF_SUBJECT, self.unit_id, scope.value, subject_id)
        return [mapping.feed_token(r) for r in rows]

    async def get(self, id: UUID) -> FeedToken:
        row = await self.read.row(GET, self.unit_id, id)
        if row is None:
            raise NotFound(f"No feed token with id {id}.")
        return mapping.feed_token(row)

    async def revoke(self, id: UUID, at: datetime) -> None:
        if await self.read.value(REVOKE, self.unit_id, id, at) is None:
            raise NotFound(f"No feed token with id {id}.")


class PgFeedTokenLookup:
    """``find`` before any unit is known: one short transaction of its own, no unit set. Through
    SQLAlchemy, whose asyncpg adapter opens the transaction the setting lives in."""

    _name = sa.text("SELECT set_config('samordna.feed_token_hash', :h, true)")
    _find = sa.text(FIND.replace("$1", ":h"))

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def find(self, token_hash: str) -> FeedToken | None:
        async with self._engine.connect() as conn, conn.begin():
            await conn.execute(self._name, {"h": token_hash})
            row = (await conn.execute(self._find, {"h": token_hash})).mappings().first()
        return None if row is None else mapping.feed_token(row)


if TYPE_CHECKING:  # the adapter satisfies the kernel's port
    _tokens: FeedTokenRepository = PgFeedTokenRepository(None, UUID(int=0))  # type: ignore[arg-type]
