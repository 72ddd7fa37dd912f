"""REST measures room: the measures service from the composition root, alone (``ServiceDep``) or
with the principal in one dependency (``CallerDep``, one connection per request either way)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from api.principal import container
from api.rest.deps import Caller, caller
from domain.measures.service import MeasuresService


async def measures_service(request: Request) -> MeasuresService:
    return container(request).measures  # type: ignore[no-any-return]


def _service(c: Any) -> MeasuresService:
    return c.measures  # type: ignore[no-any-return]


ServiceDep = Annotated[MeasuresService, Depends(measures_service)]
CallerDep = Annotated[Caller[MeasuresService], Depends(caller(_service))]
