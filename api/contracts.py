"""The generated contracts: OpenAPI JSON for REST and SDL for GraphQL, built without a database."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api.rest import routers
from api.rest.errors import PROBLEM_COMPONENTS

TITLE = "Samordna"
VERSION = "0.1.0"
DESCRIPTION = (
    "REST API of Samordna, the working tool of the SLT model. Authenticate with the browser session "
    "(cookie + X-CSRF-Token on changes) or a machine bearer token. Errors are RFC 9457 "
    "application/problem+json; updates need If-Match with the ETag you read."
)


def build_openapi(app: FastAPI) -> dict[str, Any]:
    spec = get_openapi(title=TITLE, version=VERSION, description=DESCRIPTION, routes=app.routes)
    spec.setdefault("components", {}).setdefault("schemas", {}).update(PROBLEM_COMPONENTS)
    return spec


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
