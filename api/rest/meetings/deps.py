"""REST meetings room: the meetings service and the clock from the composition root."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Request

from api.principal import container
from domain.meetings.service import MeetingsService


async def meetings_service(request: Request) -> MeetingsService:
    return container(request).meetings  # type: ignore[no-any-return]


async def today(request: Request) -> date:
    """The unit's calendar day (Norway), for the overdue flag."""
    return container(request).clock.today()  # type: ignore[no-any-return]


ServiceDep = Annotated[MeetingsService, Depends(meetings_service)]
TodayDep = Annotated[date, Depends(today)]
