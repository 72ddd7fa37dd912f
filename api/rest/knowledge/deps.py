"""REST knowledge room: the knowledge service from the composition root, with the principal in
one dependency (``CallerDep``: one connection per request)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends

from api.rest.deps import Caller, caller
from domain.knowledge.service import KnowledgeService


def _service(c: Any) -> KnowledgeService:
    return c.knowledge  # type: ignore[no-any-return]


CallerDep = Annotated[Caller[KnowledgeService], Depends(caller(_service))]
