"""REST knowledge room: the unit's areas (with populations), observations and the situational
picture — every person of the unit reads them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import AfterValidator, Field

from api.rest.dtos import PageOf
from api.rest.errors import READ_ERRORS
from api.rest.inputs import CursorQ, Limit, QueryText, page_request, plain_text
from api.rest.knowledge.deps import CallerDep
from api.rest.knowledge.dtos.reads import AreaRead, ObservationRead, SituationPictureRead
from api.rest.knowledge.dtos.vocab import Cohort, Gender
from domain.knowledge import limits
from domain.knowledge.filters import ObservationFilter, PictureQuery
from domain.knowledge.periods import Period

router = APIRouter(prefix="/api", tags=["knowledge"])

CODES_MAX = 50
Code = Annotated[str, Field(max_length=limits.CODE_MAX), AfterValidator(plain_text)]
Indicators = Annotated[
    list[Code] | None,
    Query(alias="indicator", max_length=CODES_MAX, description="Indicator codes; repeatable."),
]
Areas = Annotated[
    list[Code] | None,
    Query(alias="area", max_length=CODES_MAX, description="Area codes; repeatable."),
]
Cohorts = Annotated[list[Cohort] | None, Query(alias="cohort", max_length=8)]
Genders = Annotated[list[Gender] | None, Query(alias="gender", max_length=3)]
From = Annotated[QueryText, Query(alias="from", max_length=16, description="From this period.")]
To = Annotated[QueryText, Query(alias="to", max_length=16, description="To this period.")]
OneArea = Annotated[QueryText, Query(alias="area", max_length=limits.CODE_MAX)]
OneCohort = Annotated[Cohort | None, Query(alias="cohort")]


def _period(text: str | None, field: str) -> Period | None:
    return None if text is None or text == "" else Period.parse(text, field)


@router.get("/areas", operation_id="knowledge-list-areas", responses=READ_ERRORS)
async def list_areas(call: CallerDep) -> list[AreaRead]:
    """The unit's areas (municipalities and districts) by code, with their populations."""
    return [AreaRead.of(v) for v in await call.svc.areas(call.p)]


@router.get("/observations", operation_id="knowledge-list-observations", responses=READ_ERRORS)
async def list_observations(
    call: CallerDep,
    indicator: Indicators = None,
    area: Areas = None,
    cohort: Cohorts = None,
    gender: Genders = None,
    period_from: From = None,
    period_to: To = None,
    limit: Limit = 50,
    cursor: CursorQ = None,
) -> PageOf[ObservationRead]:
    """Observations by indicator, area, period, cohort and gender, filtered."""
    f = ObservationFilter(
        indicator_codes=tuple(indicator or ()),
        area_codes=tuple(area or ()),
        cohorts=tuple(cohort or ()),
        genders=tuple(gender or ()),
        period_from=_period(period_from, "from"),
        period_to=_period(period_to, "to"),
    )
    page = await call.svc.observations(call.p, f, page_request(limit, cursor))
    return PageOf[ObservationRead](
        items=[ObservationRead.of(o) for o in page.items],
        total=page.total,
        next_cursor=page.next_cursor,
    )


@router.get("/picture", operation_id="knowledge-picture", responses=READ_ERRORS)
async def picture(
    call: CallerDep,
    indicator: Indicators = None,
    area: OneArea = None,
    cohort: OneCohort = None,
    period_from: From = None,
    period_to: To = None,
) -> SituationPictureRead:
    """The situational picture: a series per indicator × area × cohort × gender, and the
    measures that target each indicator's risk or protective factors (the logic model)."""
    q = PictureQuery(
        indicator_codes=tuple(indicator) if indicator else None,
        area_code=area or None,
        cohort=cohort,
        period_from=_period(period_from, "from"),
        period_to=_period(period_to, "to"),
    )
    return SituationPictureRead.of(await call.svc.picture(call.p, q))
