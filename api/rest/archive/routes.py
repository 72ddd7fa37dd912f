"""REST archive room: the context's one router, gathering messages, settings and extracts."""

from __future__ import annotations

from fastapi import APIRouter

from api.rest.archive import extracts, messages, settings

router = APIRouter()
for _module in (messages, settings, extracts):
    router.include_router(_module.router)
