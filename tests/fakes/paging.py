"""Fakes room: keyset pagination and the accent-folding search, as the PostgreSQL repositories do them."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar
from uuid import UUID

from domain.shared.errors import ValidationFailed
from domain.shared.pagination import Cursor, Page, PageRequest

T = TypeVar("T")


def keyset_page(
    items: Iterable[T], sort_key: Callable[[T], str], row_id: Callable[[T], UUID], page: PageRequest
) -> Page[T]:
    """Sort by (sort_key, id), skip past ``page.after``, return ``page.limit`` rows and a cursor."""
    rows = sorted(items, key=lambda x: (sort_key(x), str(row_id(x))))
    total = len(rows)
    if page.after is not None:
        try:  # PostgreSQL compares the cursor's id as a uuid, so a forged one is refused there too
            after = (page.after.key, str(UUID(page.after.id)))
        except ValueError:
            raise ValidationFailed.single("cursor", "invalid", "The cursor is not valid.") from None
        rows = [x for x in rows if (sort_key(x), str(row_id(x))) > after]
    more = len(rows) > page.limit
    rows = rows[: page.limit]
    next_cursor = (
        Cursor(key=sort_key(rows[-1]), id=str(row_id(rows[-1]))).encode() if more else None
    )
    return Page(items=rows, total=total, next_cursor=next_cursor)


_SPELLED_OUT = str.maketrans(
    {"æ": "ae", "ß": "ss", "œ": "oe", "ø": "o", "đ": "d", "ł": "l"} | {"ŧ": "t", "ŋ": "n"}
)


def fold(text: str) -> str:
    """What migration 0004's ``samordna_fold`` does: NFKD, no combining marks, lower case, and the
    letters without a decomposition spelled out."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f")
    return bare.lower().translate(_SPELLED_OUT)


def contains(haystack: str | None, needle: str) -> bool:
    return haystack is not None and fold(needle) in fold(haystack)
