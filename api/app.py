"""The app factory: one FastAPI app with REST at /api, GraphQL at /graphql, the browser login at
/auth, the dev identity provider at /dev-idp (development only) and the SPA at /."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Response
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.convertors import Convertor, register_url_convertor

from api import audit, bootstrap
from api.contracts import build_openapi
from api.graphql.schema import build_router, build_schema
from api.middleware import rate_limit
from api.middleware.access_log import AccessLog
from api.middleware.body_limit import BodyLimit
from api.middleware.rate_limit import RateLimits
from api.middleware.request_scope import RequestScope
from api.middleware.security_headers import HeaderPolicy, SecurityHeaders
from api.middleware.shield import ErrorShield
from api.rest import docs, errors, routers
from api.rest.agreements.documents import UPLOADS
from api.rest.knowledge.imports import uploads as import_uploads
from api.rest.measures.reports import UPLOADS as REPORT_UPLOADS
from api.settings import Settings

log = logging.getLogger("samordna")

SERVER_PREFIXES = ("api", "graphql", "auth", "health", "dev-idp")


class SchemaBehind(RuntimeError):
    """The database schema is older than this code: run the migrations first."""


def create_app(
    settings: Settings | None = None,
    container: bootstrap.Container | None = None,
    *,
    check_schema: bool = True,
) -> FastAPI:
    settings = settings or Settings()
    c = container or bootstrap.build_container(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if check_schema:
            current, head = await bootstrap.schema_status(c.urls)
            if current != head:
                raise SchemaBehind(
                    f"The database schema is at {current or 'nothing'}, this code needs {head}. "
                    "Run `samordna db upgrade` (or `make run`, which migrates) first."
                )
        sealer = audit.background_sealer(c)  # the access log's chain (off in tests)
        if sealer is not None:
            sealer.start()
        c.import_runner.start()  # import jobs and their sweeper (api/knowledge_wiring.py)
        try:
            yield
        finally:
            await c.import_runner.stop()
            if sealer is not None:
                await sealer.stop()
        await c.aclose()

    app = FastAPI(
        title="Samordna",
        version="0.1.0",
        summary="The working tool of the SLT model: organisation, meetings, measures, follow-up.",
        description="REST API of Samordna. Errors are RFC 9457 problem+json; updates need If-Match.",
        lifespan=lifespan,
        docs_url=None,  # api.rest.docs: a page that runs under the CSP
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.container = c
    app.openapi = lambda: app.openapi_schema or _cache(app)  # type: ignore[method-assign]
    errors.install(app)
    # Added first, so innermost: a crash anywhere inside becomes the 500 problem and the
    # kept-alive connection survives; the middleware added later see that answer.
    app.add_middleware(ErrorShield, handlers=app.exception_handlers)
    # Outside the shield: a crash's 500 is rendered before the request's connection goes back.
    app.add_middleware(RequestScope, open_scope=c.connections.scope)
    uploads = UPLOADS + REPORT_UPLOADS + import_uploads(settings.import_max_bytes)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes, uploads=uploads)

    limits = RateLimits(login=settings.rate_limit_login, machine=settings.rate_limit_machine)
    rate_limit.install(app, limits)
    graphiql = settings.environment != "production"
    app.add_middleware(
        SecurityHeaders, policy=HeaderPolicy.for_settings(settings, graphiql=graphiql)
    )

    for router in routers():
        app.include_router(router)
    app.include_router(docs.router)
    schema = build_schema(
        max_depth=settings.graphql_max_depth,
        max_aliases=settings.graphql_max_aliases,
        max_tokens=settings.graphql_max_tokens,
        max_cost=settings.graphql_max_cost,
    )
    app.include_router(
        build_router(schema, graphiql=graphiql),
        prefix="/graphql",
        include_in_schema=False,
    )
    if c.identity.dev_idp is not None:
        app.mount("/dev-idp", c.identity.dev_idp)
    _mount_spa(app, settings.spa_dir)
    # Added last, so outermost: it sees every answer, including other middleware's refusals.
    app.add_middleware(AccessLog)
    return app


def _cache(app: FastAPI) -> dict[str, object]:
    app.openapi_schema = build_openapi(app)
    return app.openapi_schema


class SpaPath(Convertor[str]):
    """Any path but the server's own prefixes: an unknown ``/api/…`` matches no route at all, so
    it is a 404 problem for every method, never the SPA's page or a 405."""

    regex = "(?!(?:" + "|".join(re.escape(p) for p in SERVER_PREFIXES) + ")(?:/|$)).*"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("spa", SpaPath())


def _mount_spa(app: FastAPI, spa_dist: Path) -> None:
    """Serve the built SPA with a fallback to index.html for client-side routes."""
    index = spa_dist / "index.html"
    if (spa_dist / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=spa_dist / "assets"), name="assets")

    @app.get("/{path:spa}", include_in_schema=False, response_model=None)
    def spa(path: str) -> Response:  # sync: file-system checks run in the threadpool
        candidate = (spa_dist / path).resolve()
        if path and candidate.is_file() and spa_dist.resolve() in candidate.parents:
            return FileResponse(candidate)
        if index.is_file():
            return FileResponse(index, headers={"Cache-Control": "no-cache"})
        return HTMLResponse(
            "<!doctype html><html lang='nb'><head><meta charset='utf-8'><title>Samordna</title></head>"
            "<body><main><h1>Samordna</h1><p>API-et kjører. Brukergrensesnittet er ikke bygget ennå: "
            "kjør <code>make run</code>.</p><p><a href='/api/docs'>API-dokumentasjon</a></p></main></body></html>"
        )
