"""The ``Allow`` header of a 405: every method the path answers to, not only the first route's."""

from __future__ import annotations

from starlette.requests import Request
from starlette.routing import Match

METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(request: Request) -> str:
    # FastAPI registers one route per method; Starlette's 405 lists the first partial match's
    # methods only (``GET`` for ``/api/bodies``, which also takes ``POST``). Asking the router
    # for a full match under each method finds them all.
    routes = request.app.router.routes
    allowed = [
        method
        for method in METHODS
        if any(r.matches({**request.scope, "method": method})[0] == Match.FULL for r in routes)
    ]
    return ", ".join(allowed)
