"""REST cases room: consent — a case's consents, one consent, register one, append a party's
event (withdrawal takes effect on the very next request), and the reminders."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status
from pydantic import Field

from api.rest.cases.deps import CallerDep
from api.rest.cases.dtos.consents import (
    ConsentCreate,
    ConsentEventCreate,
    ConsentItemRead,
    ConsentRead,
    ConsentReminderRead,
)
from api.rest.dtos import Dto
from api.rest.errors import READ_ERRORS, WRITE_ERRORS

router = APIRouter(prefix="/api", tags=["cases"])


class RemindersSent(Dto):
    sent: int = Field(description="Reminders mailed to you (references and dates only).")


@router.get("/consents/reminders", operation_id="consents-reminders", responses=READ_ERRORS)
async def reminders(call: CallerDep) -> list[ConsentReminderRead]:
    """Consents on your cases expiring within 30 days, or whose subject turns 15, 16 or 18
    (who must consent may change: ask again)."""
    return [ConsentReminderRead.of(r) for r in await call.svc.consent_reminders(call.p)]


@router.post("/consents/reminders", operation_id="consents-send-reminders", responses=WRITE_ERRORS)
async def send_reminders(call: CallerDep) -> RemindersSent:
    """Mail yourself your consent reminders now."""
    return RemindersSent(sent=await call.svc.send_consent_reminders(call.p))


@router.get("/cases/{id}/consents", operation_id="cases-consents", responses=READ_ERRORS)
async def list_consents(id: UUID, call: CallerDep) -> list[ConsentItemRead]:
    """The case's consents, each shown (scope, parties, events, status per regime) or withheld."""
    return [ConsentItemRead.of(i) for i in await call.svc.consents(call.p, id)]


@router.post(
    "/cases/{id}/consents",
    operation_id="cases-register-consent",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def register_consent(
    id: UUID, body: ConsentCreate, call: CallerDep, response: Response
) -> ConsentRead:
    """Register a consent collected by the organisation you represent on the case: its scope,
    notice, parties (each with how identity was verified), method and the child's own view.
    Nothing is shared until the required parties' ``given`` events are recorded."""
    v = await call.svc.register_consent(call.p, id, body.to_domain())
    response.headers["Location"] = f"/api/consents/{v.consent.id}"
    return ConsentRead.of(v)


@router.get("/consents/{id:uuid}", operation_id="consents-get", responses=READ_ERRORS)
async def get_consent(id: UUID, call: CallerDep) -> ConsentItemRead:
    """One consent, shown or withheld for you."""
    return ConsentItemRead.of(await call.svc.consent(call.p, id))


@router.post(
    "/consents/{id:uuid}/events",
    operation_id="consents-record-event",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def record_event(id: UUID, body: ConsentEventCreate, call: CallerDep) -> ConsentRead:
    """Append a party's event (given, refused, withdrawn, expired). ``expectedSeq`` is the
    party's latest sequence you read: behind it is a 412, a concurrent append of the same number
    a 409 consent-conflict. A withdrawal stops sharing from the next request and notifies the
    recipients' team members. The answer leaves out the child's view (read it with GET)."""
    v = await call.svc.record_consent_event(
        call.p, id, body.party_id, body.kind, body.method, body.evidence_ref, body.expected_seq
    )
    return ConsentRead.of(v, child_view=False)
