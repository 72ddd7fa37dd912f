"""The GraphQL front door's HTTP side: errors rendered with a stable code, outages as 503."""

from __future__ import annotations

from typing import Any

from graphql import ExecutionResult, GraphQLError
from starlette.responses import Response
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse

from api.graphql.context import Context
from api.graphql.transport import JsonRefusals
from api.outage import RETRY_AFTER_SECONDS, is_unavailable
from domain.shared.errors import DomainError, ValidationFailed


class SamordnaGraphQLRouter(JsonRefusals, GraphQLRouter[Context, None]):
    """Renders errors with a stable ``extensions.code`` (the domain error code, as REST's problem
    ``type``) and masks anything unexpected, so no internals leak."""

    async def process_result(self, request: Any, result: ExecutionResult) -> GraphQLHTTPResponse:
        data: GraphQLHTTPResponse = {"data": result.data}
        if result.errors:
            data["errors"] = [_format_error(e) for e in result.errors]
        if result.extensions:
            data["extensions"] = result.extensions
        return data

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        # An unreachable database is a 503 with Retry-After, as over REST, not a 200 with errors.
        answers = response_data if isinstance(response_data, list) else [response_data]
        if any(
            (e.get("extensions") or {}).get("code") == "unavailable"
            for a in answers
            for e in a.get("errors") or []
        ):
            sub_response.status_code = 503
            sub_response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return super().create_response(response_data, sub_response)


def _format_error(error: GraphQLError) -> dict[str, Any]:
    original = error.original_error
    out = error.formatted
    if isinstance(original, DomainError):
        out["message"] = original.detail
        out["extensions"] = {"code": original.code}
        if isinstance(original, ValidationFailed):
            out["extensions"]["fieldErrors"] = [
                {"field": e.field, "code": e.code, "message": e.message} for e in original.errors
            ]
    elif original is not None and is_unavailable(original):
        out = {
            "message": "The database is out of reach. Try again shortly.",
            "path": error.path,
            "extensions": {"code": "unavailable"},
        }
    elif original is not None and error.path is None:
        # Raised while reading the request (an Int literal of 5,000 digits, a Date that is not
        # one), before anything ran: the client's input is wrong, not the server.
        out = {"message": error.message[:500], "extensions": {"code": "graphql-invalid"}}
    elif original is not None:  # logged by api.graphql.error_log
        out = {
            "message": "Internal error",
            "path": error.path,
            "extensions": {"code": "internal-error"},
        }
    else:
        out.setdefault("extensions", {})["code"] = "graphql-invalid"
    return out
