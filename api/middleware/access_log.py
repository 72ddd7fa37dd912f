"""The access log: one structured line per request, with a request id, never the raw path or query."""

from __future__ import annotations

import logging
import re
import time
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.logs import CURRENT_REQUEST

log = logging.getLogger("samordna.access")

REQUEST_ID_HEADER = "x-request-id"
# An incoming id is kept only when short and plain, and not all digits (an identity number is).
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,63}")
_QUIET_ROUTES = frozenset({"/health/live", "/health/ready"})
_HEADER = REQUEST_ID_HEADER.encode()


def _request_id(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == _HEADER:
            raw = str(value.decode("latin-1"))
            if _SAFE_ID.fullmatch(raw) and not raw.isdigit():
                return raw
            break
    return uuid.uuid4().hex


def _level(status: int, route: str | None) -> int:
    if status == 503:
        return logging.WARNING  # an outage: expected to pass, but worth seeing
    if status >= 500:
        return logging.ERROR
    if route in _QUIET_ROUTES and status < 400:
        return logging.DEBUG  # probes every few seconds would drown the log
    return logging.INFO


class RequestLog:
    """What the logs may say about the request being served: read from the ASGI scope when a
    line is written, because the route and the caller are only known once routing and
    authentication have run."""

    def __init__(self, scope: Scope, request_id: str) -> None:
        self.scope = scope
        self.request_id = request_id
        self.root_path = scope.get("root_path", "")

    def route(self) -> str | None:
        """The matched route's template (``/api/persons/{person_id}``), never the raw path."""
        # FastAPI (>= 0.160) keeps an included router's routes unprefixed and records the full
        # template on its effective route context; Starlette routes carry it themselves.
        effective = (self.scope.get("fastapi") or {}).get("effective_route_context")
        path = getattr(effective, "path_format", None)
        if isinstance(path, str) and path:
            return path
        path = getattr(self.scope.get("route"), "path_format", None)
        if not isinstance(path, str):
            return None
        mount = str(self.scope.get("root_path", ""))[len(self.root_path) :]
        return mount + path

    def fields(self) -> dict[str, Any]:
        principal = (self.scope.get("state") or {}).get("principal")
        kind = getattr(principal, "kind", None)
        unit_id = getattr(principal, "unit_id", None)
        return {
            "request_id": self.request_id,
            "method": self.scope.get("method"),
            "route": self.route(),
            "principal_kind": str(kind) if kind is not None else "anonymous",
            "unit_id": str(unit_id) if unit_id is not None else None,
        }


class AccessLog:
    """Assigns the request id (an incoming ``X-Request-ID`` only if safe), returns it in the
    response, and logs method, route template, status, duration and caller kind once served."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = RequestLog(scope, _request_id(scope))
        token = CURRENT_REQUEST.set(request)
        status = 500  # what the client gets if the app fails before answering
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [h for h in message.get("headers", []) if h[0] != _HEADER]
                headers.append((_HEADER, request.request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            fields = request.fields()
            log.log(
                _level(status, fields["route"]),
                "%s %s %s",
                fields["method"],
                fields["route"] or "(no route)",
                status,
                extra={
                    **fields,
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            CURRENT_REQUEST.reset(token)
