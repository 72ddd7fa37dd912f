"""GraphQL shared kernel: what resolvers share — the Info type, inputs as changes, paging, answers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.shared.problems import problem_of
from domain.shared.changes import camel
from domain.shared.errors import DomainError, Errors
from domain.shared.pagination import PageRequest

X = TypeVar("X")
I = Info[Context, None]  # noqa: E741


def page_request(limit: int | None, cursor: str | None) -> PageRequest:
    return PageRequest.of(limit, cursor)


def sent(inp: Any) -> dict[str, Any]:
    """The input's fields the client sent (UNSET = not sent, so updates change only those)."""
    return {k: v for k, v in vars(inp).items() if v is not strawberry.UNSET}


def required(values: dict[str, Any], *names: str) -> None:
    errors = Errors()
    for n in names:
        if values.get(n) in (None, ""):
            errors.add(camel(n), "required", "This field is required.")
    errors.raise_if_any()


async def guard(call: Awaitable[X], wrap: Callable[[X], Any]) -> Any:
    """A mutation's answer: the wrapped result, or the domain error as a typed problem."""
    try:
        return wrap(await call)
    except DomainError as exc:
        return problem_of(exc)
