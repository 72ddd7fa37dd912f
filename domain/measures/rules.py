"""Measures domain room: the small field rules every entity of the context shares — ranges,
bounded lists without duplicates, http(s) links, enum values, text without control characters
in nested values (``validation.well_formed`` looks at an entity's own fields only)."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any, TypeVar
from urllib.parse import urlsplit

from domain.measures.limits import URL_MAX, WEIGHT_MAX
from domain.shared import validation as v
from domain.shared.errors import Errors

E = TypeVar("E", bound=enum.Enum)


def number(e: Errors, field: str, value: object, lo: int, hi: int) -> None:
    """An int in ``lo..hi`` (a bool is not a number here)."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        e.add(field, "invalid", "A whole number.")
    elif not lo <= value <= hi:
        e.add(field, "out-of-range", f"Between {lo} and {hi}.", {"min": lo, "max": hi})


def weight(e: Errors, field: str, value: object) -> None:
    number(e, field, value, 1, WEIGHT_MAX)


def bounded(e: Errors, field: str, items: Sequence[Any], max_items: int) -> None:
    """At most ``max_items``, none twice."""
    if len(items) > max_items:
        e.add(field, "too-many", f"At most {max_items}.", {"max": max_items})
    if len(set(items)) != len(items):
        e.add(field, "duplicate", "An item is listed twice.")


def plain(e: Errors, field: str, value: str | None, *, required: bool, max_len: int) -> None:
    """Text of a nested value: bounded, and without control characters."""
    v.text(e, field, value, required=required, max_len=max_len)
    v.characters(e, field, value)


def url(e: Errors, field: str, value: str | None) -> None:
    """An absolute http(s) link (no ``javascript:``, no relative path)."""
    if value is None:
        return
    plain(e, field, value, required=True, max_len=URL_MAX)
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not parts.netloc
        or any(c.isspace() for c in value)
    ):
        e.add(field, "invalid-url", "An http(s) address.")


def member(e: Errors, field: str, value: Any, cls: type[E]) -> E | None:
    """``value`` as a member of ``cls`` (the doors may hand over the plain value)."""
    if value is None or isinstance(value, cls):
        return value
    try:
        return cls(value)
    except (ValueError, TypeError):
        e.add(field, "invalid", f"One of {', '.join(str(m.value) for m in cls)}.")
        return None
