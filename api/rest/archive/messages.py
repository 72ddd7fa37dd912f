"""REST archive room: the outbox's messages by status, one message, a dead letter's retry, and a
record's archive status (the badge on the record pages)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, Response

from api.rest.archive.deps import CallerDep, required_version
from api.rest.archive.dtos import ArchiveMessageRead, RecordStatusRead
from api.rest.deps import IfMatchDep, set_etag
from api.rest.dtos import PageOf
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.inputs import CursorQ, Limit, page_request
from domain.archive.messages import MessageStatus
from domain.archive.records import RecordKind

router = APIRouter(prefix="/api/archive", tags=["archive"])
Status = Annotated[MessageStatus | None, Query(description="Only messages in this status.")]


@router.get("/messages", operation_id="archive-messages-list", responses=READ_ERRORS)
async def list_messages(
    call: CallerDep, status: Status = None, limit: Limit = 50, cursor: CursorQ = None
) -> PageOf[ArchiveMessageRead]:
    """The unit's archive messages, newest first (coordinators, unit admins and machines with
    ``samordna:archive.read``)."""
    page = await call.svc.list_messages(call.p, status, page_request(limit, cursor))
    return PageOf[ArchiveMessageRead](
        items=[ArchiveMessageRead.from_domain(m) for m in page.items],
        total=page.total,
        next_cursor=page.next_cursor,
    )


@router.get("/messages/{id}", operation_id="archive-messages-get", responses=READ_ERRORS)
async def get_message(id: UUID, call: CallerDep, response: Response) -> ArchiveMessageRead:
    """One message with its receipt or its last error."""
    m = await call.svc.get_message(call.p, id)
    set_etag(response, m.version)
    return ArchiveMessageRead.from_domain(m)


@router.post("/messages/{id}/retry", operation_id="archive-messages-retry", responses=WRITE_ERRORS)
async def retry_message(
    id: UUID, call: CallerDep, version: IfMatchDep, response: Response
) -> ArchiveMessageRead:
    """Put a dead (or failed) message back to pending with its attempts from zero. Requires
    If-Match with the version you read; 409 when it is not failed or dead."""
    m = await call.svc.retry(call.p, id, required_version(version))
    set_etag(response, m.version)
    return ArchiveMessageRead.from_domain(m)


@router.get(
    "/records/{kind}/{recordId}", operation_id="archive-record-status", responses=READ_ERRORS
)
async def record_status(
    kind: RecordKind, record_id: Annotated[UUID, Path(alias="recordId")], call: CallerDep
) -> RecordStatusRead:
    """Where a record went: its state, the archive's saksnummer and journalpostnummer. For
    minutes ``recordId`` is the meeting. Whoever may read the unit's records may see it."""
    return RecordStatusRead.of(await call.svc.record_status(call.p, kind, record_id))
