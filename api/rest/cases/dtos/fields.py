"""REST cases room: field declarations the cases DTOs share, each bounded by ``domain.cases.limits``."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from api.rest.inputs import NOT_BLANK, optional, stated

IDENTITY_NUMBER_PATTERN = r"^[0-9]{11}$"


def required_text(max_length: int, min_length: int = 1, description: str | None = None) -> Any:
    """Required text (more than white space) of ``min_length``..``max_length`` characters."""
    return Field(
        min_length=min_length,
        max_length=max_length,
        description=description,
        json_schema_extra=stated(pattern=NOT_BLANK),
    )


def text(max_length: int, **field: Any) -> Any:
    """Optional text of at most ``max_length`` characters."""
    return Field(default=None, max_length=max_length, **field)


def new_text(max_length: int) -> Any:
    """A required text on update: may be left out, never null or blank."""
    return optional(stated(pattern=NOT_BLANK), min_length=1, max_length=max_length)


def items(max_length: int, min_length: int = 0, **field: Any) -> Any:
    """A list of at most ``max_length`` items."""
    return Field(default_factory=list, min_length=min_length, max_length=max_length, **field)


def identity_number(required: bool = False) -> Any:
    """An 11-digit national identity number (D-, H- and synthetic numbers included); checked
    further (mod-11) by the domain. Sent only in bodies, never in an address."""
    description = "11 digits. Only ever in a request body (never in a path or query)."
    if required:
        return Field(pattern=IDENTITY_NUMBER_PATTERN, description=description)
    return Field(default=None, pattern=IDENTITY_NUMBER_PATTERN, description=description)
