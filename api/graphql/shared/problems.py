"""GraphQL shared kernel: the domain errors as typed problem members, as REST's problem+json."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from domain.shared.errors import (
    Conflict,
    DomainError,
    Forbidden,
    NotFound,
    StaleVersion,
    ValidationFailed,
)


@strawberry.type
class FieldProblem:
    field: str
    code: str
    message: str = strawberry.field(description="For developers; clients word the code.")
    params: JSON = strawberry.field(
        description='The code\'s parameters, e.g. {"max": 200} for too-long; {} when none.'
    )


@strawberry.interface
class Problem:
    code: str
    message: str


@strawberry.type
class ValidationProblem(Problem):
    field_errors: list[FieldProblem]


@strawberry.type
class NotFoundProblem(Problem):
    pass


@strawberry.type
class ConflictProblem(Problem):
    pass


@strawberry.type
class StaleVersionProblem(Problem):
    pass


@strawberry.type
class ForbiddenProblem(Problem):
    pass


_KINDS: tuple[tuple[type[DomainError], Any], ...] = (
    (NotFound, NotFoundProblem),
    (Conflict, ConflictProblem),
    (StaleVersion, StaleVersionProblem),
    (Forbidden, ForbiddenProblem),
)


def problem_of(exc: DomainError) -> Problem:
    """The problem member for a domain error; an error with none is raised again."""
    if isinstance(exc, ValidationFailed):
        return ValidationProblem(
            code=exc.code,
            message=exc.detail,
            field_errors=[
                FieldProblem(field=e.field, code=e.code, message=e.message, params=e.params)
                for e in exc.errors
            ],
        )
    for cls, gql in _KINDS:
        if isinstance(exc, cls):
            return gql(code=exc.code, message=exc.detail)  # type: ignore[no-any-return]
    raise exc


# Every mutation result is its success type or one of these (one union per result name).
Problems = (
    ValidationProblem | NotFoundProblem | ConflictProblem | StaleVersionProblem | ForbiddenProblem
)


@strawberry.type
class Deleted:
    id: UUID


DeleteResult = Annotated[Deleted | Problems, strawberry.union("DeleteResult")]
