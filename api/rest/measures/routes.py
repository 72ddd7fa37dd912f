"""REST measures room: the context's one router, gathering every aggregate's routes. The fixed
paths (the board, portfolio, attention, exports, evaluations due) come before ``{id}``."""

from __future__ import annotations

from fastapi import APIRouter

from api.rest.measures import (
    evaluations,
    exports,
    measures,
    notes,
    plans,
    reads,
    reports,
    settings,
    transitions,
)

router = APIRouter()
for _module in (
    reads,
    exports,
    measures,
    transitions,
    notes,
    evaluations,
    reports,
    plans,
    settings,
):
    router.include_router(_module.router)
