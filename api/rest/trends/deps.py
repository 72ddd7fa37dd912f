"""REST trends room: the trends service from the composition root, with the principal in one
dependency (``CallerDep``: one connection per request)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends

from api.rest.deps import Caller, caller
from domain.trends.service import TrendsService


def _service(c: Any) -> TrendsService:
    return c.trends  # type: ignore[no-any-return]


CallerDep = Annotated[Caller[TrendsService], Depends(caller(_service))]
