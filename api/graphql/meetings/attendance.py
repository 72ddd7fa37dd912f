"""GraphQL, meetings context: attendance (one row per person and meeting) and the quorum shown."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from api.graphql.meetings.context import svc
from api.graphql.meetings.enums import Presence
from api.graphql.meetings.problems import answer
from api.graphql.organisation.context import loaders as org_loaders
from api.graphql.organisation.organisations import Organisation
from api.graphql.organisation.persons import Person
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.problems import Problems
from api.graphql.shared.resolvers import I
from domain.meetings import attendance as d


@strawberry.type
class Attendance:
    id: UUID
    meeting_id: UUID
    person_id: UUID
    presence: Presence  # type: ignore[valid-type]
    substitute_for_person_id: UUID | None
    organisation_id: UUID | None = strawberry.field(description="The organisation represented.")
    version: int

    @strawberry.field
    async def person(self, info: I) -> Person | None:
        p = await org_loaders(info.context).person.load(self.person_id)
        return Person.of(p) if p else None

    @strawberry.field
    async def organisation(self, info: I) -> Organisation | None:
        if self.organisation_id is None:
            return None
        o = await org_loaders(info.context).organisation.load(self.organisation_id)
        return Organisation.of(o) if o else None

    @classmethod
    def of(cls, x: d.Attendance) -> Attendance:
        return from_domain(cls, x)


@strawberry.type(
    description="More than half of the voting members (chair, deputy, member) on the meeting's "
    "date present; a substitute fills the absent member's seat."
)
class Quorum:
    voting_members: int
    present: int
    required: int
    reached: bool

    @classmethod
    def of(cls, q: d.Quorum) -> Quorum:
        return cls(
            voting_members=q.voting_members,
            present=q.present,
            required=q.required,
            reached=q.reached,
        )


AttendanceResult = Annotated[Attendance | Problems, strawberry.union("AttendanceResult")]


@strawberry.input
class AttendanceInput:
    person_id: UUID
    presence: Presence  # type: ignore[valid-type]
    substitute_for_person_id: UUID | None = None
    organisation_id: UUID | None = None


@strawberry.type
class AttendanceMutation:
    @strawberry.mutation(description="Set one person's attendance (created or replaced).")
    async def record_attendance(
        self, info: I, meeting_id: UUID, input: AttendanceInput
    ) -> AttendanceResult:
        c = info.context
        call = svc(c).record_attendance(c.principal, meeting_id, **vars(input))
        return await answer(call, Attendance.of)
