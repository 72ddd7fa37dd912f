"""GraphQL, cases context: its Query and Mutation — the same use cases, authorisation and problem
codes as the REST door; every read is decided per item and access-logged by the use case."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry

from api.graphql.cases import types as t
from api.graphql.cases.case import Case, CaseSummary
from api.graphql.cases.disclosure import DisclosureMutation, DisclosureQuery
from api.graphql.cases.enums import (
    CaseCategory,
    DutyAnswerEnum,
    DutyEnum,
    DutyTagEnum,
    EventKindEnum,
    MethodEnum,
)
from api.graphql.cases.opening import OpeningMutation
from api.graphql.context import OWN_TRANSACTION_FIELDS, Context
from api.graphql.shared.problems import Problems, problem_of
from api.graphql.shared.resolvers import I
from domain.cases.changes import NewNote
from domain.cases.service import CasesService
from domain.shared.errors import DomainError, NotFound

# A case read appends to the access log: it must commit, never join the query's snapshot.
OWN_TRANSACTION_FIELDS.update({"myCases", "case", "consent", "breakGlassReviews"})


@strawberry.type
class DutyAnswered:
    note_id: UUID
    duty: str
    answer: str


ConsentResult = Annotated[t.ConsentDetails | Problems, strawberry.union("ConsentEventResult")]
NoteResult = Annotated[t.Note | Problems, strawberry.union("CaseNoteResult")]
DutyResult = Annotated[DutyAnswered | Problems, strawberry.union("DutyAnswerResult")]


def svc(c: Context) -> CasesService:
    return c.services.cases  # type: ignore[no-any-return]


async def answer(call: Any, wrap: Any) -> Any:
    try:
        return wrap(await call)
    except DomainError as exc:
        return problem_of(exc)


@strawberry.type
class Query(DisclosureQuery):
    @strawberry.field(description="The cases whose team I am on (empty for everyone else).")
    async def my_cases(self, info: I) -> list[CaseSummary]:
        c = info.context
        return [CaseSummary.of(s) for s in await svc(c).my_cases(c.principal)]

    @strawberry.field(description="A case as I may read it; null when it is not mine to see.")
    async def case(self, info: I, id: UUID) -> Case | None:
        c = info.context
        try:
            return Case.of(await svc(c).case_view(c.principal, id))
        except NotFound:
            return None

    @strawberry.field(description="A consent of a case I may read; null when not mine to see.")
    async def consent(self, info: I, id: UUID) -> t.ConsentItemUnion | None:
        c = info.context
        try:
            return t.consent_item(await svc(c).consent(c.principal, id))
        except NotFound:
            return None


@strawberry.type
class Mutation(OpeningMutation, DisclosureMutation):
    @strawberry.mutation(description="Write a note; tagged notes return the duty prompts shown.")
    async def add_case_note(
        self,
        info: I,
        case_id: UUID,
        category: CaseCategory,  # type: ignore[valid-type]
        text: str,
        duty_tags: list[DutyTagEnum] | None = None,  # type: ignore[valid-type]
    ) -> NoteResult:
        c = info.context
        new = NewNote(category=category, text=text, duty_tags=frozenset(duty_tags or ()))
        return await answer(svc(c).add_note(c.principal, case_id, new), t.note)

    @strawberry.mutation(description="The author's answer to a duty the note prompted.")
    async def answer_duty(
        self,
        info: I,
        note_id: UUID,
        duty: DutyEnum,  # type: ignore[valid-type]
        answer_: Annotated[DutyAnswerEnum, strawberry.argument(name="answer")],  # type: ignore[valid-type]
    ) -> DutyResult:
        c = info.context
        call = svc(c).answer_duty(c.principal, note_id, duty, answer_)
        return await answer(
            call, lambda _: DutyAnswered(note_id=note_id, duty=str(duty), answer=str(answer_))
        )

    @strawberry.mutation(
        description="A party's next consent event (withdrawn stops sharing on the next read); "
        "`expectedSeq`: the party's latest seq as read (0 for none)."
    )
    async def record_consent_event(
        self,
        info: I,
        consent_id: UUID,
        party_id: UUID,
        kind: EventKindEnum,  # type: ignore[valid-type]
        method: MethodEnum,  # type: ignore[valid-type]
        expected_seq: int,
        evidence_ref: str | None = None,
    ) -> ConsentResult:
        c = info.context
        call = svc(c).record_consent_event(
            c.principal, consent_id, party_id, kind, method, evidence_ref, expected_seq
        )
        # As REST: the answer leaves out the child's view (read it with `consent(id)`).
        return await answer(call, lambda v: t.consent_details(v, None, child_view=False))
