"""REST cases room: disclosure beyond consent — recorded legal bases, break-glass and its review
by the access controller, and the access report ("who has seen my information")."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from api.rest.cases.deps import CallerDep
from api.rest.cases.dtos.records import (
    AccessReportRead,
    BreakGlassCreate,
    BreakGlassRead,
    BreakGlassReviewRead,
    LegalBasisCreate,
    LegalBasisRead,
    ReviewCreate,
)
from api.rest.errors import READ_ERRORS, WRITE_ERRORS

router = APIRouter(prefix="/api", tags=["cases"])


@router.get("/cases/{id}/legal-bases", operation_id="cases-legal-bases", responses=READ_ERRORS)
async def legal_bases(id: UUID, call: CallerDep) -> list[LegalBasisRead]:
    """The legal bases recorded on the case (besides consent)."""
    return [LegalBasisRead.of(b) for b in await call.svc.legal_bases(call.p, id)]


@router.post(
    "/cases/{id}/legal-bases",
    operation_id="cases-record-legal-basis",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def record_legal_basis(
    id: UUID, body: LegalBasisCreate, call: CallerDep, response: Response
) -> LegalBasisRead:
    """Record § 13 b nr. 2, 5 or 6 for a recipient organisation and categories (the case lead;
    a justification of at least 20 characters; report_offence names the agency's decision)."""
    b = await call.svc.record_legal_basis(call.p, id, body.to_domain())
    response.headers["Location"] = f"/api/cases/{id}/legal-bases"
    return LegalBasisRead.of(b)


@router.post(
    "/cases/{id}/break-glass",
    operation_id="cases-break-glass",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def open_break_glass(id: UUID, body: BreakGlassCreate, call: CallerDep) -> BreakGlassRead:
    """Open the case in an emergency with a reason and a basis (a seat in its executive body or
    on its team): two hours, every read logged with the grant, the access controllers notified,
    reviewed afterwards. Anyone else: 404 (or 403 break-glass-refused for a seat-less member)."""
    return BreakGlassRead.from_domain(
        await call.svc.open_break_glass(call.p, id, body.reason, body.basis)
    )


@router.get("/break-glass/reviews", operation_id="break-glass-reviews", responses=READ_ERRORS)
async def reviews(call: CallerDep) -> list[BreakGlassReviewRead]:
    """Every break-glass access of the unit, for review (the unit admin as access controller)."""
    return [BreakGlassReviewRead.of(r) for r in await call.svc.break_glass_reviews(call.p)]


@router.post("/break-glass/{id}/review", operation_id="break-glass-review", responses=WRITE_ERRORS)
async def review(id: UUID, body: ReviewCreate, call: CallerDep) -> BreakGlassReviewRead:
    """Review a break-glass access with a note (once)."""
    return BreakGlassReviewRead.of(await call.svc.review_break_glass(call.p, id, body.note))


@router.get("/cases/{id}/access-report", operation_id="cases-access-report", responses=READ_ERRORS)
async def access_report(id: UUID, call: CallerDep) -> AccessReportRead:
    """Who has seen the subject's information, when, from which organisation, on what basis
    (the case lead or the unit admin; the report itself is logged as an export)."""
    return AccessReportRead.of(await call.svc.access_report(call.p, case_id=id))
