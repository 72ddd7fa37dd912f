"""Pure ASGI: opens the request's connection scope around each HTTP request, so authentication and
every use case share one pooled connection, taken on first use and returned when the request ends
(also on errors and cancellation). See docs/adr/0011-one-connection-per-request.md."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send


class RequestScope:
    """``open_scope`` is the composition root's ``connections.scope`` (no adapter import here)."""

    def __init__(
        self, app: ASGIApp, *, open_scope: Callable[[], AbstractAsyncContextManager[Any]]
    ) -> None:
        self.app = app
        self.open_scope = open_scope

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        async with self.open_scope():
            await self.app(scope, receive, send)
