"""REST DTOs of organisations."""

from __future__ import annotations

from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import Bool, optional
from domain.organisation import model as m

Name = Field(min_length=1, max_length=m.NAME_MAX)


class OrganisationRead(Dto):
    id: UUID
    name: str
    type: m.OrganisationType
    organisation_number: str | None
    municipality_number: str | None
    active: bool
    version: int

    @classmethod
    def from_domain(cls, o: m.Organisation) -> Self:
        return cls(
            id=o.id,
            name=o.name,
            type=o.type,
            organisation_number=o.organisation_number,
            municipality_number=o.municipality_number,
            active=o.active,
            version=o.version,
        )


class OrganisationCreate(Input):
    name: str = Name
    type: m.OrganisationType
    organisation_number: str | None = Field(default=None, pattern=r"^\d{9}$")
    municipality_number: str | None = Field(default=None, pattern=r"^\d{4}$")
    active: Bool = True


class OrganisationUpdate(Update):
    name: str = optional(min_length=1, max_length=m.NAME_MAX)
    type: m.OrganisationType = optional()
    organisation_number: str | None = Field(default=None, pattern=r"^\d{9}$")
    municipality_number: str | None = Field(default=None, pattern=r"^\d{4}$")
    active: Bool = optional()
