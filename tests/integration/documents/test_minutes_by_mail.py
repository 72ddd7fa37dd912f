"""The open minutes' way out: rendered as PDF/A, mailed through SMTP, read back from the server."""

from __future__ import annotations

import io

from pypdf import PdfReader

from adapters.documents.minutes import WeasyMinutesRenderer
from adapters.mail.catcher import MailCatcher
from adapters.mail.config import SmtpConfig
from adapters.mail.smtp import SmtpOutboundMail
from domain.shared.documents import MinutesRenderer
from domain.shared.mail import Attachment, MailMessage, OutboundMail
from tests.integration.documents.conftest import RESTRICTED, minutes

MEMBERS = ("kari.testesen@samordna.invalid", "per.ovingstad@samordna.invalid")


async def test_members_receive_the_pdf_a_minutes(renderer: WeasyMinutesRenderer) -> None:
    pdf = await renderer.render_open_minutes(minutes())
    server = MailCatcher().start()
    try:
        mail = SmtpOutboundMail(SmtpConfig(host="127.0.0.1", port=server.port, security="none"))
        await mail.send(
            MailMessage(
                sender="postmottak@samordna.invalid",
                to=MEMBERS,
                subject="Godkjent protokoll – Koordineringsgruppa i Lærdal, 3. mars 2026",
                text="Protokollen fra møtet 3. mars 2026 er godkjent og ligger vedlagt.",
                attachments=(
                    Attachment(
                        filename="protokoll-2026-03-03.pdf",
                        media_type="application/pdf",
                        content=pdf,
                    ),
                ),
            )
        )
        [caught] = server.caught
    finally:
        server.stop()

    assert caught.recipients == MEMBERS
    [attachment] = list(caught.message.iter_attachments())
    received = attachment.get_content()
    assert received == pdf
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(received)).pages)
    assert "KOG 12/2026" in text
    assert RESTRICTED not in caught.data.decode("ascii")


def test_the_adapters_fill_their_ports() -> None:
    """Type-checked (mypy on this file): each adapter is the port it claims to be."""
    renderer: MinutesRenderer = WeasyMinutesRenderer()
    mail: OutboundMail = SmtpOutboundMail(SmtpConfig.local_catcher(8025))
    assert renderer and mail
