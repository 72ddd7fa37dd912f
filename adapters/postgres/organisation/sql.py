"""Organisation room: reads on asyncpg through the unit of work's own connection (inside its
transaction, ``samordna.unit_id`` set, so row-level security holds), without SQLAlchemy's
per-round-trip overhead. SQL text is built once per filter shape and cached; arguments are bound
positionally, never formatted into the text."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from domain.shared.errors import ValidationFailed
from domain.shared.pagination import Cursor, Page, PageRequest

T = TypeVar("T")
Row = Any  # an asyncpg Record: by-name access like a mapping
_DRIVER = "samordna.asyncpg"


class Reader:
    """The asyncpg connection behind a SQLAlchemy ``AsyncConnection``, looked up once.

    Statements wait for the adapter's own mutex, as SQLAlchemy's do: GraphQL resolvers share
    one connection and run side by side, and asyncpg refuses a second operation in flight."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn
        self._driver: Any = None
        self._mutex: asyncio.Lock | None = None

    async def _bind(self) -> tuple[Any, asyncio.Lock]:
        # Kept in the pooled connection's ``info`` (cleared when SQLAlchemy replaces the DBAPI
        # connection), so only a connection's first use pays a greenlet hop.
        info = self.conn.info
        pair = info.get(_DRIVER)
        if pair is None:
            raw = await self.conn.get_raw_connection()
            mutex = getattr(raw.dbapi_connection, "_execute_mutex", None) or asyncio.Lock()
            pair = info[_DRIVER] = (raw.driver_connection, mutex)
        self._driver, self._mutex = pair
        return pair

    async def _run(self, method: str, sql: str, args: tuple[Any, ...]) -> Any:
        driver, mutex = (
            (self._driver, self._mutex) if self._mutex is not None else await self._bind()
        )
        async with mutex:
            return await getattr(driver, method)(sql, *args)

    async def rows(self, sql: str, *args: Any) -> list[Row]:
        return await self._run("fetch", sql, args)  # type: ignore[no-any-return]

    async def row(self, sql: str, *args: Any) -> Row | None:
        return await self._run("fetchrow", sql, args)

    async def value(self, sql: str, *args: Any) -> Any:
        return await self._run("fetchval", sql, args)


def like(q: str) -> str:
    """``q`` as a LIKE pattern that matches it anywhere, its own ``%``, ``_`` and ``\\`` escaped."""
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(*columns: str) -> str:
    """A condition template: ``{}`` (one argument, a ``like`` pattern) occurs in one of the
    columns, ignoring case and diacritics (migration 0004's ``samordna_fold``)."""
    return "(" + " OR ".join(f"samordna_fold({c}) LIKE samordna_fold({{}})" for c in columns) + ")"


@dataclass(frozen=True, slots=True)
class Listing:
    """What a keyset-paged list selects: columns, FROM (with joins), the sort key and the id."""

    columns: str
    source: str
    sort: str
    id: str


def _numbered(conditions: Sequence[str]) -> tuple[str, int]:
    """``WHERE`` text with each condition's ``{}`` as its own positional argument."""
    parts = [c.replace("{}", f"${i}") for i, c in enumerate(conditions, start=1)]
    return " AND ".join(parts), len(conditions)


@lru_cache(maxsize=256)
def page_sql(listing: Listing, conditions: tuple[str, ...]) -> tuple[str, str, str]:
    """The count alone, the first page and a page after a cursor, for one filter shape. A page
    carries the filter's total in every row (an uncorrelated subquery, run once), so a page and
    its count are one statement; the count alone is for a page that came back empty."""
    where, n = _numbered(conditions)
    # Listings and conditions are constants of the repositories; values are arguments.
    count = f"SELECT count(*) FROM {listing.source} WHERE {where}"  # noqa: S608
    head = (
        f"SELECT {listing.columns}, {listing.sort} AS _sort, ({count}) AS _total"  # noqa: S608
        f" FROM {listing.source} WHERE {where}"
    )
    tail = f"ORDER BY {listing.sort}, {listing.id} LIMIT ${{}}"
    first = f"{head} {tail.format(n + 1)}"
    after = (
        f"{head} AND ({listing.sort}, {listing.id}) > (${n + 1}::text, ${n + 2}::uuid) "
        f"{tail.format(n + 3)}"
    )
    return count, first, after


async def keyset(
    reader: Reader,
    listing: Listing,
    conditions: Sequence[tuple[str, Any]],
    request: PageRequest,
    to: Callable[[Row], T],
) -> Page[T]:
    """One keyset page (by sort key, then id) with the total of the filter, in one statement."""
    after_id: UUID | None = None
    if request.after is not None:
        try:
            after_id = UUID(request.after.id)
        except ValueError:
            raise ValidationFailed.single("cursor", "invalid", "The cursor is not valid.") from None
    count, first, after = page_sql(listing, tuple(c for c, _ in conditions))
    args = [a for _, a in conditions]
    if request.after is not None:
        rows = await reader.rows(after, *args, request.after.key, after_id, request.limit + 1)
    else:
        rows = await reader.rows(first, *args, request.limit + 1)
    total = rows[0]["_total"] if rows else await reader.value(count, *args)
    more = len(rows) > request.limit
    rows = rows[: request.limit]
    next_cursor = Cursor(key=rows[-1]["_sort"], id=str(rows[-1]["id"])).encode() if more else None
    return Page(items=[to(r) for r in rows], total=total, next_cursor=next_cursor)
