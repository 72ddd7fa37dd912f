"""Problem+json answers (RFC 9457) that every door and middleware renders: one vocabulary.

Each domain error class maps to a status; ``type`` is a stable relative URI (``/problems/<code>``).
REST's exception handlers (``api.rest.errors``), GraphQL's transport refusals and the middleware
all answer through these functions, so neither door imports the other.
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse

from api.outage import RETRY_AFTER_SECONDS
from domain.agreements.document import DocumentTooLarge, UnsupportedDocument
from domain.measures.errors import ReportTooLarge, UnsupportedReport
from domain.shared.documents import DocumentRenderingFailed
from domain.shared.errors import (
    Conflict,
    DomainError,
    Forbidden,
    NotFound,
    StaleVersion,
    Unauthenticated,
    ValidationFailed,
    VersionRequired,
)
from domain.shared.free_text import PersonalDataFound
from domain.shared.mail import MailRefused, MailUnavailable

PROBLEM_JSON = "application/problem+json"

STATUS: dict[type[DomainError], int] = {
    ValidationFailed: 422,
    NotFound: 404,
    Conflict: 409,
    StaleVersion: 412,
    VersionRequired: 428,
    Unauthenticated: 401,
    Forbidden: 403,
    DocumentTooLarge: 413,  # an upload over the limit, refused before it is read
    UnsupportedDocument: 415,  # an upload whose bytes are not a PDF
    ReportTooLarge: 413,  # an evaluation report over the limit, refused before it is read
    UnsupportedReport: 415,  # a report whose bytes are not a PDF, DOCX or ODT
    PersonalDataFound: 422,  # blocked by the free-text guard: the client fixes or overrides
    MailUnavailable: 503,  # the mail server is down or deferring: nothing changed, retry later
    MailRefused: 502,  # the mail server refused the message or every recipient
    DocumentRenderingFailed: 500,  # the PDF renderer failed (not the input's fault)
}


def problem_type(code: str) -> str:
    return f"/problems/{code}"


def status_of(exc: DomainError) -> int:
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 400


def problem(
    status: int,
    code: str,
    title: str,
    detail: str,
    *,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    instance: str | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": problem_type(code),
        "title": title,
        "status": status,
        "detail": detail,
        **(extra or {}),
    }
    if instance:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def domain_problem(exc: DomainError, instance: str | None = None) -> JSONResponse:
    status = status_of(exc)
    errors = None
    if isinstance(exc, ValidationFailed):
        errors = [
            {"field": e.field, "code": e.code, "params": dict(e.params), "message": e.message}
            for e in exc.errors
        ]
    extra = _extra(exc)
    if isinstance(exc, PersonalDataFound):
        errors = [_guard_field_error(exc)]
    headers = {"WWW-Authenticate": 'Bearer realm="samordna"'} if status == 401 else None
    if status == 503:
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    return problem(
        status,
        exc.code,
        exc.title,
        exc.detail,
        errors=errors,
        headers=headers,
        instance=instance,
        extra=extra,
    )


def _extra(exc: DomainError) -> dict[str, Any]:
    """Members a problem type adds: the guard's spans and rule (never the matched text), the
    precondition an illegal status change did not meet."""
    if isinstance(exc, PersonalDataFound):
        rule = {"code": exc.rule.code, "message": exc.rule.message} if exc.rule else None
        spans = [
            {"field": exc.field, "kind": f.kind.value, "start": f.start, "end": f.end}
            for f in exc.findings
        ]
        return {"findings": spans, "rule": rule, "overrideField": "overrideReason"}
    precondition = getattr(exc, "precondition", None)  # IllegalTransition (a context's Conflict)
    if isinstance(precondition, str):
        extra = {
            "precondition": precondition,
            "currentStatus": str(getattr(exc, "current", "")),
            "targetStatus": str(getattr(exc, "target", "")),
        }
        codes = getattr(exc, "precondition_codes", None)  # measures: one code per unmet one
        return extra if codes is None else {**extra, "preconditionCodes": list(codes)}
    return {}


def _guard_field_error(exc: PersonalDataFound) -> dict[str, Any]:
    kinds = sorted({f.kind.value for f in exc.findings})
    return {
        "field": exc.field,
        "code": exc.code,
        "params": {"count": len(exc.findings), "kinds": ",".join(kinds)},
        "message": "Personal data found; remove it or save with overrideReason.",
    }


def unavailable(instance: str | None = None) -> JSONResponse:
    """503 for an unreachable database: the client may retry after ``Retry-After`` seconds."""
    return problem(
        503,
        "unavailable",
        "Service unavailable",
        "The database is out of reach. Try again shortly.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        instance=instance,
    )
