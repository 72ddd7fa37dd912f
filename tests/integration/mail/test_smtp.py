"""The SMTP adapter against real aiosmtpd servers: what arrives, TLS and AUTH, and every failure."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.mail.catcher import MailCatcher, free_port
from adapters.mail.config import SmtpConfig
from adapters.mail.smtp import SmtpOutboundMail
from domain.shared.mail import Attachment, MailMessage, MailRefused, MailUnavailable
from tests.integration.mail.conftest import PASSWORD, USER, TlsFiles

SENDER = "postmottak@samordna.invalid"
MEMBER = "kari.testesen@samordna.invalid"
ATTENDEE = "ola.proveby@samordna.invalid"
NOBODY = "finnes.ikke@samordna.invalid"
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"  # every byte value survives base64


def message(*to: str) -> MailMessage:
    return MailMessage(
        sender=SENDER,
        to=to or (MEMBER, ATTENDEE),
        subject="Godkjent protokoll: Koordineringsgruppa, møte 3/2026 – æøå ÆØÅ",
        text="Vedlagt er den åpne protokollen.\nHilsen sekretæren",
        html="<p>Vedlagt er den <b>åpne</b> protokollen.</p>",
        attachments=(
            Attachment(
                filename="protokoll-KOG-3-2026.pdf", media_type="application/pdf", content=PDF
            ),
        ),
    )


def plain(catcher: MailCatcher, **overrides: object) -> SmtpOutboundMail:
    options: dict[str, object] = {"host": "127.0.0.1", "port": catcher.port, "security": "none"}
    return SmtpOutboundMail(SmtpConfig(**(options | overrides)))  # type: ignore[arg-type]


async def test_the_server_receives_headers_parts_and_the_pdf(catcher: MailCatcher) -> None:
    refused = await plain(catcher).send(message())

    assert refused == ()
    [caught] = catcher.caught
    assert caught.sender == SENDER
    assert caught.recipients == (MEMBER, ATTENDEE)
    received = caught.message
    assert received["From"] == SENDER
    assert received["To"] == f"{MEMBER}, {ATTENDEE}"
    assert received["Subject"] == "Godkjent protokoll: Koordineringsgruppa, møte 3/2026 – æøå ÆØÅ"
    assert received["Message-ID"].endswith("@samordna.invalid>")
    assert received["Date"]
    caught.data.decode("ascii")  # 7-bit on the wire: headers encoded, parts quoted-printable
    assert received.get_content_type() == "multipart/mixed"
    body = received.get_body(preferencelist=("plain",))
    assert body is not None
    # CRLF on the wire: compare lines.
    assert body.get_content().splitlines() == [
        "Vedlagt er den åpne protokollen.",
        "Hilsen sekretæren",
    ]
    html = received.get_body(preferencelist=("html",))
    assert html is not None
    assert "<b>åpne</b>" in html.get_content()
    [pdf] = list(received.iter_attachments())
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_filename() == "protokoll-KOG-3-2026.pdf"
    assert pdf.get_content() == PDF


async def test_text_only_mail_is_a_single_plain_part(catcher: MailCatcher) -> None:
    await plain(catcher).send(
        MailMessage(sender=SENDER, to=(MEMBER,), subject="Påminnelse", text="Frist i morgen.")
    )

    received = catcher.caught[0].message
    assert received.get_content_type() == "text/plain"
    assert received.get_content().splitlines() == ["Frist i morgen."]


async def test_starttls_and_login_with_a_private_ca(
    tls_catcher: MailCatcher, tls_files: TlsFiles
) -> None:
    config = SmtpConfig(
        host="127.0.0.1",
        port=tls_catcher.port,
        security="starttls",
        username=USER,
        password=PASSWORD,
        ca_file=tls_files.cert,
    )

    await SmtpOutboundMail(config).send(message())

    [caught] = tls_catcher.caught
    assert caught.tls
    assert caught.authenticated_as == USER
    assert [a.get_content() for a in caught.message.iter_attachments()] == [PDF]


async def test_a_wrong_password_is_refused(tls_catcher: MailCatcher, tls_files: TlsFiles) -> None:
    config = SmtpConfig(
        host="127.0.0.1",
        port=tls_catcher.port,
        username=USER,
        password="wrong",
        ca_file=tls_files.cert,
    )
    with pytest.raises(MailRefused, match="535"):
        await SmtpOutboundMail(config).send(message())
    assert tls_catcher.caught == []


async def test_an_untrusted_certificate_is_not_sent_to(tls_catcher: MailCatcher) -> None:
    config = SmtpConfig(host="127.0.0.1", port=tls_catcher.port, username=USER, password=PASSWORD)
    with pytest.raises(MailUnavailable):
        await SmtpOutboundMail(config).send(message())
    assert tls_catcher.caught == []


async def test_starttls_required_but_not_offered_is_refused(catcher: MailCatcher) -> None:
    config = SmtpConfig(host="127.0.0.1", port=catcher.port, security="starttls")
    with pytest.raises(MailRefused, match="STARTTLS"):
        await SmtpOutboundMail(config).send(message())
    assert catcher.caught == []


async def test_a_refused_recipient_is_returned_and_the_rest_get_it(catcher: MailCatcher) -> None:
    refused = await plain(catcher).send(message(MEMBER, NOBODY))

    assert refused == (NOBODY,)
    assert catcher.caught[0].recipients == (MEMBER,)


async def test_every_recipient_refused_is_a_refusal(catcher: MailCatcher) -> None:
    with pytest.raises(MailRefused):
        await plain(catcher).send(message(NOBODY))
    assert catcher.caught == []


async def test_a_server_that_is_down_is_unavailable_at_once() -> None:
    config = SmtpConfig(host="127.0.0.1", port=free_port(), security="none", timeout_seconds=2)
    started = time.monotonic()
    with pytest.raises(MailUnavailable) as raised:
        await SmtpOutboundMail(config).send(message())
    assert time.monotonic() - started < 2
    assert raised.value.transient


@pytest.fixture
async def silent_server() -> AsyncIterator[int]:
    """Accepts connections and never says a word (a hung relay)."""
    held: list[asyncio.StreamWriter] = []

    async def hold(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    for writer in held:
        writer.close()
    server.close()
    await server.wait_closed()


async def test_a_server_that_never_answers_times_out(silent_server: int) -> None:
    config = SmtpConfig(
        host="127.0.0.1",
        port=silent_server,
        security="none",
        timeout_seconds=0.5,
        deadline_seconds=1,
    )
    started = time.monotonic()
    with pytest.raises(MailUnavailable, match="in time"):
        await SmtpOutboundMail(config).send(message())
    assert time.monotonic() - started < 1.5


async def test_logs_carry_counts_never_addresses_or_subjects(
    catcher: MailCatcher, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="adapters.mail")
    await plain(catcher).send(message(MEMBER, NOBODY))
    with pytest.raises(MailRefused):
        await plain(catcher).send(message(NOBODY))

    records = [r for r in caplog.records if r.name.startswith("adapters.mail")]
    assert [r.getMessage() for r in records] == ["mail handed over", "mail not handed over"]
    assert (records[0].recipients, records[0].refused) == (2, 1)  # type: ignore[attr-defined]
    for record in records:
        line = f"{record.getMessage()} {record.__dict__}"
        for secret in (MEMBER, NOBODY, SENDER, "protokoll", "Koordineringsgruppa"):
            assert secret not in line


def test_plain_only_to_loopback_credentials_in_pairs_password_hidden() -> None:
    with pytest.raises(ValueError, match="loopback"):
        SmtpConfig(host="smtp.samordna.invalid", port=25, security="none")
    with pytest.raises(ValueError, match="together"):
        SmtpConfig(host="smtp.samordna.invalid", port=587, username=USER)
    assert "relay-secret" not in repr(
        SmtpConfig(host="h", port=587, username=USER, password=PASSWORD)
    )


async def test_the_development_catcher_keeps_each_message_as_a_file(tmp_path: Path) -> None:
    server = MailCatcher(folder=tmp_path / "mail").start()
    try:
        await SmtpOutboundMail(SmtpConfig.local_catcher(server.port)).send(message())
    finally:
        server.stop()
    [saved] = sorted((tmp_path / "mail").iterdir())
    assert saved.name.endswith("-00001.eml")
    assert saved.read_bytes() == server.caught[0].data
