"""REST knowledge room: the indicator definition's read, create and update bodies."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import NOT_BLANK, Bool, optional, stated
from api.rest.knowledge.dtos.vocab import Category, MeasureUnit, Source
from domain.knowledge import limits
from domain.knowledge.indicators import CLEARABLE, IndicatorChange, IndicatorDraft

CODE_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,63}$"
CODE_DESCRIPTION = "Lower-case letters, digits, '.', '_' or '-'; unique in the unit."
FACTORS_DESCRIPTION = "Risk or protective factor codes of /api/measure-factors (the logic model)."


class IndicatorRead(Dto):
    id: UUID
    code: str
    name: str
    source: Source
    category: Category
    measure_unit: MeasureUnit
    factors: list[str] = Field(description=FACTORS_DESCRIPTION)
    description: str | None
    higher_is_better: bool | None = Field(description="null: neither direction is better.")
    version: int


class IndicatorCreate(Input):
    code: str = Field(
        min_length=1,
        max_length=limits.CODE_MAX,
        description=CODE_DESCRIPTION,
        json_schema_extra=stated(pattern=CODE_PATTERN),
    )
    name: str = Field(
        min_length=1, max_length=limits.NAME_MAX, json_schema_extra=stated(pattern=NOT_BLANK)
    )
    source: Source
    category: Category
    measure_unit: MeasureUnit
    factors: list[str] = Field(
        default_factory=list, max_length=limits.FACTORS_MAX, description=FACTORS_DESCRIPTION
    )
    description: str | None = Field(default=None, max_length=limits.DESCRIPTION_MAX)
    higher_is_better: Bool | None = None

    def to_draft(self) -> IndicatorDraft:
        v = self.model_dump(by_alias=False)
        return IndicatorDraft(**{**v, "factors": tuple(v["factors"])})


class IndicatorUpdate(Update):
    code: str = optional(stated(pattern=CODE_PATTERN), min_length=1, max_length=limits.CODE_MAX)
    name: str = optional(stated(pattern=NOT_BLANK), min_length=1, max_length=limits.NAME_MAX)
    source: Source = optional()
    category: Category = optional()
    measure_unit: MeasureUnit = optional()
    factors: list[str] = optional(max_length=limits.FACTORS_MAX)
    description: str | None = Field(default=None, max_length=limits.DESCRIPTION_MAX)
    higher_is_better: Bool | None = None

    def to_change(self) -> IndicatorChange:
        return change_of(self.changes())


def change_of(sent: dict[str, Any]) -> IndicatorChange:
    """The fields sent; a nullable one sent as null is cleared."""
    clear = frozenset(k for k in CLEARABLE if k in sent and sent[k] is None)
    if sent.get("factors") is not None:
        sent = {**sent, "factors": tuple(sent["factors"])}
    return IndicatorChange(**{k: v for k, v in sent.items() if v is not None}, clear=clear)
