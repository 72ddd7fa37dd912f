"""Input types every REST DTO and query parameter shares: plain text, ISO dates, strict scalars,
page size and cursor."""

from __future__ import annotations

import enum
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


class UiLanguage(enum.StrEnum):
    """The languages of the user interface: bokmål, nynorsk, English."""

    NB = "nb"
    NN = "nn"
    EN = "en"


QueryText = Annotated[str | None, AfterValidator(plain_text)]
"""A text query parameter without control characters."""

IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Bool = StrictBool
"""true or false, not 0, 1 or "yes"."""
Int = StrictInt


def optional(schema: Any = None, **constraints: Any) -> Any:
    """An update field the client may leave out but not set to null: the entity requires it."""

    def extra(json_schema: dict[str, Any]) -> None:
        json_schema.pop("default", None)  # "default: null" would read as "null is allowed"
        if schema is not None:
            schema(json_schema)

    return Field(default=None, json_schema_extra=extra, **constraints)


_NUMERIC = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"})


def stated(**keywords: Any) -> Any:
    """JSON Schema keywords the contract states and the entity enforces, so its field error (code
    and params) is the same through REST and GraphQL. Each lands on the branches it applies to
    (bounds on numbers, patterns on text), never on null."""

    def extra(schema: dict[str, Any]) -> None:
        for branch in schema.get("anyOf", [schema]):
            kind = branch.get("type")
            for key, value in keywords.items():
                if kind in (("number", "integer") if key in _NUMERIC else ("string",)):
                    branch[key] = value

    return extra


# Required text holds more than white space (the entities strip it before their "required" check).
NOT_BLANK = r"[\s\S]*\S[\s\S]*"


def in_range(low: Any, high: Any, **field: Any) -> Any:
    """A number the domain holds to ``low..high``: one error naming both bounds, from the entity."""
    return Field(json_schema_extra=stated(minimum=low, maximum=high), **field)


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
CursorQ = Annotated[QueryText, Query(description="From the previous page's `nextCursor`.")]


def page_request(limit: int, cursor: str | None) -> PageRequest:
    return PageRequest.of(limit, cursor)
