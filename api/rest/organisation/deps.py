"""The organisation context's REST dependencies: its service from the composition root, and the
principal with the service in one (``CallerDep``, for the hot read routes)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from api.principal import container
from api.rest.deps import Caller, caller
from domain.organisation.service import OrganisationService


async def organisation_service(request: Request) -> OrganisationService:
    return container(request).organisation  # type: ignore[no-any-return]


def _service(c: Any) -> OrganisationService:
    return c.organisation  # type: ignore[no-any-return]


ServiceDep = Annotated[OrganisationService, Depends(organisation_service)]
CallerDep = Annotated[Caller[OrganisationService], Depends(caller(_service))]
