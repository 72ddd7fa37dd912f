"""The agreements context's REST dependency: its service from the composition root."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.principal import container
from domain.agreements.service import AgreementsService


async def agreements_service(request: Request) -> AgreementsService:
    return container(request).agreements  # type: ignore[no-any-return]


ServiceDep = Annotated[AgreementsService, Depends(agreements_service)]
