"""REST DTOs of memberships and their dated changes (role change, chair hand-over)."""

from __future__ import annotations

from datetime import date
from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import IsoDate, optional
from domain.organisation.membership import MembershipView
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
    def from_view(cls, v: MembershipView) -> Self:
        """The term read from the membership, the names from the view around it."""
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
    valid_to: IsoDate | None = Field(
        default=None, description="The last day; on or after the first. Null: open-ended."
    )


class MembershipUpdate(Update):
    role: BodyRole = optional()
    organisation_id: UUID | None = None
    valid_from: IsoDate = optional()
    valid_to: IsoDate | None = Field(
        default=None, description="The last day; on or after the first. Null: open-ended."
    )


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
