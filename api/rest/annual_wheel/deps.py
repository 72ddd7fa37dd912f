"""The annual-wheel context's REST dependencies: its services from the composition root."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request

from api.principal import container
from domain.annual_wheel.feeds import FeedService
from domain.annual_wheel.limits import YEAR_MAX, YEAR_MIN
from domain.annual_wheel.service import AnnualWheelService


async def annual_wheel_service(request: Request) -> AnnualWheelService:
    return container(request).annual_wheel  # type: ignore[no-any-return]


async def feed_service(request: Request) -> FeedService:
    return container(request).feeds  # type: ignore[no-any-return]


ServiceDep = Annotated[AnnualWheelService, Depends(annual_wheel_service)]
FeedServiceDep = Annotated[FeedService, Depends(feed_service)]
YearPath = Annotated[int, Path(ge=YEAR_MIN, le=YEAR_MAX, description="The calendar year.")]
