"""REST meetings room: minutes — start the draft, write an item's two layers, versions, approval,
corrections, and the open minutes as JSON."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, Response, status

from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.meetings.deps import ServiceDep
from api.rest.meetings.dtos.minutes import (
    ItemMinutesWrite,
    MinutesApprove,
    MinutesCorrection,
    MinutesVersionRead,
)
from api.rest.meetings.dtos.publication import OpenMinutesRead
from domain.meetings.approval import ApprovalKind
from domain.meetings.minutes import ItemMinutes, MinutesVersion
from domain.shared.errors import ValidationFailed

router = APIRouter(prefix="/api", tags=["minutes"])

AgendaItemId = Annotated[UUID, Path(alias="agendaItemId")]


def read(response: Response, v: MinutesVersion) -> MinutesVersionRead:
    set_etag(response, v.version)
    return MinutesVersionRead.from_domain(v)


@router.get("/meetings/{id}/minutes", operation_id="minutes-versions", responses=READ_ERRORS)
async def list_versions(id: UUID, p: PrincipalDep, svc: ServiceDep) -> list[MinutesVersionRead]:
    """Every version, oldest first (the last is current). The restricted layer only for the body's
    members."""
    return [MinutesVersionRead.from_domain(v) for v in await svc.minutes_versions(p, id)]


@router.post(
    "/meetings/{id}/minutes",
    operation_id="minutes-start",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def start_minutes(
    id: UUID, p: PrincipalDep, svc: ServiceDep, version: IfMatchDep, response: Response
) -> MinutesVersionRead:
    """Start the draft of a held meeting (the meeting goes to minutes_draft). If-Match: the
    meeting's version. The answer's ETag is the draft's."""
    return read(response, await svc.start_minutes(p, id, version))


@router.put(
    "/meetings/{id}/minutes/items/{agendaItemId}",
    operation_id="minutes-write-item",
    responses=WRITE_ERRORS,
)
async def write_item(
    id: UUID,
    agenda_item_id: AgendaItemId,
    body: ItemMinutesWrite,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> MinutesVersionRead:
    """Write both layers of one agenda item into the draft. If-Match: the draft's version. Both
    texts pass the free-text guard (422 personal-data-found; send ``overrideReason``)."""
    v = await svc.write_item_minutes(
        p,
        id,
        agenda_item_id,
        open_text=body.open_text,
        restricted_text=body.restricted_text,
        expected_version=version,
        override_reason=body.override_reason,
    )
    return read(response, v)


@router.post(
    "/meetings/{id}/minutes/approve", operation_id="minutes-approve", responses=WRITE_ERRORS
)
async def approve(
    id: UUID,
    body: MinutesApprove,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> MinutesVersionRead:
    """Approve the draft: by the chair on the meeting's date (403 not-chair for anyone else), or
    record that a later held meeting approved it. Numbers the decisions. If-Match: the meeting's
    version."""
    if body.kind is ApprovalKind.CHAIR:
        if body.approving_meeting_id is not None:
            raise ValidationFailed.single(
                "approvingMeetingId",
                "not-allowed",
                "Only an approval at a later meeting names one.",
            )
        return read(response, await svc.approve_by_chair(p, id, version))
    if body.approving_meeting_id is None:
        raise ValidationFailed.single(
            "approvingMeetingId", "required", "Name the later meeting that approved them."
        )
    v = await svc.approve_at_next_meeting(p, id, body.approving_meeting_id, version)
    return read(response, v)


@router.post(
    "/meetings/{id}/minutes/corrections",
    operation_id="minutes-correct",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def correct(
    id: UUID, body: MinutesCorrection, p: PrincipalDep, svc: ServiceDep, response: Response
) -> MinutesVersionRead:
    """A corrected version of approved minutes, with a reason, made and approved by the chair; the
    earlier versions stay as they are."""
    items = [
        ItemMinutes(
            agenda_item_id=i.agenda_item_id,
            open_text=i.open_text.strip(),
            restricted_text=(i.restricted_text or "").strip() or None,
        )
        for i in body.items
    ]
    v = await svc.correct_minutes(p, id, items, body.reason, body.override_reason)
    return read(response, v)


@router.get("/meetings/{id}/minutes/open", operation_id="minutes-open", responses=READ_ERRORS)
async def open_minutes(
    id: UUID,
    p: PrincipalDep,
    svc: ServiceDep,
    number: Annotated[
        int | None, Query(ge=1, le=10_000, description="The version; default the newest.")
    ] = None,
) -> OpenMinutesRead:
    """The open layer of approved minutes, as mail, PDF and archive get it (nothing restricted)."""
    return OpenMinutesRead.from_domain(await svc.open_minutes(p, id, number))
