"""REST DTOs of organisations."""

from __future__ import annotations

from uuid import UUID

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import Bool, optional
from api.rest.organisation.dtos import fields
from domain.organisation.model import OrganisationType


class OrganisationRead(Dto):
    id: UUID
    name: str
    type: OrganisationType
    organisation_number: str | None
    municipality_number: str | None
    active: bool
    version: int


class OrganisationCreate(Input):
    name: str = fields.name()
    type: OrganisationType
    organisation_number: str | None = fields.organisation_number()
    municipality_number: str | None = fields.municipality_number()
    active: Bool = True


class OrganisationUpdate(Update):
    name: str = fields.new_name()
    type: OrganisationType = optional()
    organisation_number: str | None = fields.organisation_number()
    municipality_number: str | None = fields.municipality_number()
    active: Bool = optional()
