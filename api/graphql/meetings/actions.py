"""GraphQL, meetings context: action items (type with the overdue flag, inputs, "my action items",
add / change / remove in the draft, status moves after it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated
from uuid import UUID

import strawberry

from api.graphql.meetings.context import loaders, svc
from api.graphql.meetings.enums import ActionStatus
from api.graphql.meetings.problems import PersonalDataProblem, answer
from api.graphql.organisation.context import loaders as org_loaders
from api.graphql.organisation.persons import Person
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.problems import Deleted, DeleteResult, Problems
from api.graphql.shared.resolvers import I, required, sent
from domain.meetings import action_item as d
from domain.meetings.service import ActionItemChanges

if TYPE_CHECKING:
    from api.graphql.meetings.meetings import Meeting

# Meeting lists its action items: the lazy reference breaks the import cycle.
_Meeting = Annotated["Meeting", strawberry.lazy("api.graphql.meetings.meetings")]


@strawberry.type
class ActionItem:
    id: UUID
    meeting_id: UUID
    agenda_item_id: UUID
    text: str
    owner_person_id: UUID
    due: date | None
    status: ActionStatus  # type: ignore[valid-type]
    overdue: bool = strawberry.field(description="Open and past its due date (today is not).")
    version: int

    @strawberry.field
    async def owner(self, info: I) -> Person | None:
        p = await org_loaders(info.context).person.load(self.owner_person_id)
        return Person.of(p) if p else None

    @strawberry.field(description="The meeting it was recorded at (null if not readable).")
    async def meeting(self, info: I) -> _Meeting | None:
        from api.graphql.meetings.meetings import Meeting

        m = await loaders(info.context).meeting.load(self.meeting_id)
        return Meeting.of(m) if m else None

    @classmethod
    def of(cls, a: d.ActionItem, today: date) -> ActionItem:
        return from_domain(cls, a, overdue=a.is_overdue(today))


ActionItemResult = Annotated[
    ActionItem | PersonalDataProblem | Problems, strawberry.union("ActionItemResult")
]


@strawberry.input
class NewActionItemInput:
    text: str
    owner_person_id: UUID
    due: date | None = None


@strawberry.input
class ActionItemInput:
    text: str | None = strawberry.UNSET
    owner_person_id: UUID | None = strawberry.UNSET
    due: date | None = strawberry.UNSET


def of(info: I) -> Callable[[d.ActionItem], ActionItem]:
    today = svc(info.context).today()
    return lambda a: ActionItem.of(a, today)


@strawberry.type
class ActionItemQuery:
    @strawberry.field(description="The caller's own action items by due date, overdue flagged.")
    async def my_action_items(self, info: I) -> list[ActionItem]:
        s = svc(info.context)
        today = s.today()
        return [ActionItem.of(a, today) for a in await s.my_action_items(info.context.principal)]


@strawberry.type
class ActionItemMutation:
    @strawberry.mutation(description="An action item under an agenda item of draft minutes.")
    async def add_action_item(
        self,
        info: I,
        meeting_id: UUID,
        agenda_item_id: UUID,
        input: NewActionItemInput,
        override_reason: str | None = None,
    ) -> ActionItemResult:
        c = info.context
        call = svc(c).add_action_item(
            c.principal,
            meeting_id,
            agenda_item_id,
            text=input.text,
            owner_person_id=input.owner_person_id,
            due=input.due,
            override_reason=override_reason,
        )
        return await answer(call, of(info))

    @strawberry.mutation(description="Change a draft's action item (text, owner, due date).")
    async def update_action_item(
        self,
        info: I,
        id: UUID,
        version: int,
        input: ActionItemInput,
        override_reason: str | None = None,
    ) -> ActionItemResult:
        c = info.context

        async def run() -> d.ActionItem:
            v = sent(input)
            required(v, *(k for k in ("text", "owner_person_id") if k in v))
            changes = ActionItemChanges.from_mapping(v)
            return await svc(c).update_action_item(
                c.principal, id, changes, version, override_reason
            )

        return await answer(run(), of(info))

    @strawberry.mutation(description="Remove a draft's action item.")
    async def remove_action_item(self, info: I, id: UUID, version: int) -> DeleteResult:
        c = info.context
        return await answer(
            svc(c).remove_action_item(c.principal, id, version), lambda _: Deleted(id=id)
        )

    @strawberry.mutation(
        description="Move an action item on (open → done | cancelled, and back): its owner or "
        "whoever manages the body's meetings, also after approval."
    )
    async def set_action_item_status(
        self,
        info: I,
        id: UUID,
        version: int,
        status: ActionStatus,  # type: ignore[valid-type]
    ) -> ActionItemResult:
        c = info.context
        call = svc(c).set_action_status(c.principal, id, status, version)
        return await answer(call, of(info))
