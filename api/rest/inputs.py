"""Input types every REST DTO and query parameter shares: plain text, ISO dates, strict scalars,
page size and cursor."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import Query
from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, StrictInt
from pydantic_core import PydanticCustomError

from domain.shared.pagination import MAX_LIMIT, PageRequest
from domain.shared.validation import CONTROL_CHARACTERS, CONTROL_MESSAGE, plain

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def plain_text(value: Any) -> Any:
    """Refuses text with control characters (tab and line breaks are fine); anything else passes."""
    if isinstance(value, str) and not plain(value):
        raise PydanticCustomError(CONTROL_CHARACTERS, CONTROL_MESSAGE)
    return value


def _iso_date(value: Any) -> Any:
    # Lax parsing reads 0 as 1970-01-01 and "2024-01-01T00:00" as a date; a date is YYYY-MM-DD.
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise PydanticCustomError("date-format", "A date as YYYY-MM-DD.")


QueryText = Annotated[str | None, AfterValidator(plain_text)]
"""A text query parameter without control characters."""

IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Bool = StrictBool
"""true or false, not 0, 1 or "yes"."""
Int = StrictInt


def optional(**constraints: Any) -> Any:
    """An update field the client may leave out but not set to null: the entity requires it."""
    return Field(default=None, json_schema_extra=_no_default, **constraints)


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)  # "default: null" would read as "null is allowed"


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
CursorQ = Annotated[QueryText, Query(description="From the previous page's `nextCursor`.")]


def page_request(limit: int, cursor: str | None) -> PageRequest:
    return PageRequest.of(limit, cursor)
