"""GraphQL error logging without the query: the error kind, the operation name and the field path.

Strawberry's default logs every error at ERROR with the query's source line and the offending
value, so an identity number typed into a search would land in the log.
"""

from __future__ import annotations

import logging
import re

import strawberry
from graphql import GraphQLError
from strawberry.types import ExecutionContext

from api.outage import is_unavailable
from domain.shared.errors import DomainError

log = logging.getLogger("samordna.graphql")

_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,63}")


def _operation(execution_context: ExecutionContext | None) -> str | None:
    name = execution_context.operation_name if execution_context else None
    return name if name and _NAME.fullmatch(name) else None


def log_error(error: GraphQLError, operation: str | None) -> None:
    """Domain errors and rejected documents at INFO without a traceback, an unreachable database
    at WARNING, anything else at ERROR with a scrubbed traceback (see ``api.logs``)."""
    original = error.original_error
    extra = {
        "graphql_operation": operation,
        "graphql_path": ".".join(str(p) for p in error.path) if error.path else None,
    }
    if isinstance(original, DomainError):
        log.info("graphql domain error %s", original.code, extra=extra)
    elif original is None or error.path is None:
        # Syntax, validation and limit errors, and input that fails to coerce before any
        # resolver runs: the client's mistake. Their messages quote the document: none here.
        log.info("graphql document rejected", extra=extra)
    elif is_unavailable(original):
        log.warning("graphql database unavailable: %s", type(original).__name__, extra=extra)
    else:
        log.error(
            "unhandled %s in GraphQL resolver",
            type(original).__name__,
            exc_info=original,
            extra=extra,
        )


class Schema(strawberry.Schema):
    """``strawberry.Schema`` that logs errors through ``log_error`` instead of Strawberry's logger."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        operation = _operation(execution_context)
        for error in errors:
            log_error(error, operation)
