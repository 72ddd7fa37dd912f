"""REST trends room: the context's one router (releases and pulls before ``/{table}``)."""

from __future__ import annotations

from fastapi import APIRouter

from api.rest.trends import releases, tables

router = APIRouter()
for _module in (releases, tables):
    router.include_router(_module.router)
