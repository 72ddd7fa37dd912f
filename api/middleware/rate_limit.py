"""Rate limits: the login start and callback per client address, bearer-token clients per client.

Both answer 429 ``/problems/rate-limited`` with ``Retry-After``. Counts live in process memory
(``limits``' moving window); docs/adr/0008 says why and what changes with several workers.
"""

from __future__ import annotations

import math
import time

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import MovingWindowRateLimiter
from starlette.types import ASGIApp, Receive, Scope, Send

from api.problems import problem
from domain.shared.principal import Principal

LOGIN_PATHS = frozenset({"/auth/login", "/auth/callback"})


class RateLimited(Exception):
    """Too many requests from one caller; ``retry_after`` is whole seconds until a slot frees."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"rate limited for {retry_after} s")
        self.retry_after = retry_after


def rate_limited(retry_after: int, instance: str | None = None) -> JSONResponse:
    return problem(
        429,
        "rate-limited",
        "Too many requests",
        f"Too many requests from you in a short time. Try again in {retry_after} seconds.",
        headers={"Retry-After": str(retry_after)},
        instance=instance,
    )


class RateLimits:
    """The limits of one app and their counters (``login``/``machine`` in ``limits`` notation,
    e.g. ``"20/minute"``)."""

    def __init__(self, *, login: str, machine: str) -> None:
        self.login: RateLimitItem = parse(login)
        self.machine: RateLimitItem = parse(machine)
        self._limiter = MovingWindowRateLimiter(MemoryStorage())

    async def hit(self, item: RateLimitItem, *key: str) -> None:
        """Count one request; raises ``RateLimited`` when the window is already full."""
        if await self._limiter.hit(item, *key):
            return
        stats = await self._limiter.get_window_stats(item, *key)
        raise RateLimited(max(1, math.ceil(stats.reset_time - time.time())))

    async def hit_machine(self, principal: Principal) -> None:
        # One budget per integration: a consumer organisation may run several clients.
        await self.hit(self.machine, "machine", principal.subject_key, principal.client_id or "")


def rate_limits(request: Request) -> RateLimits:
    return request.app.state.rate_limits  # type: ignore[no-any-return]


class LoginRateLimit:
    """Pure ASGI: counts ``/auth/login`` and ``/auth/callback`` per client address.

    The address is the ASGI client's; behind a proxy, uvicorn's ``--forwarded-allow-ips`` decides
    whose ``X-Forwarded-For`` is believed (only the proxy's, never a client's own header).
    """

    def __init__(self, app: ASGIApp, *, limits: RateLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] in LOGIN_PATHS:
            client = scope.get("client")
            address = client[0] if client else "unknown"
            try:
                await self.limits.hit(self.limits.login, "login", address)
            except RateLimited as e:
                await rate_limited(e.retry_after, scope["path"])(scope, receive, send)
                return
        await self.app(scope, receive, send)


def install(app: FastAPI, limits: RateLimits) -> None:
    """Keep ``limits`` on the app (the bearer check finds it there) and answer ``RateLimited``."""
    app.state.rate_limits = limits

    async def _rate_limited(request: Request, exc: Exception) -> JSONResponse:
        if not isinstance(exc, RateLimited):
            raise exc
        return rate_limited(exc.retry_after, request.url.path)

    app.add_exception_handler(RateLimited, _rate_limited)
    app.add_middleware(LoginRateLimit, limits=limits)
