"""REST DTOs of persons (staff and representatives)."""

from __future__ import annotations

from uuid import UUID

from api.rest.dtos import Dto, Input, Update
from api.rest.organisation.dtos import fields
from domain.organisation.limits import EMAIL_MAX, NAME_MAX, PHONE_MAX


class PersonRead(Dto):
    id: UUID
    name: str
    title: str | None
    organisation_id: UUID | None
    email: str | None
    phone: str | None
    version: int


class PersonCreate(Input):
    name: str = fields.name()
    title: str | None = fields.text(NAME_MAX)
    organisation_id: UUID | None = None
    email: str | None = fields.text(EMAIL_MAX)
    phone: str | None = fields.text(PHONE_MAX)


class PersonUpdate(Update):
    name: str = fields.new_name()
    title: str | None = fields.text(NAME_MAX)
    organisation_id: UUID | None = None
    email: str | None = fields.text(EMAIL_MAX)
    phone: str | None = fields.text(PHONE_MAX)
