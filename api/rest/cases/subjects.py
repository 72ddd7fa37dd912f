"""REST cases room: the subject — change (the lead) and search by identity number (in the body,
never the address)."""

from __future__ import annotations

from typing import Self
from uuid import UUID

from fastapi import APIRouter, Response

from api.rest.cases.deps import CallerDep
from api.rest.cases.dtos.cases import CaseSummaryRead
from api.rest.cases.dtos.subjects import SubjectRead, SubjectSearch, SubjectUpdate
from api.rest.deps import IfMatchDep, set_etag
from api.rest.dtos import Dto
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from domain.cases.views import SubjectMatch

router = APIRouter(prefix="/api", tags=["cases"])
# ``{id:uuid}``: another method on /api/subjects/search is a 405, not this route's 401/422.


class SubjectSearchRead(Dto):
    """Only subjects of cases whose team you are on; otherwise nothing (never a hint)."""

    subject_id: UUID | None
    cases: list[CaseSummaryRead]

    @classmethod
    def of(cls, m: SubjectMatch | None) -> Self:
        if m is None:
            return cls(subject_id=None, cases=[])
        return cls(subject_id=m.subject_id, cases=[CaseSummaryRead.of(c) for c in m.cases])


@router.patch("/subjects/{id:uuid}", operation_id="subjects-update", responses=WRITE_ERRORS)
async def update_subject(
    id: UUID, body: SubjectUpdate, call: CallerDep, version: IfMatchDep, response: Response
) -> SubjectRead:
    """Change the subject's identity or guardians (a lead of one of their open cases who may
    see them; guardians are sent whole). Requires If-Match with the subject's version."""
    v = await call.svc.update_subject(call.p, id, body.to_changes(), version)
    set_etag(response, v.version)
    return SubjectRead.of(v)


@router.post("/subjects/search", operation_id="subjects-search", responses=READ_ERRORS)
async def search(body: SubjectSearch, call: CallerDep) -> SubjectSearchRead:
    """Find a subject by national identity number among your cases. POST so the number never
    reaches an address or an access log line."""
    return SubjectSearchRead.of(await call.svc.find_subject(call.p, body.identity_number))
