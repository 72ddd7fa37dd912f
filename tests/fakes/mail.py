"""Fakes room: the outbound-mail port and the minutes renderer in memory (distribution's unit tests)."""

from __future__ import annotations

from dataclasses import dataclass, field

from domain.shared.documents import OpenMinutes
from domain.shared.mail import MailMessage, MailUnavailable

SENDER = "samordna@samordna.invalid"


@dataclass
class FakeMail:
    """Keeps every message handed over; ``down`` raises ``MailUnavailable``, ``refuse`` names
    addresses the "server" refuses one by one (returned, as the SMTP adapter returns them)."""

    sent: list[MailMessage] = field(default_factory=list)
    down: bool = False
    refuse: frozenset[str] = frozenset()

    async def send(self, message: MailMessage) -> tuple[str, ...]:
        if self.down:
            raise MailUnavailable("The mail server could not be reached.")
        self.sent.append(message)
        return tuple(a for a in message.to if a in self.refuse)


@dataclass
class FakeRenderer:
    """A stand-in PDF: the header and the open minutes' repr (so a test can look for text)."""

    rendered: list[OpenMinutes] = field(default_factory=list)

    async def render_open_minutes(self, minutes: OpenMinutes) -> bytes:
        self.rendered.append(minutes)
        return b"%PDF-1.7\n" + repr(minutes).encode()
