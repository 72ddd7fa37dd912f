"""REST DTOs of memberships and their dated changes (role change, chair hand-over)."""

from __future__ import annotations

from datetime import date
from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import IsoDate, optional
from domain.organisation import model as m
from domain.shared.principal import BodyRole


class MembershipRead(Dto):
    id: UUID
    body_id: UUID
    person_id: UUID
    role: BodyRole
    organisation_id: UUID | None
    valid_from: date
    valid_to: date | None
    version: int
    person_name: str | None = None
    body_name: str | None = None
    organisation_name: str | None = None

    @classmethod
    def from_domain(cls, x: m.Membership) -> Self:
        return cls(
            id=x.id,
            body_id=x.body_id,
            person_id=x.person_id,
            role=x.role,
            organisation_id=x.organisation_id,
            valid_from=x.valid_from,
            valid_to=x.valid_to,
            version=x.version,
        )

    @classmethod
    def from_view(cls, v: m.MembershipView) -> Self:
        return cls.from_domain(v.membership).model_copy(
            update={
                "person_name": v.person_name,
                "body_name": v.body_name,
                "organisation_name": v.organisation_name,
            }
        )


class MembershipCreate(Input):
    body_id: UUID
    person_id: UUID
    role: BodyRole
    organisation_id: UUID | None = Field(
        default=None, description="The organisation represented; defaults to the person's."
    )
    valid_from: IsoDate | None = Field(default=None, description="Defaults to today.")
    valid_to: IsoDate | None = None


class MembershipUpdate(Update):
    role: BodyRole = optional()
    organisation_id: UUID | None = None
    valid_from: IsoDate = optional()
    valid_to: IsoDate | None = None


class MembershipEnd(Input):
    on: IsoDate | None = Field(
        default=None, description="Last day of the membership; defaults to today."
    )


class MembershipRoleChange(Input):
    role: BodyRole
    on: IsoDate | None = Field(
        default=None, description="First day in the new role; defaults to today."
    )


class ChairHandover(Input):
    person_id: UUID = Field(description="The new chair.")
    on: IsoDate | None = Field(
        default=None, description="The new chair's first day; defaults to today."
    )
    previous_chair_role: BodyRole | None = Field(
        default=BodyRole.MEMBER,
        description="The role the previous chair goes on in from that day; null: they leave.",
    )
