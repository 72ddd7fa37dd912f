"""REST meetings room: the context's one router, gathering every aggregate's routes (register
new route modules of the context here; ``api.rest.routers`` mounts this one)."""

from __future__ import annotations

from fastapi import APIRouter

from api.rest.meetings import (
    action_items,
    agenda,
    attendance,
    decisions,
    distribution,
    meetings,
    minutes,
)

router = APIRouter()
for _module in (meetings, agenda, attendance, minutes, decisions, action_items, distribution):
    router.include_router(_module.router)
