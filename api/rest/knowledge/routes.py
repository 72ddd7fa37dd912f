"""REST knowledge room: the context's one router, gathering indicators, reads and imports."""

from __future__ import annotations

from fastapi import APIRouter

from api.rest.knowledge import errors_report, imports, indicators, mappings, reads

router = APIRouter()
for _module in (indicators, reads, mappings, imports, errors_report):
    router.include_router(_module.router)
