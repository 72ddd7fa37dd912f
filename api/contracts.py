"""The generated contracts: OpenAPI JSON for REST and SDL for GraphQL, built without a database."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from api.rest import routers
from api.rest.deps import (
    CSRF_HEADER,
    IF_MATCH,
    IF_MATCH_MAX_LENGTH,
    IF_MATCH_PATTERN,
    SAFE_METHODS,
    SESSION_COOKIE,
    current_principal,
)
from api.rest.errors import PROBLEM_COMPONENTS, PROBLEM_REF, responses

TITLE = "Samordna"
VERSION = "0.1.0"
DESCRIPTION = (
    "REST API of Samordna, the working tool of the SLT model. Authenticate with the browser session "
    "(cookie + X-CSRF-Token on changes) or a machine bearer token. Errors are RFC 9457 "
    "application/problem+json; updates need If-Match with the ETag you read."
)

SECURITY_SCHEMES: dict[str, Any] = {
    "session": {
        "type": "apiKey",
        "in": "cookie",
        "name": SESSION_COOKIE,
        "description": "The browser session, set by the login at /auth/login.",
    },
    "csrf": {
        "type": "apiKey",
        "in": "header",
        "name": CSRF_HEADER,
        "description": "With the session cookie on every change: the `csrfToken` from /api/me.",
    },
    "bearer": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "A machine's access token from the identity provider (JWT-bearer grant).",
    },
}

ETAG_HEADER = {
    "description": "The version of the resource, for If-Match on the next change.",
    "required": True,
    "schema": {"type": "string", "pattern": '^"[0-9]+"$'},
}
LOCATION_HEADER = {
    "description": "Where the new resource lives.",
    "required": True,
    "schema": {"type": "string"},
}
RETRY_AFTER_HEADER = {
    "description": "Seconds to wait before trying again.",
    "required": True,
    "schema": {"type": "string", "pattern": "^[0-9]+$"},
}
# Counted per client address by the login rate limit (api.middleware.rate_limit).
LOGIN_PATHS = frozenset({"/auth/login", "/auth/callback"})
LOGOUT_PATH = "/auth/logout"

Route = tuple[str, str]


def build_openapi(app: FastAPI) -> dict[str, Any]:
    spec = get_openapi(title=TITLE, version=VERSION, description=DESCRIPTION, routes=app.routes)
    components = spec.setdefault("components", {})
    components.setdefault("schemas", {}).update(PROBLEM_COMPONENTS)
    components["securitySchemes"] = SECURITY_SCHEMES
    authenticated = _authenticated_routes()
    for path, operations in spec.get("paths", {}).items():
        for method, op in operations.items():
            _declare(spec, (path, method.upper()), op, authenticated)
    # FastAPI's own 422 schema is replaced by the problem everywhere; drop it if now unused.
    for name in ("HTTPValidationError", "ValidationError"):
        if f'"#/components/schemas/{name}"' not in json.dumps(spec["paths"]):
            components["schemas"].pop(name, None)
    return spec


def _authenticated_routes() -> set[Route]:
    """The routes that depend on ``current_principal``: read from the code, never listed by hand."""

    def needs(dependant: Dependant) -> bool:
        if dependant.call is current_principal or getattr(dependant.call, "authenticates", False):
            return True  # api.rest.deps.caller authenticates too
        return any(map(needs, dependant.dependencies))

    return {
        (r.path_format, m)
        for router in routers()
        for r in router.routes
        if isinstance(r, APIRoute) and needs(r.dependant)
        for m in r.methods or ()
    }


def _declare(spec: dict[str, Any], route: Route, op: dict[str, Any], auth: set[Route]) -> None:
    """What FastAPI cannot infer from the routes: who may call, the headers, the shared errors."""
    path = route[0]
    op["security"] = _security(route, auth)
    for param in op.get("parameters", []):
        if param["in"] == "header" and param["name"] == IF_MATCH:
            # The dependency accepts a missing header so the use case can answer 428, but a
            # client must send it: the contract says so.
            param["required"] = True
            param["schema"] = {
                "type": "string",
                "maxLength": IF_MATCH_MAX_LENGTH,
                "pattern": IF_MATCH_PATTERN,
            }
    answers = op.setdefault("responses", {})
    for status, answer in answers.items():
        if status.startswith(("4", "5")):
            answer["content"] = PROBLEM_REF  # every error is problem+json, FastAPI's 422 too
        if status.startswith("2") and _has_version(spec, answer):
            answer.setdefault("headers", {})["ETag"] = ETAG_HEADER
        if status == "201":
            answer.setdefault("headers", {})["Location"] = LOCATION_HEADER
    extra = []
    if route in auth or path in LOGIN_PATHS or path == LOGOUT_PATH:
        extra.append(503)  # sessions, tokens and data live in the database
    if route in auth or path in LOGIN_PATHS:
        extra.append(429)  # machine clients and login attempts are rate limited
    if "requestBody" in op:
        extra += [400, 413]
    for status, answer in responses(*extra).items():
        if status in (429, 503):
            answer["headers"] = {"Retry-After": RETRY_AFTER_HEADER}
        answers.setdefault(str(status), answer)


def _security(route: Route, auth: set[Route]) -> list[dict[str, list[str]]]:
    path, method = route
    if path == LOGOUT_PATH:
        return [{"session": [], "csrf": []}]
    if route not in auth:
        return []
    if method in SAFE_METHODS:
        return [{"session": []}, {"bearer": []}]
    return [{"session": [], "csrf": []}, {"bearer": []}]


def _has_version(spec: dict[str, Any], answer: dict[str, Any]) -> bool:
    """A response that carries a resource's ``version`` also carries it as the ETag header."""
    schema = answer.get("content", {}).get("application/json", {}).get("schema", {})
    ref = schema.get("$ref", "")
    if not ref.startswith("#/components/schemas/"):
        return False
    component = spec["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    return "version" in component.get("required", [])


def api_routes_app() -> FastAPI:
    app = FastAPI()
    for r in routers():
        app.include_router(r)
    return app


def openapi_json() -> str:
    return (
        json.dumps(build_openapi(api_routes_app()), indent=2, ensure_ascii=False, sort_keys=True)
        + "\n"
    )


def graphql_sdl() -> str:
    from api.graphql.schema import build_schema

    return str(build_schema()) + "\n"
