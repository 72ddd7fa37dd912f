"""GraphQL, measures context: the lifecycle's refusal as a typed problem naming every unmet
precondition (the same codes as REST's /problems/illegal-transition), and the answer helper that
maps the context's errors (the free-text guard's as ``PersonalDataProblem``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry

from api.graphql.meetings.problems import personal_data
from api.graphql.shared.problems import Problem, problem_of
from domain.measures.errors import IllegalTransition
from domain.shared.errors import DomainError
from domain.shared.free_text import PersonalDataFound

X = TypeVar("X")


@strawberry.type
class IllegalTransitionProblem(Problem):
    """The lifecycle does not allow this move now; each unmet precondition has a stable code."""

    precondition: str = strawberry.field(description="The unmet preconditions, in English.")
    precondition_codes: list[str] = strawberry.field(
        description="not-from-stage, decision-required, owner-required, … (the first leads)."
    )
    current_status: str
    target_status: str


def illegal(exc: IllegalTransition) -> IllegalTransitionProblem:
    return IllegalTransitionProblem(
        code=exc.code,
        message=exc.detail,
        precondition=exc.precondition,
        precondition_codes=list(exc.precondition_codes),
        current_status=exc.current,
        target_status=exc.target,
    )


async def answer(call: Awaitable[X], wrap: Callable[[X], Any]) -> Any:
    """A measures mutation's answer: the wrapped result, or the domain error as a typed problem."""
    try:
        return wrap(await call)
    except PersonalDataFound as exc:
        return personal_data(exc)
    except IllegalTransition as exc:
        return illegal(exc)
    except DomainError as exc:
        return problem_of(exc)
