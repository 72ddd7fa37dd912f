"""The organisation context's REST dependency: its service from the composition root."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.principal import container
from domain.organisation.service import OrganisationService


async def organisation_service(request: Request) -> OrganisationService:
    return container(request).organisation  # type: ignore[no-any-return]


ServiceDep = Annotated[OrganisationService, Depends(organisation_service)]
