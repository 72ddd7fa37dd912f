"""REST: each body against its meeting norm in a year (the Oversikt page): warns, never forbids."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.rest.annual_wheel.deps import ServiceDep
from api.rest.annual_wheel.dtos.norms import NormRead
from api.rest.deps import PrincipalDep
from api.rest.errors import READ_ERRORS
from domain.annual_wheel.limits import YEAR_MAX, YEAR_MIN

router = APIRouter(prefix="/api/annual-wheel", tags=["annual-wheel"])

YearQ = Annotated[int, Query(ge=YEAR_MIN, le=YEAR_MAX, description="The calendar year.")]


@router.get("/norms", operation_id="wheel-norms-list", responses=READ_ERRORS)
async def list_norms(year: YearQ, p: PrincipalDep, svc: ServiceDep) -> list[NormRead]:
    """Every body's meetings held and planned against its norm (steering 4, coordinating 12 by
    default), with a warning when the rest of the year cannot reach it."""
    return [
        NormRead(
            body_id=c.body.id,
            body_name=c.body.name,
            level=c.body.level,
            own_norm=c.body.meeting_norm_per_year is not None,
            year=c.compliance.year,
            norm=c.compliance.norm,
            held=c.compliance.held,
            planned=c.compliance.planned,
            needed=c.compliance.needed,
            possible=c.compliance.possible,
            unrecorded=c.compliance.unrecorded,
            status=c.compliance.status,
            warnings=list(c.compliance.warnings),
        )
        for c in await svc.norm_compliance(p, year)
    ]
