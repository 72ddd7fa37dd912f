"""GraphQL, measures context: the measure's queries (a page of them, the board, one) and the
mutations of the measure itself (propose, change, move on along the lifecycle, delete, note)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated
from uuid import UUID

import strawberry

from api.graphql.context import Context
from api.graphql.measures.context import loaders, svc
from api.graphql.measures.enums import Stage
from api.graphql.measures.inputs import MeasureFilterInput, MeasureInput, measure_changes
from api.graphql.measures.measure import Measure
from api.graphql.measures.problems import IllegalTransitionProblem, answer
from api.graphql.measures.records import ProgressNote
from api.graphql.meetings.problems import PersonalDataProblem
from api.graphql.shared.pages import Page
from api.graphql.shared.problems import Deleted, DeleteResult, Problems
from api.graphql.shared.resolvers import I, page_request, required, sent
from domain.measures import views as dv
from domain.measures.filters import MeasureFilter
from domain.measures.limits import TITLE_MAX
from domain.shared.errors import Errors
from domain.shared.validation import characters

MeasureResult = Annotated[
    Measure | PersonalDataProblem | Problems, strawberry.union("MeasureResult")
]
TransitionResult = Annotated[
    Measure | IllegalTransitionProblem | PersonalDataProblem | Problems,
    strawberry.union("MeasureTransitionResult"),
]
NoteResult = Annotated[
    ProgressNote | PersonalDataProblem | Problems, strawberry.union("ProgressNoteResult")
]


def measure_filter(f: MeasureFilterInput | None) -> MeasureFilter:
    if f is None:
        return MeasureFilter()
    errors = Errors()  # the words searched for, as REST's `q` (PostgreSQL holds no NUL)
    characters(errors, "q", f.q)
    if f.q is not None and len(f.q) > TITLE_MAX:
        errors.add("q", "too-long", f"At most {TITLE_MAX} characters.", {"max": TITLE_MAX})
    errors.raise_if_any()
    return MeasureFilter(
        stages=frozenset(f.stages or ()),
        tier=f.tier,
        focus_area_id=f.focus_area_id,
        goal_id=f.goal_id,
        owner_id=f.owner_id,
        without_owner=f.without_owner,
        q=f.q,
    )


def _primed(c: Context, views: Sequence[dv.MeasureView]) -> list[Measure]:
    """The views as types, each primed in the measure loader (a later nested read reuses it)."""
    for v in views:
        loaders(c).measure.prime(v.measure.id, v)
    return [Measure.of(v) for v in views]


@strawberry.type
class MeasureQuery:
    @strawberry.field(description="The unit's measures by title, filtered, a page at a time.")
    async def measures(
        self,
        info: I,
        filter: MeasureFilterInput | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Page[Measure]:
        c = info.context
        page = await svc(c).list_measures(
            c.principal, measure_filter(filter), page_request(limit, cursor)
        )
        return Page(items=_primed(c, page.items), total=page.total, next_cursor=page.next_cursor)

    @strawberry.field(description="Every matching measure, for the board by stage.")
    async def measure_board(
        self, info: I, filter: MeasureFilterInput | None = None
    ) -> list[Measure]:
        c = info.context
        return _primed(c, await svc(c).board(c.principal, measure_filter(filter)))

    @strawberry.field
    async def measure(self, info: I, id: UUID) -> Measure:
        c = info.context
        return _primed(c, [await svc(c).get_measure(c.principal, id)])[0]


@strawberry.type
class MeasureMutation:
    @strawberry.mutation(
        description="Propose a measure (title, problem and tier required); its history starts."
    )
    async def propose_measure(
        self, info: I, input: MeasureInput, override_reason: str | None = None
    ) -> MeasureResult:
        c = info.context

        async def run() -> dv.MeasureView:
            required(sent(input), "title", "problem", "tier")
            return await svc(c).propose_measure(
                c.principal, measure_changes(input), override_reason
            )

        return await answer(run(), Measure.of)

    @strawberry.mutation(description="Change a measure's fields (`expectedVersion`: as read).")
    async def update_measure(
        self,
        info: I,
        id: UUID,
        expected_version: int,
        input: MeasureInput,
        override_reason: str | None = None,
    ) -> MeasureResult:
        c = info.context

        async def run() -> dv.MeasureView:
            return await svc(c).update_measure(
                c.principal, id, measure_changes(input), expected_version, override_reason
            )

        return await answer(run(), Measure.of)

    @strawberry.mutation(
        description="Move a measure along its lifecycle; an illegal move names every unmet "
        "precondition."
    )
    async def transition_measure(
        self,
        info: I,
        id: UUID,
        expected_version: int,
        target: Stage,  # type: ignore[valid-type]
        reason: str | None = None,
        decision_id: UUID | None = None,
        closing_note: str | None = None,
        override_reason: str | None = None,
    ) -> TransitionResult:
        c = info.context
        call = svc(c).transition(
            c.principal,
            id,
            target,
            expected_version,
            reason=reason,
            decision_id=decision_id,
            closing_note=closing_note,
            override_reason=override_reason,
        )
        return await answer(call, Measure.of)

    @strawberry.mutation(description="Delete a measure while it is only proposed.")
    async def delete_measure(self, info: I, id: UUID, expected_version: int) -> DeleteResult:
        c = info.context
        call = svc(c).delete_measure(c.principal, id, expected_version)
        return await answer(call, lambda _: Deleted(id=id))

    @strawberry.mutation(description="Add a progress note (never changed afterwards).")
    async def add_progress_note(
        self, info: I, measure_id: UUID, text: str, override_reason: str | None = None
    ) -> NoteResult:
        c = info.context
        call = svc(c).add_progress_note(c.principal, measure_id, text, override_reason)
        return await answer(call, ProgressNote.of)
