"""The last line: an unexpected exception becomes the app's 500 answer, and the connection lives on.

Starlette runs the handler registered for ``Exception`` in its outermost middleware and then
re-raises, so uvicorn logs the error a second time and closes the kept-alive connection without
``Connection: close``: the client's next request on it fails too. This middleware sits inside
the others, renders the same handler's answer and does not re-raise.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import problem

Handler = Callable[[Request, Exception], Response | Awaitable[Response]]


class ErrorShield:
    """``handlers`` is the app's live exception-handler table: its ``Exception`` entry renders
    the answer, so the shield and Starlette never disagree on what a crash looks like."""

    def __init__(self, app: ASGIApp, handlers: Mapping[Any, Callable[..., Any]]) -> None:
        self.app = app
        self.handlers = handlers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception as exc:
            if started:
                raise  # half an answer is on the wire: only closing the connection is honest
            handler: Handler = self.handlers.get(Exception, _bare_500)
            response = handler(Request(scope, receive), exc)
            if inspect.isawaitable(response):
                response = await response
            await response(scope, receive, send)


async def _bare_500(request: Request, exc: Exception) -> Response:
    del exc  # never echoed: it may quote personal data
    return problem(
        500, "internal-error", "Internal error", "Something went wrong.", instance=request.url.path
    )
