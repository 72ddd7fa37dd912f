"""Request dependencies shared by every route: the principal, the services, the If-Match version."""

from __future__ import annotations

import hmac
import re
from typing import Annotated, Any

from fastapi import Depends, Header, Request, Response

from api.middleware.rate_limit import rate_limits
from api.rest.errors import CsrfFailed
from domain.organisation.service import OrganisationService
from domain.shared.errors import Unauthenticated, ValidationFailed
from domain.shared.principal import Principal

SESSION_COOKIE = "samordna_session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def container(request: Request) -> Any:
    return request.app.state.container


async def current_principal(request: Request) -> Principal:
    """Bearer token (machines) or session cookie (people, CSRF-checked on changes)."""
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    c = container(request)
    auth = request.headers.get("authorization")
    if auth is not None:
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthenticated("Use 'Authorization: Bearer <token>'.")
        principal: Principal = await c.authenticator.bearer(token.strip())
        await rate_limits(request).hit_machine(principal)
    else:
        cookie = request.cookies.get(SESSION_COOKIE)
        if not cookie:
            raise Unauthenticated("Log in first.")
        sp = await c.authenticator.session(cookie)
        if sp is None:
            raise Unauthenticated("Your session has ended. Log in again.")
        if request.method not in SAFE_METHODS:
            sent = request.headers.get(CSRF_HEADER, "")
            if not sent or not hmac.compare_digest(sent, sp.csrf_token):
                raise CsrfFailed(f"Send the {CSRF_HEADER} header you got from /api/me.")
        principal = sp.principal
        request.state.csrf_token = sp.csrf_token
    request.state.principal = principal
    return principal


def organisation_service(request: Request) -> OrganisationService:
    return container(request).organisation  # type: ignore[no-any-return]


# Bounded twice: the header's length before any parsing (a 5,000-digit value is a 422, never an
# int overflow), and the digits (a stored version, a 32-bit integer, has at most ten).
IF_MATCH_MAX_LENGTH = 64
# No surrounding whitespace: HTTP strips it before the app sees the value.
IF_MATCH_PATTERN = r'^(?:W/)?"v?([0-9]{1,10})"$'
_ETAG = re.compile(IF_MATCH_PATTERN)
IF_MATCH = "If-Match"

IfMatchHeader = Annotated[
    str | None,
    Header(
        alias=IF_MATCH,
        max_length=IF_MATCH_MAX_LENGTH,
        description='The version you read, as its ETag: `"<version>"`. Missing: 428.',
    ),
]


def if_match(raw: IfMatchHeader = None) -> int | None:
    """The version an update is based on, from ``If-Match: "<version>"``. Absent -> None (428).

    Declared optional so a missing header reaches the use case, which answers 428 (the SPA and
    clients rely on that problem type); ``api.contracts`` marks it required in the contract.
    """
    if raw is None:
        return None
    m = _ETAG.match(raw)
    if not m:
        raise ValidationFailed.single(IF_MATCH, "invalid", 'Send If-Match: "<version>".')
    return int(m.group(1))


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = f'"{version}"'


PrincipalDep = Annotated[Principal, Depends(current_principal)]
ServiceDep = Annotated[OrganisationService, Depends(organisation_service)]
IfMatchDep = Annotated[int | None, Depends(if_match)]
