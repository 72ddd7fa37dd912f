"""Organisation room: reads on asyncpg through the unit of work's own connection (inside its
transaction, ``samordna.unit_id`` set, so row-level security holds), without SQLAlchemy's
per-round-trip overhead. SQL text is built once per filter shape and cached; arguments are bound
positionally, never formatted into the text."""

from __future__ import annotations

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


class Reader:
    """The asyncpg connection behind a SQLAlchemy ``AsyncConnection``, looked up once."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn
        self._driver: Any = None

    async def driver(self) -> Any:
        if self._driver is None:
            self._driver = (await self.conn.get_raw_connection()).driver_connection
        return self._driver

    async def rows(self, sql: str, *args: Any) -> list[Row]:
        return await (await self.driver()).fetch(sql, *args)  # type: ignore[no-any-return]

    async def row(self, sql: str, *args: Any) -> Row | None:
        return await (await self.driver()).fetchrow(sql, *args)

    async def value(self, sql: str, *args: Any) -> Any:
        return await (await self.driver()).fetchval(sql, *args)


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
    """The count, the first page and a page after a cursor, for one filter shape."""
    where, n = _numbered(conditions)
    # Listings and conditions are constants of the repositories; values are arguments.
    count = f"SELECT count(*) FROM {listing.source} WHERE {where}"  # noqa: S608
    head = (
        f"SELECT {listing.columns}, {listing.sort} AS _sort"  # noqa: S608
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
    """One keyset page (by sort key, then id) and the total of the filter: two statements."""
    after_id: UUID | None = None
    if request.after is not None:
        try:
            after_id = UUID(request.after.id)
        except ValueError:
            raise ValidationFailed.single("cursor", "invalid", "The cursor is not valid.") from None
    count, first, after = page_sql(listing, tuple(c for c, _ in conditions))
    args = [a for _, a in conditions]
    total = await reader.value(count, *args)
    if request.after is not None:
        rows = await reader.rows(after, *args, request.after.key, after_id, request.limit + 1)
    else:
        rows = await reader.rows(first, *args, request.limit + 1)
    more = len(rows) > request.limit
    rows = rows[: request.limit]
    next_cursor = Cursor(key=rows[-1]["_sort"], id=str(rows[-1]["id"])).encode() if more else None
    return Page(items=[to(r) for r in rows], total=total, next_cursor=next_cursor)
