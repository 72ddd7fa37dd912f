"""GraphQL shared kernel: one convention maps a domain object onto a GraphQL type."""

from __future__ import annotations

import enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


@cache
def _plan(cls: type) -> tuple[tuple[str, bool], ...]:
    """The plain (resolver-less) fields a type declares, each flagged if it is a String."""
    return tuple(
        (f.python_name, f.type is str)
        for f in cls.__strawberry_definition__.fields  # type: ignore[attr-defined]
        if f.base_resolver is None
    )


def _plain(value: Any, as_str: bool) -> Any:
    # Sets travel sorted (a stable answer), tuples as lists, an enum declared as String as its value.
    if isinstance(value, frozenset | set):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    if as_str and isinstance(value, enum.Enum):
        return value.value
    return value


def from_domain(cls: type[T], obj: object, **given: Any) -> T:
    """``cls`` built from the same-named attributes of ``obj``; ``given`` supplies or overrides some.

    A declared field that ``obj`` lacks keeps the type's default (and fails if it has none)."""
    values = dict(given)
    for name, as_str in _plan(cls):
        if name not in values and hasattr(obj, name):
            values[name] = _plain(getattr(obj, name), as_str)
    return cls(**values)
