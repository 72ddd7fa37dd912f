"""REST measures room: the unit's settings for measures (the evaluation threshold)."""

from __future__ import annotations

from fastapi import APIRouter

from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.measures.deps import CallerDep
from api.rest.measures.dtos.reads import MeasureSettingsRead, MeasureSettingsUpdate

router = APIRouter(prefix="/api", tags=["measures"])


@router.get("/measure-settings", operation_id="measure-settings-get", responses=READ_ERRORS)
async def get_settings(call: CallerDep) -> MeasureSettingsRead:
    """The unit's settings for measures."""
    return MeasureSettingsRead.of(await call.svc.measure_settings(call.p))


@router.put("/measure-settings", operation_id="measure-settings-set", responses=WRITE_ERRORS)
async def set_settings(body: MeasureSettingsUpdate, call: CallerDep) -> MeasureSettingsRead:
    """Set the budget above which a measure must be evaluated before it is concluded."""
    view = await call.svc.set_evaluation_threshold(call.p, body.evaluation_threshold_nok)
    return MeasureSettingsRead.of(view)
