"""One error vocabulary, rendered as RFC 9457 ``application/problem+json``.

Each domain error class maps to a status; ``type`` is a stable relative URI (``/problems/<code>``)
documented at that address. Nothing unexpected leaks: a crash is a bare 500 problem, logged
server side without request bodies.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.outage import is_unavailable
from api.principal import CsrfFailed as CsrfFailed  # defined with the CSRF check it names
from api.problems import PROBLEM_JSON as PROBLEM_JSON  # the shared renderers, re-exported for REST
from api.problems import domain_problem as domain_problem
from api.problems import problem as problem
from api.problems import problem_type as problem_type
from api.problems import status_of as status_of
from api.problems import unavailable as unavailable
from api.rest.field_codes import field_code
from api.rest.methods import allowed_methods
from domain.shared.changes import camel
from domain.shared.errors import DomainError

log = logging.getLogger("samordna.errors")


def _field(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(camel(p) for p in parts) or "body"


def install(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        return domain_problem(exc, request.url.path)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = []
        for e in exc.errors():
            code, params = field_code(e)
            errors.append(
                {
                    "field": _field(tuple(e.get("loc", ()))),
                    "code": code,
                    "params": params,
                    "message": str(e.get("msg", "Invalid value.")),
                }
            )
        return problem(
            422,
            "validation-failed",
            "The input is not valid",
            "; ".join(f"{e['field']}: {e['message']}" for e in errors),
            errors=errors,
            instance=request.url.path,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {
            400: "bad-request",
            404: "not-found",
            405: "method-not-allowed",
            413: "content-too-large",
            415: "unsupported-media-type",
        }
        code = codes.get(exc.status_code, "http-error")
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            headers = {**(headers or {}), "Allow": allowed_methods(request)}
        return problem(
            exc.status_code,
            code,
            str(exc.detail),
            str(exc.detail),
            headers=headers,
            instance=request.url.path,
        )

    async def _outage(request: Request, exc: Exception) -> JSONResponse:
        if not is_unavailable(exc):
            raise exc  # not an outage: the 500 handler answers
        log.warning("database unavailable: %s", type(exc).__name__)
        return unavailable(request.url.path)

    app.add_exception_handler(OSError, _outage)
    app.add_exception_handler(SQLAlchemyError, _outage)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        # Only the exception type and path are logged: request data may hold personal data.
        # A database error's SQLSTATE (a class code, never data) says which failure it was.
        state = getattr(getattr(getattr(exc, "orig", None), "__cause__", None), "sqlstate", None)
        log.error(
            "unhandled %s%s on %s %s",
            type(exc).__name__,
            f" (sqlstate {state})" if isinstance(state, str) and len(state) == 5 else "",
            request.method,
            request.url.path,
        )
        return problem(
            500,
            "internal-error",
            "Internal error",
            "Something went wrong on our side. Nothing was saved.",
            instance=request.url.path,
        )


# Declared on routes (``responses=``) so the OpenAPI contract lists each error; the ``Problem``
# schema itself is added to the components by ``api.contracts.build_openapi``.
PROBLEM_REF = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}

PROBLEM_COMPONENTS: dict[str, Any] = {
    "Problem": {
        "type": "object",
        "description": "RFC 9457 problem details.",
        "required": ["type", "title", "status", "detail"],
        "properties": {
            "type": {
                "type": "string",
                "description": "Stable problem type, e.g. /problems/not-found",
            },
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "instance": {"type": "string"},
            "errors": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/ProblemFieldError"},
            },
            "findings": {
                "type": "array",
                "description": "personal-data-found: where the free-text guard found what (spans "
                "are character offsets into the field's text as sent; the text is never echoed).",
                "items": {"$ref": "#/components/schemas/ProblemFinding"},
            },
            "rule": {
                "type": ["object", "null"],
                "description": "personal-data-found: the bodies' rule the text breaks, if any.",
                "required": ["code", "message"],
                "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
            },
            "overrideField": {
                "type": "string",
                "description": "personal-data-found: the field that saves anyway, with a reason.",
            },
            "precondition": {
                "type": "string",
                "description": "illegal-transition: the unmet precondition, in English.",
            },
            "preconditionCodes": {
                "type": "array",
                "description": "illegal-transition of a measure: a stable code per unmet "
                "precondition (the first leads), to word in the user's language.",
                "items": {"type": "string"},
            },
            "currentStatus": {"type": "string"},
            "targetStatus": {"type": "string"},
        },
    },
    "ProblemFinding": {
        "type": "object",
        "required": ["field", "kind", "start", "end"],
        "properties": {
            "field": {"type": "string"},
            "kind": {"type": "string", "description": "e.g. identity_number, phone, email."},
            "start": {"type": "integer"},
            "end": {"type": "integer"},
        },
    },
    "ProblemFieldError": {
        "type": "object",
        "required": ["field", "code", "params", "message"],
        "properties": {
            "field": {"type": "string"},
            "code": {
                "type": "string",
                "description": "Stable code to word in the user's language, e.g. too-long, uuid.",
            },
            "params": {
                "type": "object",
                "description": 'The code\'s parameters, e.g. {"max": 200} for too-long.',
                "additionalProperties": {"oneOf": [{"type": "integer"}, {"type": "string"}]},
            },
            "message": {
                "type": "string",
                "description": "English, for developers; not meant for end users.",
            },
        },
    },
}


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    names = {
        400: "Malformed request",
        401: "Not authenticated",
        403: "Not allowed",
        404: "Not found",
        409: "Conflict",
        412: "Stale version",
        413: "Request body too large",
        422: "Invalid input",
        428: "If-Match required",
        429: "Too many requests",
        503: "Service unavailable",
    }
    return {s: {"description": names.get(s, "Error"), "content": PROBLEM_REF} for s in statuses}


READ_ERRORS = responses(401, 403, 404, 422)
WRITE_ERRORS = responses(401, 403, 404, 409, 412, 422, 428)
