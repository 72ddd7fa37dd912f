"""REST: the field declarations the organisation DTOs share, each pointing at the domain's limits."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from api.rest.inputs import NOT_BLANK, optional, stated
from domain.organisation import limits


def name() -> Any:
    """A required name, on create."""
    return Field(
        min_length=1, max_length=limits.NAME_MAX, json_schema_extra=stated(pattern=NOT_BLANK)
    )


def new_name() -> Any:
    """A required name, on update: may be left out, never null or blank."""
    return optional(stated(pattern=NOT_BLANK), min_length=1, max_length=limits.NAME_MAX)


def text(max_length: int, **field: Any) -> Any:
    """Optional text of at most ``max_length`` characters."""
    return Field(default=None, max_length=max_length, **field)


def organisation_number() -> Any:
    return Field(default=None, pattern=limits.ORGANISATION_NUMBER_PATTERN)


def municipality_number() -> Any:
    return Field(default=None, pattern=limits.MUNICIPALITY_NUMBER_PATTERN)
