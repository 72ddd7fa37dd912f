"""GraphQL, measures context: evaluations — a measure's, one, those due (with the reminders that
mail them), and the mutations that plan, record and remove one. The report's bytes travel over
REST only (binary); GraphQL shows its metadata."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry

from api.graphql.measures.context import cut, loaders, svc
from api.graphql.measures.inputs import EvaluationInput, evaluation_changes
from api.graphql.measures.measure import Measure
from api.graphql.measures.problems import answer
from api.graphql.measures.records import Evaluation
from api.graphql.meetings.distribution import MailRefusedProblem, MailUnavailableProblem
from api.graphql.meetings.problems import PersonalDataProblem
from api.graphql.organisation.context import loaders as org_loaders
from api.graphql.organisation.persons import Person
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.problems import Deleted, DeleteResult, Problems
from api.graphql.shared.resolvers import I, required, sent
from api.outage import RETRY_AFTER_SECONDS
from domain.measures import views as dv
from domain.shared.mail import MailRefused, MailUnavailable


@strawberry.type
class DueEvaluation:
    evaluation: Evaluation
    measure_title: str
    owner_id: UUID | None
    overdue: bool
    measure_id: strawberry.Private[UUID]

    @strawberry.field(description="The measure evaluated (its owner, stage, plan).")
    async def measure(self, info: I) -> Measure | None:
        v = await loaders(info.context).measure.load(self.measure_id)
        return Measure.of(v) if v else None

    @strawberry.field(description="Who owns the measure (the reminder's first recipient).")
    async def owner(self, info: I) -> Person | None:
        if self.owner_id is None:
            return None
        p = await org_loaders(info.context).person.load(self.owner_id)
        return Person.of(p) if p else None

    @classmethod
    def of(cls, x: dv.DueEvaluation) -> DueEvaluation:
        e = x.evaluation
        return from_domain(cls, x, evaluation=Evaluation.of(e), measure_id=e.measure_id)


@strawberry.type
class ReminderReport:
    sent: int = strawberry.field(description="Mails handed to the mail server.")
    without_address: int = strawberry.field(description="Recipients with no e-mail address.")


EvaluationResult = Annotated[
    Evaluation | PersonalDataProblem | Problems, strawberry.union("EvaluationResult")
]
ReminderResult = Annotated[
    ReminderReport | MailUnavailableProblem | MailRefusedProblem | Problems,
    strawberry.union("ReminderResult"),
]


@strawberry.type
class EvaluationQuery:
    @strawberry.field(description="Evaluations not completed and due within 30 days (or overdue).")
    async def evaluations_due(self, info: I, limit: int | None = None) -> list[DueEvaluation]:
        c = info.context
        return cut([DueEvaluation.of(x) for x in await svc(c).evaluations_due(c.principal)], limit)

    @strawberry.field
    async def evaluation(self, info: I, id: UUID) -> Evaluation:
        c = info.context
        return Evaluation.of(await svc(c).get_evaluation(c.principal, id))


@strawberry.type
class EvaluationMutation:
    @strawberry.mutation(description="Plan or record an evaluation of a measure.")
    async def add_evaluation(
        self,
        info: I,
        measure_id: UUID,
        input: EvaluationInput,
        override_reason: str | None = None,
    ) -> EvaluationResult:
        c = info.context

        async def run() -> Any:
            required(sent(input), "aspects", "performer", "method")
            return await svc(c).add_evaluation(
                c.principal, measure_id, evaluation_changes(input), override_reason
            )

        return await answer(run(), Evaluation.of)

    @strawberry.mutation(
        description="Change an evaluation; a conclusion needs findings and completes it."
    )
    async def update_evaluation(
        self,
        info: I,
        id: UUID,
        expected_version: int,
        input: EvaluationInput,
        override_reason: str | None = None,
    ) -> EvaluationResult:
        c = info.context

        async def run() -> Any:
            return await svc(c).update_evaluation(
                c.principal, id, evaluation_changes(input), expected_version, override_reason
            )

        return await answer(run(), Evaluation.of)

    @strawberry.mutation(description="Remove an evaluation that is not completed.")
    async def delete_evaluation(self, info: I, id: UUID, expected_version: int) -> DeleteResult:
        c = info.context
        call = svc(c).delete_evaluation(c.principal, id, expected_version)
        return await answer(call, lambda _: Deleted(id=id))

    @strawberry.mutation(
        description="Mail each due evaluation's owner and the unit's coordinators (never the "
        "findings)."
    )
    async def send_evaluation_reminders(self, info: I) -> ReminderResult:
        c = info.context
        call = svc(c).send_evaluation_reminders(c.principal)
        try:
            result: Any = await answer(call, lambda r: from_domain(ReminderReport, r))
        except MailUnavailable as exc:  # as distribution's: nothing more is sent; try later
            return MailUnavailableProblem(
                code=exc.code, message=exc.detail, retry_after_seconds=RETRY_AFTER_SECONDS
            )
        except MailRefused as exc:
            return MailRefusedProblem(code=exc.code, message=exc.detail)
        return result
