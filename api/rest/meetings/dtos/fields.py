"""REST meetings room: field declarations the meetings DTOs share, each pointing at the domain's limits."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from api.rest.inputs import NOT_BLANK, optional, stated
from domain.meetings import limits
from domain.shared.free_text import REASON_MAX as OVERRIDE_REASON_MAX

OVERRIDE_DESCRIPTION = (
    "Save although the free-text guard found personal data: why (recorded with who and when). "
    "Send it only after a 422 personal-data-found answer."
)


def required_text(max_length: int, description: str | None = None) -> Any:
    """Required text (more than white space) of at most ``max_length`` characters."""
    return Field(
        min_length=1,
        max_length=max_length,
        description=description,
        json_schema_extra=stated(pattern=NOT_BLANK),
    )


def new_text(max_length: int) -> Any:
    """A required text on update: may be left out, never null or blank."""
    return optional(stated(pattern=NOT_BLANK), min_length=1, max_length=max_length)


def text(max_length: int, **field: Any) -> Any:
    """Optional text of at most ``max_length`` characters."""
    return Field(default=None, max_length=max_length, **field)


def override_reason() -> Any:
    return Field(
        default=None,
        min_length=1,
        max_length=OVERRIDE_REASON_MAX,
        description=OVERRIDE_DESCRIPTION,
        json_schema_extra=stated(pattern=NOT_BLANK),
    )


def reason() -> Any:
    return required_text(limits.REASON_MAX)
