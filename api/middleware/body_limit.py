"""Request bodies over ``Settings.max_body_bytes`` are refused with 413 before they are parsed."""

from __future__ import annotations

import re
from collections.abc import Sequence

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import problem


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` once the streamed body passes the limit. An ``HTTPException``, so
    FastAPI's body reader lets it through and the app's handler renders the 413 problem."""

    def __init__(self, limit: int) -> None:
        # No ``Connection: close``: a client still sending would get a reset instead of the
        # answer. The server discards the rest of the body unparsed and keeps the connection.
        super().__init__(413, f"The request body is larger than {limit} bytes.")


class BodyLimit:
    """Counts the declared ``Content-Length`` and the bytes actually streamed (chunked uploads
    declare none), so neither a header nor its absence gets a large body parsed. An upload route
    (``uploads``: a path pattern and its own limit) streams its body itself, up to that limit."""

    def __init__(
        self, app: ASGIApp, max_bytes: int, uploads: Sequence[tuple[str, int]] = ()
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.uploads = tuple((re.compile(pattern), limit) for pattern, limit in uploads)

    def _limit(self, path: str) -> int:
        return next((n for p, n in self.uploads if p.fullmatch(path)), self.max_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope.get("path", ""))
        if _declared(scope) > limit:
            await self._refuse(scope, receive, send, limit)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if started:
                raise
            await self._refuse(scope, receive, send, limit)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        exc = BodyTooLarge(limit)
        response = problem(
            413,
            "content-too-large",
            "Request body too large",
            exc.detail,
            instance=scope.get("path"),
        )
        await response(scope, receive, send)


def _declared(scope: Scope) -> int:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0  # the server rejects a malformed length before we are called
    return 0
