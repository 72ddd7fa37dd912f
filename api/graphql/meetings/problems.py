"""GraphQL, meetings context: the free-text guard's refusal as a typed problem (the spans to
highlight, never the matched text), beside the shared problems every result union carries."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry

from api.graphql.shared.problems import Problem, problem_of
from domain.shared.errors import DomainError
from domain.shared.free_text import PersonalDataFound

X = TypeVar("X")


@strawberry.type
class PersonalDataSpan:
    kind: str = strawberry.field(description="identity_number, phone, email, address, …")
    start: int = strawberry.field(
        description="Offset of the first character (Python string index)."
    )
    end: int = strawberry.field(description="Offset just past the last character.")


@strawberry.type
class PersonalDataProblem(Problem):
    """The guard found personal data; save again with the text fixed, or with `overrideReason`."""

    field: str
    findings: list[PersonalDataSpan]
    rule_code: str | None = strawberry.field(
        description="A rule of the body's level beyond the findings (no individual cases)."
    )
    rule_message: str | None


def personal_data(exc: PersonalDataFound) -> PersonalDataProblem:
    return PersonalDataProblem(
        code=exc.code,
        message=exc.detail,
        field=exc.field,
        findings=[
            PersonalDataSpan(kind=f.kind.value, start=f.start, end=f.end) for f in exc.findings
        ],
        rule_code=exc.rule.code if exc.rule else None,
        rule_message=exc.rule.message if exc.rule else None,
    )


async def answer(call: Awaitable[X], wrap: Callable[[X], Any]) -> Any:
    """A meetings mutation's answer: the wrapped result, or the domain error as a typed problem
    (``PersonalDataFound`` as ``PersonalDataProblem``)."""
    try:
        return wrap(await call)
    except PersonalDataFound as exc:
        return personal_data(exc)
    except DomainError as exc:
        return problem_of(exc)
