"""REST DTOs of persons (staff and representatives)."""

from __future__ import annotations

from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import optional
from domain.organisation import model as m

Name = Field(min_length=1, max_length=m.NAME_MAX)


class PersonRead(Dto):
    id: UUID
    name: str
    title: str | None
    organisation_id: UUID | None
    email: str | None
    phone: str | None
    version: int

    @classmethod
    def from_domain(cls, p: m.Person) -> Self:
        return cls(
            id=p.id,
            name=p.name,
            title=p.title,
            organisation_id=p.organisation_id,
            email=p.email,
            phone=p.phone,
            version=p.version,
        )


class PersonCreate(Input):
    name: str = Name
    title: str | None = Field(default=None, max_length=m.NAME_MAX)
    organisation_id: UUID | None = None
    email: str | None = Field(default=None, max_length=m.EMAIL_MAX)
    phone: str | None = Field(default=None, max_length=m.PHONE_MAX)


class PersonUpdate(Update):
    name: str = optional(min_length=1, max_length=m.NAME_MAX)
    title: str | None = Field(default=None, max_length=m.NAME_MAX)
    organisation_id: UUID | None = None
    email: str | None = Field(default=None, max_length=m.EMAIL_MAX)
    phone: str | None = Field(default=None, max_length=m.PHONE_MAX)
