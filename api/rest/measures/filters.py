"""REST measures room: the measure list's filters as query parameters (the list, the board and
the CSV export read the same ones)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Query

from api.rest.inputs import QueryText
from domain.measures import limits
from domain.measures.filters import MeasureFilter
from domain.measures.measure import Tier
from domain.measures.stage import Stage


async def measure_filter(
    stage: Annotated[
        list[Stage] | None, Query(max_length=len(Stage), description="Repeat for several stages.")
    ] = None,
    tier: Tier | None = None,
    focus_area_id: Annotated[UUID | None, Query(alias="focusAreaId")] = None,
    goal_id: Annotated[UUID | None, Query(alias="goalId")] = None,
    owner_id: Annotated[UUID | None, Query(alias="ownerId")] = None,
    without_owner: Annotated[
        bool,
        Query(alias="withoutOwner", description="Only decided or running measures nobody owns."),
    ] = False,
    q: Annotated[
        QueryText, Query(max_length=limits.TITLE_MAX, description="Words of the title.")
    ] = None,
) -> MeasureFilter:
    return MeasureFilter(
        stages=frozenset(stage or ()),
        tier=tier,
        focus_area_id=focus_area_id,
        goal_id=goal_id,
        owner_id=owner_id,
        without_owner=without_owner,
        q=q or None,
    )


FilterDep = Annotated[MeasureFilter, Depends(measure_filter)]
