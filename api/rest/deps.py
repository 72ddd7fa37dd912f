"""Request dependencies shared by every route: the principal (from ``api.principal``, shared with
GraphQL), the services, the If-Match version, and the principal with a service in one (``caller``)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Header, Request, Response

from api.principal import CSRF_HEADER, SAFE_METHODS, SESSION_COOKIE, container, current_principal
from domain.shared.errors import ValidationFailed
from domain.shared.principal import Principal

# Re-exported for the routes; what GraphQL shares lives in api.principal.
__all__ = ["CSRF_HEADER", "SAFE_METHODS", "SESSION_COOKIE", "container", "current_principal"]

S = TypeVar("S")


# Every dependency is ``async def``: a plain ``def`` would hop to the threadpool per request.

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


async def if_match(raw: IfMatchHeader = None) -> int | None:
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
IfMatchDep = Annotated[int | None, Depends(if_match)]


class Caller(Generic[S]):
    """Who calls (``p``) and the context's service (``svc``), resolved by one dependency."""

    __slots__ = ("p", "svc")

    def __init__(self, p: Principal, svc: S) -> None:
        self.p = p
        self.svc = svc


def caller(service: Callable[[Any], S]) -> Callable[[Request], Awaitable[Caller[S]]]:
    """A dependency giving ``Caller(principal, service(container))``: on a hot route it stands for
    ``PrincipalDep`` + a service dependency: one sub-dependency for FastAPI to solve instead of
    two (the authentication is ``current_principal`` itself; ``api.contracts`` sees the route as
    authenticated through ``authenticates``)."""

    async def resolve(request: Request) -> Caller[S]:
        p = await current_principal(request)
        return Caller(p, service(request.app.state.container))

    resolve.authenticates = True  # type: ignore[attr-defined]
    return resolve
