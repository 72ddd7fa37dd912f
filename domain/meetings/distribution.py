"""Meetings domain room: distribution — approved minutes' open layer rendered once as PDF/A and
mailed to the body's members and the meeting's attendees, then the meeting marked distributed.

Three steps, so no transaction is open while the PDF renders or the mail server talks (ADR 0011:
the request keeps its one connection, idle and outside any transaction, locks none):
1. a short read transaction: authorise, check the status and If-Match, gather the open minutes
   and the recipients (members active on the meeting's day, everyone on its attendance list);
2. no transaction: render the PDF once, hand one message per batch of recipients to the server;
3. a short write transaction: the meeting moves to ``distributed`` with the version read in 1.

Failure semantics (docs/adr/0014): the mail server down, deferring (4xx) or silent raises
``MailUnavailable`` before step 3, so the status stays ``minutes_approved``; one SMTP transaction
per batch means nobody got a copy and retrying is safe. A server refusing the message or every
recipient raises ``MailRefused``, status unchanged. Recipients refused one by one (5xx) are
reported back as not reached, as are people without an address; the rest got it and the meeting
is distributed. Nobody with an address at all is ``NoRecipients`` (409), status unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from domain.meetings.base import UseCases
from domain.meetings.decision import body_code
from domain.meetings.meeting import OSLO, Meeting
from domain.meetings.ports import Clock, FreeTextGuard, MeetingsUnitOfWorkFactory
from domain.meetings.publication import gather_open_minutes
from domain.meetings.status import MeetingStatus, require_transition
from domain.organisation.model import Person
from domain.shared.changes import expect_version
from domain.shared.documents import MinutesRenderer, OpenMinutes
from domain.shared.errors import Conflict
from domain.shared.mail import (
    RECIPIENTS_MAX,
    SUBJECT_MAX,
    Attachment,
    MailMessage,
    MailUnavailable,
    OutboundMail,
)
from domain.shared.principal import Principal

MONTHS = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
]
PDF = "application/pdf"


class NoRecipients(Conflict):
    code = "no-recipients"
    title = "Nobody to send the minutes to"


class Unreached(StrEnum):
    NO_ADDRESS = "no-address"  # the person has no e-mail address
    REFUSED = "refused"  # the mail server refused the address for good (5xx)


@dataclass(frozen=True, slots=True)
class NotReached:
    person_id: UUID
    name: str
    reason: Unreached


@dataclass(frozen=True, slots=True, kw_only=True)
class Distribution:
    """What a distribution did: the meeting as now stored and who was (not) reached."""

    meeting: Meeting
    minutes_version: int
    recipients: int  # people: members on the day and attendees, once each
    addresses: int  # distinct addresses the message was handed over for
    sent: int  # addresses the server accepted
    not_reached: tuple[NotReached, ...]
    filename: str
    pdf_bytes: int


@dataclass(frozen=True, slots=True)
class Outbox:
    """What distribution goes through: the mail port, the PDF renderer and the sender address."""

    mail: OutboundMail
    renderer: MinutesRenderer
    sender: str


@dataclass(frozen=True, slots=True)
class _Plan:
    meeting: Meeting
    expected: int
    minutes: OpenMinutes
    people: Sequence[Person]


def norwegian_date(m: Meeting) -> str:
    d = m.day
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def attachment_name(m: Meeting, body_name: str, version: int) -> str:
    """``Protokoll KOG 2026-03-04.pdf``; a correction adds `` v2``."""
    suffix = f" v{version}" if version > 1 else ""
    return f"Protokoll {body_code(body_name)} {m.day.isoformat()}{suffix}.pdf"


def message_text(m: Meeting, minutes: OpenMinutes) -> tuple[str, str]:
    """The subject and the plain-text body, in Norwegian; open layer only."""
    when = norwegian_date(m)
    prefix, suffix = "Protokoll: ", f" {when}"
    room = SUBJECT_MAX - len(prefix) - len(suffix)
    body = (
        minutes.body_name if len(minutes.body_name) <= room else minutes.body_name[: room - 1] + "…"
    )
    subject = f"{prefix}{body}{suffix}"
    decisions = [d.label for item in minutes.items for d in item.decisions]
    actions = sum(len(item.action_items) for item in minutes.items)
    lines = [
        "Hei,",
        "",
        f"vedlagt er den godkjente protokollen fra møtet i {minutes.body_name} {when}, "
        f"kl. {m.starts_at.astimezone(OSLO).strftime('%H.%M')}.",
    ]
    if minutes.version > 1:
        lines += ["", f"Dette er versjon {minutes.version}, rettet: {minutes.correction_reason}"]
    lines += [
        "",
        f"Vedtak: {', '.join(decisions) if decisions else 'ingen'}. Oppfølgingspunkter: {actions}.",
        "",
        "Protokollen er et PDF/A-dokument og kan arkiveres slik den er. Den inneholder bare den "
        "åpne delen av protokollen.",
        "",
        "Hilsen Samordna (denne e-posten kan ikke besvares)",
    ]
    return subject, "\n".join(lines)


class DistributionUseCases(UseCases):
    def __init__(
        self,
        uow_factory: MeetingsUnitOfWorkFactory,
        clock: Clock,
        guard: FreeTextGuard,
        outbox: Outbox | None = None,
    ) -> None:
        super().__init__(uow_factory, clock, guard)
        self._outbox = outbox

    async def distribute_minutes(
        self, p: Principal, meeting_id: UUID, expected_version: int | None
    ) -> Distribution:
        """Sends the newest approved version's open minutes as PDF/A to members and attendees,
        then marks the meeting distributed (see the module's failure semantics)."""
        plan = await self._plan(p, meeting_id, expected_version)
        outbox = self._outbox
        if outbox is None:  # a composition without mail: nothing is sent, nothing is marked
            raise MailUnavailable("Distribution by e-mail is not configured.")
        by_address: dict[str, list[Person]] = {}
        for person in plan.people:
            if person.email:
                by_address.setdefault(person.email.strip().casefold(), []).append(person)
        if not by_address:
            raise NoRecipients("None of the body's members or the attendees has an e-mail address.")
        name = attachment_name(plan.meeting, plan.minutes.body_name, plan.minutes.version)
        pdf = await outbox.renderer.render_open_minutes(plan.minutes)
        subject, text = message_text(plan.meeting, plan.minutes)
        addresses = sorted(by_address)
        refused: set[str] = set()
        for start in range(0, len(addresses), RECIPIENTS_MAX):
            message = MailMessage(
                sender=outbox.sender,
                to=tuple(addresses[start : start + RECIPIENTS_MAX]),
                subject=subject,
                text=text,
                attachments=(Attachment(filename=name, media_type=PDF, content=pdf),),
            )
            refused |= {a.strip().casefold() for a in await outbox.mail.send(message)}
        meeting = await self._mark(p, plan)
        not_reached = [
            NotReached(x.id, x.name, Unreached.NO_ADDRESS) for x in plan.people if not x.email
        ]
        not_reached += [
            NotReached(x.id, x.name, Unreached.REFUSED)
            for a in sorted(refused)
            for x in by_address.get(a, [])
        ]
        return Distribution(
            meeting=meeting,
            minutes_version=plan.minutes.version,
            recipients=len(plan.people),
            addresses=len(addresses),
            sent=len(addresses) - len(refused & set(addresses)),
            not_reached=tuple(sorted(not_reached, key=lambda n: (n.name, str(n.person_id)))),
            filename=name,
            pdf_bytes=len(pdf),
        )

    async def _plan(self, p: Principal, meeting_id: UUID, expected_version: int | None) -> _Plan:
        """Step 1: one short read transaction."""
        async with self._open(p) as uow:
            meeting = await self._managed(uow, p, meeting_id)
            require_transition(meeting.status, MeetingStatus.DISTRIBUTED)
            expected = expect_version(meeting.version, expected_version)
            minutes = await gather_open_minutes(uow, meeting, None)
            memberships = await uow.memberships.of_body(meeting.body_id)
            ids = {m.person_id for m in memberships if m.active_on(meeting.day)}
            ids |= {a.person_id for a in await uow.attendance.of_meeting(meeting_id)}
            people = await uow.persons.get_many(sorted(ids, key=str))
        return _Plan(meeting, expected, minutes, sorted(people, key=lambda x: (x.name, str(x.id))))

    async def _mark(self, p: Principal, plan: _Plan) -> Meeting:
        """Step 3: one short write transaction (a change since step 1 is ``StaleVersion``)."""
        async with self._open(p) as uow:
            moved = plan.meeting.moved_to(MeetingStatus.DISTRIBUTED)
            await uow.meetings.update(moved, plan.expected)
            await uow.commit()
        return moved
