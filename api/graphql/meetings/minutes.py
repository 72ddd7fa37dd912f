"""GraphQL, meetings context: minutes versions (open and restricted text per agenda item; the
restricted layer only for the body's members), written in the draft, approved, corrected."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import strawberry

from api.graphql.meetings.context import svc
from api.graphql.meetings.enums import ApprovalKind
from api.graphql.meetings.problems import PersonalDataProblem, answer
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.problems import Problems
from api.graphql.shared.resolvers import I
from domain.meetings import minutes as d


@strawberry.type
class ItemMinutes:
    agenda_item_id: UUID
    open_text: str
    restricted_text: str | None = strawberry.field(
        description="For the body's members only: null for everyone else."
    )


@strawberry.type
class Approval:
    kind: ApprovalKind  # type: ignore[valid-type]
    approved_at: datetime
    recorded_by_person_id: UUID | None
    chair_person_id: UUID | None
    approving_meeting_id: UUID | None


@strawberry.type
class MinutesVersion:
    id: UUID
    meeting_id: UUID
    number: int = strawberry.field(description="1 is the original; above 1 a correction.")
    written_at: datetime
    items: list[ItemMinutes]
    approval: Approval | None
    correction_reason: str | None
    approved: bool
    version: int

    @classmethod
    def of(cls, v: d.MinutesVersion) -> MinutesVersion:
        return from_domain(
            cls,
            v,
            items=[from_domain(ItemMinutes, i) for i in v.items],
            approval=from_domain(Approval, v.approval) if v.approval else None,
        )


MinutesResult = Annotated[
    MinutesVersion | PersonalDataProblem | Problems, strawberry.union("MinutesResult")
]


@strawberry.input
class ItemMinutesInput:
    agenda_item_id: UUID
    open_text: str = ""
    restricted_text: str | None = None


@strawberry.type
class MinutesMutation:
    @strawberry.mutation(
        description="A held meeting gets its draft minutes (`version`: the meeting's)."
    )
    async def start_minutes(self, info: I, meeting_id: UUID, version: int) -> MinutesResult:
        c = info.context
        return await answer(
            svc(c).start_minutes(c.principal, meeting_id, version), MinutesVersion.of
        )

    @strawberry.mutation(description="Write both layers of one item (`version`: the draft's).")
    async def write_item_minutes(
        self,
        info: I,
        meeting_id: UUID,
        agenda_item_id: UUID,
        version: int,
        open_text: str,
        restricted_text: str | None = None,
        override_reason: str | None = None,
    ) -> MinutesResult:
        c = info.context
        call = svc(c).write_item_minutes(
            c.principal,
            meeting_id,
            agenda_item_id,
            open_text=open_text,
            restricted_text=restricted_text,
            expected_version=version,
            override_reason=override_reason,
        )
        return await answer(call, MinutesVersion.of)

    @strawberry.mutation(
        description="The chair on the meeting's date approves; decisions get their numbers "
        "(`version`: the meeting's)."
    )
    async def approve_minutes(self, info: I, meeting_id: UUID, version: int) -> MinutesResult:
        c = info.context
        return await answer(
            svc(c).approve_by_chair(c.principal, meeting_id, version), MinutesVersion.of
        )

    @strawberry.mutation(description="A later, held meeting of the same body approved the minutes.")
    async def approve_minutes_at_next_meeting(
        self, info: I, meeting_id: UUID, approving_meeting_id: UUID, version: int
    ) -> MinutesResult:
        c = info.context
        call = svc(c).approve_at_next_meeting(
            c.principal, meeting_id, approving_meeting_id, version
        )
        return await answer(call, MinutesVersion.of)

    @strawberry.mutation(
        description="A correction of approved minutes: a new version with a reason, by the chair."
    )
    async def correct_minutes(
        self,
        info: I,
        meeting_id: UUID,
        items: list[ItemMinutesInput],
        reason: str,
        override_reason: str | None = None,
    ) -> MinutesResult:
        c = info.context
        texts = [
            d.ItemMinutes(
                agenda_item_id=i.agenda_item_id,
                open_text=i.open_text.strip(),
                restricted_text=(i.restricted_text or "").strip() or None,
            )
            for i in items
        ]
        call = svc(c).correct_minutes(c.principal, meeting_id, texts, reason, override_reason)
        return await answer(call, MinutesVersion.of)
