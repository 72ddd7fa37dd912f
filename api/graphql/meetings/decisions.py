"""GraphQL, meetings context: decisions (numbered when the minutes are approved: "KOG 12/2026"),
recorded, changed and removed while the minutes are a draft."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import strawberry

from api.graphql.meetings.context import svc
from api.graphql.meetings.problems import PersonalDataProblem, answer
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.problems import Deleted, DeleteResult, Problems
from api.graphql.shared.resolvers import I
from domain.meetings import decision as d


@strawberry.type
class Decision:
    id: UUID
    meeting_id: UUID
    agenda_item_id: UUID
    body_id: UUID
    text: str
    ordinal: int = strawberry.field(description="The order it was recorded in, in its meeting.")
    number: str | None = strawberry.field(
        description='The decision number, e.g. "KOG 12/2026"; null until the minutes are approved.'
    )
    sequence: int | None
    year: int | None
    version: int

    @classmethod
    def of(cls, x: d.Decision) -> Decision:
        n = x.number
        return from_domain(
            cls,
            x,
            number=n.label if n else None,
            sequence=n.sequence if n else None,
            year=n.year if n else None,
        )


DecisionResult = Annotated[
    Decision | PersonalDataProblem | Problems, strawberry.union("DecisionResult")
]


@strawberry.type
class DecisionMutation:
    @strawberry.mutation(description="A decision under an agenda item of draft minutes.")
    async def record_decision(
        self,
        info: I,
        meeting_id: UUID,
        agenda_item_id: UUID,
        text: str,
        override_reason: str | None = None,
    ) -> DecisionResult:
        c = info.context
        call = svc(c).record_decision(
            c.principal, meeting_id, agenda_item_id, text, override_reason
        )
        return await answer(call, Decision.of)

    @strawberry.mutation(description="Change a draft decision's text.")
    async def update_decision(
        self, info: I, id: UUID, version: int, text: str, override_reason: str | None = None
    ) -> DecisionResult:
        c = info.context
        call = svc(c).update_decision(c.principal, id, text, version, override_reason)
        return await answer(call, Decision.of)

    @strawberry.mutation(description="Remove a draft decision (it has no number yet: no gap).")
    async def remove_decision(self, info: I, id: UUID, version: int) -> DeleteResult:
        c = info.context
        return await answer(
            svc(c).remove_decision(c.principal, id, version), lambda _: Deleted(id=id)
        )
