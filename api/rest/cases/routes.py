"""REST cases room: the context's one router, gathering every aggregate's routes."""

from __future__ import annotations

from fastapi import APIRouter

from api.rest.cases import access, cases, consents, notes, plan, settings, subjects, team

MODULES = (cases, subjects, team, plan, notes, consents, access, settings)

router = APIRouter()
for _module in MODULES:
    router.include_router(_module.router)
