"""REST meetings room: distribution — approved minutes mailed as PDF/A to the body's members and the
meeting's attendees, then the meeting marked distributed (domain/meetings/distribution.py)."""

from __future__ import annotations

import logging
from uuid import UUID

from fastapi import APIRouter, Response
from pydantic import Field

from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.dtos import Dto
from api.rest.errors import WRITE_ERRORS, responses
from api.rest.meetings.deps import ServiceDep
from api.rest.meetings.dtos.meetings import MeetingRead
from domain.meetings.distribution import Distribution, Unreached

router = APIRouter(prefix="/api", tags=["minutes"])
log = logging.getLogger("samordna.meetings.distribution")


class NotReachedRead(Dto):
    person_id: UUID
    name: str
    reason: Unreached = Field(
        description="no-address: the person has no e-mail address; refused: the mail server "
        "refused the address for good. Send these the PDF another way."
    )


class DistributionRead(Dto):
    meeting: MeetingRead = Field(description="The meeting, now distributed (ETag: its version).")
    minutes_version: int = Field(description="The minutes version that was sent.")
    recipients: int = Field(description="People: members on the meeting day and attendees.")
    addresses: int = Field(description="Distinct e-mail addresses the message went to.")
    sent: int = Field(description="Addresses the mail server accepted.")
    refused: int = Field(description="Addresses the mail server refused for good.")
    no_address: int = Field(description="People without an e-mail address.")
    not_reached: list[NotReachedRead] = Field(description="Who did not get it, and why.")
    filename: str = Field(description='The attachment, e.g. "Protokoll KOG 2026-03-04.pdf".')
    pdf_bytes: int


@router.post(
    "/meetings/{id}/distribution",
    operation_id="minutes-distribute",
    responses=WRITE_ERRORS | responses(502, 503),
)
async def distribute(
    id: UUID, p: PrincipalDep, svc: ServiceDep, version: IfMatchDep, response: Response
) -> DistributionRead:
    """Send the approved minutes (open layer only, as a PDF/A attachment) to the body's members
    on the meeting day and everyone on the attendance list, once per address, then mark the
    meeting distributed. If-Match: the meeting's version. Whoever may manage the body's meetings.

    The mail server unavailable: 503 with Retry-After, nothing sent and nothing changed, so a
    retry is safe. It refusing the message or every address: 502, nothing changed. Some
    addresses refused or missing: 200, listed in notReached. Minutes not approved (or already
    distributed): 409; nobody with an address: 409 no-recipients."""
    d = await svc.distribute_minutes(p, id, version)
    _log(d)
    set_etag(response, d.meeting.version)
    return DistributionRead(
        meeting=MeetingRead.from_domain(d.meeting),
        minutes_version=d.minutes_version,
        recipients=d.recipients,
        addresses=d.addresses,
        sent=d.sent,
        refused=d.addresses - d.sent,
        no_address=sum(1 for n in d.not_reached if n.reason is Unreached.NO_ADDRESS),
        not_reached=[NotReachedRead.from_domain(n) for n in d.not_reached],
        filename=d.filename,
        pdf_bytes=d.pdf_bytes,
    )


def _log(d: Distribution) -> None:
    """Counts only: never an address, a name or the minutes' text (ARCHITECTURE 19)."""
    log.info(
        "minutes distributed",
        extra={
            "meeting_id": str(d.meeting.id),
            "minutes_version": d.minutes_version,
            "recipients": d.recipients,
            "addresses": d.addresses,
            "sent": d.sent,
            "not_reached": len(d.not_reached),
            "pdf_bytes": d.pdf_bytes,
        },
    )
