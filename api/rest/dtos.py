"""REST: the DTO bases every context shares — camelCase on the wire, one text rule, null-safe updates.

Names follow ``XCreate``, ``XUpdate`` (all optional, only what was sent), ``XRead``, ``PageOf[XRead]``.
Never table classes. One convention maps out: ``XRead.from_domain(entity)`` reads each field from the
domain object's attribute of the same name (nested DTOs alike); a DTO overrides it only where the
shapes differ. ``changes()`` turns an update into the snake_case field map the use case applies
(only fields the client sent).
"""

from __future__ import annotations

from typing import Any, Generic, Self, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

from api.rest.inputs import plain_text

T = TypeVar("T")


class Dto(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")

    @classmethod
    def from_domain(cls, obj: object) -> Self:
        """The DTO of a domain object: every field read from the attribute of the same name."""
        return cls.model_validate(obj, from_attributes=True)


class Input(Dto):
    """Base of every request body. One text rule for all its fields, checked after each field's
    own constraints: no control characters. The domain checks it again for the other door."""

    @field_validator("*", mode="after")
    @classmethod
    def _plain_text(cls, value: Any) -> Any:
        return plain_text(value)


class Update(Input):
    """All fields optional; those the entity requires may be left out but never set to null."""

    @field_validator("*", mode="before")
    @classmethod
    def _not_null(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name is not None:
            annotation = cls.model_fields[info.field_name].annotation
            if type(None) not in get_args(annotation):
                raise PydanticCustomError("required", "This field is required; it cannot be null.")
        return value

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True, by_alias=False)


class PageOf(Dto, Generic[T]):
    items: list[T]
    total: int = Field(description="Rows matching the filter, on all pages.")
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null at the end."
    )
