"""REST cases room: the unit's case settings (retention) and the policy's vocabulary."""

from __future__ import annotations

from fastapi import APIRouter

from api.rest.cases.deps import CallerDep
from api.rest.cases.dtos.policy import CasePolicyRead
from api.rest.cases.dtos.records import CaseSettingsRead, CaseSettingsUpdate
from api.rest.deps import PrincipalDep
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from domain.shared.errors import Forbidden

router = APIRouter(prefix="/api", tags=["cases"])


@router.get("/case-settings", operation_id="case-settings-get", responses=READ_ERRORS)
async def get_settings(call: CallerDep) -> CaseSettingsRead:
    """The unit's retention period for closed cases and the policy version."""
    return CaseSettingsRead.of(await call.svc.case_settings(call.p))


@router.put("/case-settings", operation_id="case-settings-set", responses=WRITE_ERRORS)
async def set_settings(body: CaseSettingsUpdate, call: CallerDep) -> CaseSettingsRead:
    """Set the retention period (the unit admin)."""
    return CaseSettingsRead.of(await call.svc.set_retention_days(call.p, body.retention_days))


_POLICY = CasePolicyRead.current()


@router.get("/case-policy", operation_id="case-policy", responses=READ_ERRORS)
async def policy(p: PrincipalDep) -> CasePolicyRead:
    """The consent and disclosure policy's vocabulary and legal bases with citations (versioned
    data, for the words of every screen). For persons: machines work with no cases."""
    if not p.is_person:
        raise Forbidden("Only a person may work with cases.")
    return _POLICY
