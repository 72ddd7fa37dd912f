"""Liveness and readiness probes for the orchestrator; kept out of the API contract (operational)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.rest.deps import container
from api.rest.errors import unavailable

router = APIRouter(prefix="/health", include_in_schema=False)


@router.get("/live")
async def live() -> dict[str, str]:
    """The process answers. Never touches the database: a database outage must not get the
    service restarted, only taken out of rotation (readiness)."""
    return {"status": "ok"}


@router.get("/ready", response_model=None)
async def ready(request: Request) -> dict[str, str] | JSONResponse:
    """The database answers ``SELECT 1`` within a short timeout; else 503 with Retry-After."""
    if not await container(request).database_ready():
        return unavailable(request.url.path)
    return {"status": "ok"}
