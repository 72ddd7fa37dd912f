"""Who is calling, for both front doors: the principal from a bearer token (machines) or the
session cookie (people; a change must carry the session's CSRF token). REST and GraphQL share it."""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import Request

from domain.shared.errors import Forbidden, Unauthenticated
from domain.shared.principal import Principal

SESSION_COOKIE = "samordna_session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class CsrfFailed(Forbidden):
    """A cookie-authenticated change came without the session's CSRF token."""

    code = "csrf-failed"
    title = "Missing or wrong CSRF token"


def container(request: Request) -> Any:
    return request.app.state.container


async def current_principal(request: Request) -> Principal:
    """Bearer token (machines) or session cookie (people, CSRF-checked on changes). The session,
    its account and roles are one statement on the request's connection (ADR 0011)."""
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
        await request.app.state.rate_limits.hit_machine(principal)  # api.middleware.rate_limit
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
