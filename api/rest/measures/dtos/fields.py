"""REST measures room: field declarations the measures DTOs share, each pointing at the domain's limits."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from api.rest.inputs import NOT_BLANK, Int, optional, stated
from domain.measures import limits
from domain.shared.free_text import REASON_MAX as OVERRIDE_REASON_MAX

OVERRIDE_DESCRIPTION = (
    "Save although the free-text guard found personal data: why (recorded with who and when). "
    "Send it only after a 422 personal-data-found answer."
)

Weight = Annotated[Int, Field(ge=1, le=limits.WEIGHT_MAX, description="How much it counts.")]
Nok = Annotated[Int, Field(ge=0, le=limits.BUDGET_MAX_NOK)]
Hours = Annotated[Int, Field(ge=0, le=limits.STAFF_HOURS_MAX)]
Age = Annotated[Int, Field(ge=limits.AGE_MIN, le=limits.AGE_MAX)]
Code = Annotated[
    str, Field(min_length=1, max_length=64, description="A code of /api/measure-factors.")
]
Strategy = Annotated[str, Field(min_length=1, max_length=limits.SHORT_MAX)]


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


def items(max_length: int, **field: Any) -> Any:
    """A list of at most ``max_length`` items, sent whole (it replaces the stored one)."""
    return Field(default_factory=list, max_length=max_length, **field)


def new_items(max_length: int) -> Any:
    """A list on update: may be left out (unchanged), never null."""
    return optional(max_length=max_length)
