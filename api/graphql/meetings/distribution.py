"""GraphQL, meetings context: distribution — approved minutes mailed as PDF/A to the body's members
and the meeting's attendees, then the meeting marked distributed (REST's POST …/distribution)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry

from api.graphql.meetings.context import svc
from api.graphql.meetings.meetings import Meeting
from api.graphql.meetings.problems import answer
from api.graphql.shared.problems import Problem, Problems
from api.graphql.shared.resolvers import I
from api.outage import RETRY_AFTER_SECONDS
from domain.meetings import distribution as d
from domain.shared.mail import MailRefused, MailUnavailable

Unreached = strawberry.enum(d.Unreached, name="Unreached")


@strawberry.type
class NotReached:
    person_id: UUID
    name: str
    reason: Unreached  # type: ignore[valid-type]


@strawberry.type
class Distribution:
    meeting: Meeting = strawberry.field(description="The meeting, now distributed.")
    minutes_version: int
    recipients: int = strawberry.field(description="People: members on the day and attendees.")
    addresses: int = strawberry.field(description="Distinct addresses the message went to.")
    sent: int = strawberry.field(description="Addresses the mail server accepted.")
    refused: int
    no_address: int
    not_reached: list[NotReached]
    filename: str
    pdf_bytes: int

    @classmethod
    def of(cls, x: d.Distribution) -> Distribution:
        return cls(
            meeting=Meeting.of(x.meeting),
            minutes_version=x.minutes_version,
            recipients=x.recipients,
            addresses=x.addresses,
            sent=x.sent,
            refused=x.addresses - x.sent,
            no_address=sum(1 for n in x.not_reached if n.reason is d.Unreached.NO_ADDRESS),
            not_reached=[
                NotReached(person_id=n.person_id, name=n.name, reason=n.reason)
                for n in x.not_reached
            ],
            filename=x.filename,
            pdf_bytes=x.pdf_bytes,
        )


@strawberry.type
class MailUnavailableProblem(Problem):
    """The mail server is down or deferring: nothing was sent and nothing changed; try again."""

    retry_after_seconds: int


@strawberry.type
class MailRefusedProblem(Problem):
    """The mail server refused the message or every address: nothing changed."""


DistributionResult = Annotated[
    Distribution | MailUnavailableProblem | MailRefusedProblem | Problems,
    strawberry.union("DistributionResult"),
]


@strawberry.type
class DistributionMutation:
    @strawberry.mutation(
        description="Mail the approved minutes (open layer, PDF/A) to the body's members on the "
        "meeting day and the attendees, then mark the meeting distributed (`version`: the "
        "meeting's). Whoever may manage the body's meetings."
    )
    async def distribute_minutes(
        self, info: I, meeting_id: UUID, version: int
    ) -> DistributionResult:
        c = info.context
        try:
            result: Any = await answer(
                svc(c).distribute_minutes(c.principal, meeting_id, version), Distribution.of
            )
        except MailUnavailable as exc:
            return MailUnavailableProblem(
                code=exc.code, message=exc.detail, retry_after_seconds=RETRY_AFTER_SECONDS
            )
        except MailRefused as exc:
            return MailRefusedProblem(code=exc.code, message=exc.detail)
        return result
