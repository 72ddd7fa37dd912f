"""REST meetings room: field declarations the meetings DTOs share, each pointing at the domain's limits."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from api.rest.inputs import NOT_BLANK, optional, stated
from domain.meetings import limits
from domain.shared.free_text import REASON_MAX as OVERRIDE_REASON_MAX

_ISO_INSTANT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})")


def _instant(value: Any) -> Any:
    # Lax parsing reads 12 as 1970-01-01T00:00:12Z; a time is ISO 8601 text with its offset.
    if isinstance(value, datetime):
        return value
    if value is None:
        raise PydanticCustomError("required", "This field is required; it cannot be null.")
    if isinstance(value, str) and _ISO_INSTANT.fullmatch(value):
        return value
    raise PydanticCustomError(
        "naive-datetime", "A date and time with its offset, e.g. 2026-03-02T10:00:00+01:00."
    )


Instant = Annotated[AwareDatetime, BeforeValidator(_instant)]
"""A point in time as ISO 8601 text with its offset (the domain's ``naive-datetime`` otherwise)."""

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
