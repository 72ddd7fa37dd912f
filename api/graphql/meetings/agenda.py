"""GraphQL, meetings context: agenda items (type with its decisions and action items, inputs, add /
change / reorder / remove)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated
from uuid import UUID

import strawberry

from api.graphql.meetings.actions import ActionItem
from api.graphql.meetings.context import cut, loaders, svc
from api.graphql.meetings.decisions import Decision
from api.graphql.meetings.enums import AgendaKind
from api.graphql.meetings.problems import PersonalDataProblem, answer
from api.graphql.organisation.context import loaders as org_loaders
from api.graphql.organisation.persons import Person
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.problems import Deleted, DeleteResult, Problems
from api.graphql.shared.resolvers import I, required, sent
from domain.meetings import agenda_item as d
from domain.meetings.service import AgendaItemChanges


@strawberry.type
class AgendaItem:
    id: UUID
    meeting_id: UUID
    position: int
    title: str
    kind: AgendaKind  # type: ignore[valid-type]
    owner_person_id: UUID | None
    measure_id: UUID | None
    focus_area_id: UUID | None
    version: int

    @strawberry.field(description="Decisions recorded under this item, in recorded order.")
    async def decisions(self, info: I, limit: int | None = None) -> list[Decision]:
        rows = await loaders(info.context).decisions.load(self.meeting_id)
        return cut([Decision.of(x) for x in rows if x.agenda_item_id == self.id], limit)

    @strawberry.field(description="Action items recorded under this item, overdue flagged.")
    async def action_items(self, info: I, limit: int | None = None) -> list[ActionItem]:
        rows = await loaders(info.context).actions.load(self.meeting_id)
        today = svc(info.context).today()
        return cut([ActionItem.of(a, today) for a in rows if a.agenda_item_id == self.id], limit)

    @strawberry.field
    async def owner(self, info: I) -> Person | None:
        if self.owner_person_id is None:
            return None
        p = await org_loaders(info.context).person.load(self.owner_person_id)
        return Person.of(p) if p else None

    @classmethod
    def of(cls, x: d.AgendaItem) -> AgendaItem:
        return from_domain(cls, x)


@strawberry.type
class Agenda:
    items: list[AgendaItem]


AgendaItemResult = Annotated[
    AgendaItem | PersonalDataProblem | Problems, strawberry.union("AgendaItemResult")
]
AgendaResult = Annotated[Agenda | Problems, strawberry.union("AgendaResult")]


@strawberry.input
class NewAgendaItemInput:
    title: str
    kind: AgendaKind = d.AgendaKind.INFORMATION  # type: ignore[valid-type]
    owner_person_id: UUID | None = None
    measure_id: UUID | None = None
    focus_area_id: UUID | None = None


@strawberry.input
class AgendaItemInput:
    title: str | None = strawberry.UNSET
    kind: AgendaKind | None = strawberry.UNSET  # type: ignore[valid-type]
    owner_person_id: UUID | None = strawberry.UNSET
    measure_id: UUID | None = strawberry.UNSET
    focus_area_id: UUID | None = strawberry.UNSET


def _agenda(items: Sequence[d.AgendaItem]) -> Agenda:
    return Agenda(items=[AgendaItem.of(i) for i in items])


@strawberry.type
class AgendaMutation:
    @strawberry.mutation(
        description="A new item at the end of the agenda (title through the guard)."
    )
    async def add_agenda_item(
        self,
        info: I,
        meeting_id: UUID,
        input: NewAgendaItemInput,
        override_reason: str | None = None,
    ) -> AgendaItemResult:
        c = info.context
        call = svc(c).add_agenda_item(
            c.principal, meeting_id, **vars(input), override_reason=override_reason
        )
        return await answer(call, AgendaItem.of)

    @strawberry.mutation(description="Change an item's title, kind, owner or links.")
    async def update_agenda_item(
        self,
        info: I,
        id: UUID,
        version: int,
        input: AgendaItemInput,
        override_reason: str | None = None,
    ) -> AgendaItemResult:
        c = info.context

        async def run() -> d.AgendaItem:
            v = sent(input)
            required(v, *(k for k in ("title", "kind") if k in v))
            changes = AgendaItemChanges.from_mapping(v)
            return await svc(c).update_agenda_item(
                c.principal, id, changes, version, override_reason
            )

        return await answer(run(), AgendaItem.of)

    @strawberry.mutation(description="The agenda in `order` (every item once); positions 1..n.")
    async def reorder_agenda(self, info: I, meeting_id: UUID, order: list[UUID]) -> AgendaResult:
        c = info.context
        return await answer(svc(c).reorder_agenda(c.principal, meeting_id, order), _agenda)

    @strawberry.mutation(description="Remove an item with nothing recorded under it.")
    async def remove_agenda_item(self, info: I, id: UUID, version: int) -> DeleteResult:
        c = info.context
        return await answer(
            svc(c).remove_agenda_item(c.principal, id, version), lambda _: Deleted(id=id)
        )
