"""Refusals before a GraphQL operation runs (bad JSON, no query, a batch, a mutation over GET) are
problem+json, like every other non-200 answer of the server, instead of Strawberry's text/plain."""

from __future__ import annotations

import json
from typing import Any

from cross_web import HTTPException
from starlette.responses import Response

from api.problems import problem

_CODES = {404: "not-found", 405: "method-not-allowed"}


class JsonRefusals:
    """Mixed into the GraphQL router, ahead of Strawberry's view."""

    def decode_json(self, data: str | bytes) -> object:
        try:
            return json.loads(data)
        except json.JSONDecodeError:
            raise  # Strawberry answers it (as a 400, rendered below)
        except (ValueError, RecursionError) as exc:
            # Invalid UTF-8, an integer of thousands of digits, nesting deeper than the parser's
            # stack: the body is as malformed as bad JSON, not a server fault.
            raise HTTPException(400, "Unable to parse request body as JSON") from exc

    async def run(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return await super().run(request, *args, **kwargs)  # type: ignore[misc]
        except HTTPException as exc:
            return _refusal(exc, request.url.path)


def _refusal(exc: HTTPException, path: str) -> Response:
    code = _CODES.get(exc.status_code, "bad-graphql-request")
    return problem(
        exc.status_code, code, "The GraphQL request was refused", exc.reason, instance=path
    )
