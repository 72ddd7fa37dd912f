"""REST cases room: the case's team — a seat as sent and as read (the name behind it may be withheld)."""

from __future__ import annotations

from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.cases.dtos import fields
from api.rest.cases.dtos.access import AccessRead, Shown, WithheldRead, render
from api.rest.dtos import Dto, Input
from domain.cases import limits
from domain.cases.case import CaseMember, MemberRole
from domain.cases.changes import NewMember
from domain.cases.views import MemberView
from domain.cases.views import Shown as ShownItem


class MemberCreate(Input):
    """A person of the unit (``personId``: they will see the case), or a named member of the
    private network without an account (``name``)."""

    person_id: UUID | None = None
    name: str | None = fields.text(limits.NAME_MAX, description="Required without personId.")
    organisation_id: UUID | None = Field(
        default=None,
        description="The organisation the member represents (required for a person; none for "
        "a private-network member).",
    )
    role: MemberRole = MemberRole.MEMBER

    def to_domain(self) -> NewMember:
        return NewMember(
            person_id=self.person_id,
            name=self.name,
            organisation_id=self.organisation_id,
            role=self.role,
        )


class SeatRead(Shown):
    person_id: UUID | None
    name: str

    @classmethod
    def of(cls, s: ShownItem[CaseMember]) -> Self:
        return cls(access=AccessRead.of(s.access), person_id=s.value.person_id, name=s.value.name)


class MemberRead(Dto):
    id: UUID
    role: MemberRole
    organisation_id: UUID | None
    member: SeatRead | WithheldRead

    @classmethod
    def of(cls, v: MemberView) -> Self:
        return cls(
            id=v.id,
            role=v.role,
            organisation_id=v.organisation_id,
            member=render(v.member, SeatRead.of),
        )
