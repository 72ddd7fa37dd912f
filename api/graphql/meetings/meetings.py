"""GraphQL, meetings context: the meeting aggregate — its type with the nested reads (agenda,
attendance, quorum, minutes, decisions, action items: each through a DataLoader), a body's
meetings and one meeting, and the mutations of the meeting itself (plan, change, hold, cancel;
distribution, which sends mail, is the distribution door's)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

import strawberry

from api.graphql.meetings.actions import ActionItem
from api.graphql.meetings.agenda import AgendaItem
from api.graphql.meetings.attendance import Attendance, Quorum
from api.graphql.meetings.context import cut, loaders, svc
from api.graphql.meetings.decisions import Decision
from api.graphql.meetings.enums import DocumentationStatus, MeetingStatus
from api.graphql.meetings.minutes import MinutesVersion
from api.graphql.meetings.problems import answer
from api.graphql.organisation.bodies import Body
from api.graphql.organisation.context import loaders as org_loaders
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.problems import Problems
from api.graphql.shared.resolvers import I, required, sent
from domain.meetings import meeting as d
from domain.meetings.service import MeetingChanges


@strawberry.type
class Meeting:
    id: UUID
    body_id: UUID
    starts_at: datetime
    ends_at: datetime
    place: str | None
    link: str | None
    status: MeetingStatus  # type: ignore[valid-type]
    cancel_reason: str | None
    documentation_status: DocumentationStatus  # type: ignore[valid-type]
    archive_worthy: bool
    year: int = strawberry.field(description="The year (in Norway) its decisions are numbered in.")
    version: int

    @strawberry.field
    async def body(self, info: I) -> Body | None:
        b = await org_loaders(info.context).body.load(self.body_id)
        return Body.of(b) if b else None

    @strawberry.field(description="The agenda by position.")
    async def agenda_items(self, info: I, limit: int | None = None) -> list[AgendaItem]:
        rows = await loaders(info.context).agenda.load(self.id)
        return cut([AgendaItem.of(x) for x in rows], limit)

    @strawberry.field(description="Who attended (one row per person).")
    async def attendance(self, info: I, limit: int | None = None) -> list[Attendance]:
        rows = await loaders(info.context).attendance.load(self.id)
        return cut([Attendance.of(x) for x in rows], limit)

    @strawberry.field(description="The quorum on the meeting's date.")
    async def quorum(self, info: I) -> Quorum | None:
        q = await loaders(info.context).quorum.load(self.id)
        return Quorum.of(q) if q else None

    @strawberry.field(
        description="Every minutes version, oldest first; the restricted layer only for the "
        "body's members."
    )
    async def minutes(self, info: I, limit: int | None = None) -> list[MinutesVersion]:
        rows = await loaders(info.context).minutes.load(self.id)
        return cut([MinutesVersion.of(v) for v in rows], limit)

    @strawberry.field(description="Every decision of the meeting, in recorded order.")
    async def decisions(self, info: I, limit: int | None = None) -> list[Decision]:
        rows = await loaders(info.context).decisions.load(self.id)
        return cut([Decision.of(x) for x in rows], limit)

    @strawberry.field(description="Every action item of the meeting, overdue flagged.")
    async def action_items(self, info: I, limit: int | None = None) -> list[ActionItem]:
        rows = await loaders(info.context).actions.load(self.id)
        today = svc(info.context).today()
        return cut([ActionItem.of(a, today) for a in rows], limit)

    @classmethod
    def of(cls, m: d.Meeting) -> Meeting:
        return from_domain(cls, m)


MeetingResult = Annotated[Meeting | Problems, strawberry.union("MeetingResult")]


@strawberry.input
class NewMeetingInput:
    body_id: UUID
    starts_at: datetime
    ends_at: datetime
    place: str | None = None
    link: str | None = None


@strawberry.input
class MeetingInput:
    starts_at: datetime | None = strawberry.UNSET
    ends_at: datetime | None = strawberry.UNSET
    place: str | None = strawberry.UNSET
    link: str | None = strawberry.UNSET
    documentation_status: DocumentationStatus | None = strawberry.UNSET  # type: ignore[valid-type]
    archive_worthy: bool | None = strawberry.UNSET


_NOT_NULL = ("starts_at", "ends_at", "documentation_status", "archive_worthy")


@strawberry.type
class MeetingQuery:
    @strawberry.field(description="A body's meetings by start time; `year` keeps that year's.")
    async def meetings(
        self, info: I, body_id: UUID, year: int | None = None, limit: int | None = None
    ) -> list[Meeting]:
        c = info.context
        found = await svc(c).meetings_of_body(c.principal, body_id)
        return cut([Meeting.of(m) for m in found if year is None or m.year == year], limit)

    @strawberry.field
    async def meeting(self, info: I, id: UUID) -> Meeting:
        c = info.context
        m = await svc(c).get_meeting(c.principal, id)
        loaders(c).meeting.prime(id, m)
        return Meeting.of(m)


@strawberry.type
class MeetingMutation:
    @strawberry.mutation(description="Plan a meeting of a body (a place, a https link or both).")
    async def plan_meeting(self, info: I, input: NewMeetingInput) -> MeetingResult:
        c = info.context
        return await answer(svc(c).plan_meeting(c.principal, **vars(input)), Meeting.of)

    @strawberry.mutation(
        description="Time and place change while planned; documentation status and the "
        "archive-worthy flag whenever."
    )
    async def update_meeting(
        self, info: I, id: UUID, version: int, input: MeetingInput
    ) -> MeetingResult:
        c = info.context

        async def run() -> Any:
            v = sent(input)
            required(v, *(k for k in _NOT_NULL if k in v))
            changes = MeetingChanges.from_mapping(v)
            return await svc(c).update_meeting(c.principal, id, changes, version)

        return await answer(run(), Meeting.of)

    @strawberry.mutation(description="Record that the meeting took place (it must have begun).")
    async def hold_meeting(self, info: I, id: UUID, version: int) -> MeetingResult:
        c = info.context
        return await answer(svc(c).hold_meeting(c.principal, id, version), Meeting.of)

    @strawberry.mutation(description="Cancel a planned meeting, with a reason.")
    async def cancel_meeting(self, info: I, id: UUID, version: int, reason: str) -> MeetingResult:
        c = info.context
        return await answer(svc(c).cancel_meeting(c.principal, id, reason, version), Meeting.of)
