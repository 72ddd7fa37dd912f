"""REST cases room: the cases service from the composition root with the principal, resolved in
one dependency (``CallerDep``; one connection per request)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends

from api.rest.deps import Caller, caller
from domain.cases.service import CasesService


def _service(c: Any) -> CasesService:
    return c.cases  # type: ignore[no-any-return]


CallerDep = Annotated[Caller[CasesService], Depends(caller(_service))]
