"""GraphQL shared kernel: one page type for every list (``Page[Person]`` is named ``PersonPage``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import strawberry

from domain.shared import pagination

D = TypeVar("D")
Item = TypeVar("Item")


@strawberry.type
class Page(Generic[Item]):
    items: list[Item]
    total: int
    next_cursor: str | None


def page_of(page: pagination.Page[D], convert: Callable[[D], Item]) -> Page[Item]:
    return Page(
        items=[convert(x) for x in page.items], total=page.total, next_cursor=page.next_cursor
    )
