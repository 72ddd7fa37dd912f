"""Mail adapter room: ``SmtpOutboundMail`` hands a ``MailMessage`` to an SMTP server (aiosmtplib)."""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

import aiosmtplib

from adapters.mail.config import SmtpConfig
from domain.shared.mail import MailMessage, MailRefused, MailUnavailable

log = logging.getLogger(__name__)


def to_mime(message: MailMessage) -> EmailMessage:
    """The message as MIME: text (and HTML as its alternative), then the attachments."""
    mime = EmailMessage()
    mime["From"] = message.sender
    mime["To"] = ", ".join(message.to)
    mime["Subject"] = message.subject
    mime["Date"] = formatdate(localtime=False, usegmt=True)
    mime["Message-ID"] = make_msgid(domain=message.sender.rsplit("@", 1)[1])
    # Quoted-printable, not 8bit: every relay carries 7-bit, with or without 8BITMIME.
    mime.set_content(message.text, subtype="plain", charset="utf-8", cte="quoted-printable")
    if message.html is not None:
        mime.add_alternative(message.html, subtype="html", charset="utf-8", cte="quoted-printable")
    for attachment in message.attachments:
        maintype, subtype = attachment.media_type.split("/", 1)
        mime.add_attachment(
            attachment.content, maintype=maintype, subtype=subtype, filename=attachment.filename
        )
    return mime


class SmtpOutboundMail:
    """``OutboundMail`` over SMTP. One connection per message: distribution is rare and small,
    and a fresh connection never inherits a half-broken session.

    Logs counts, sizes, durations and reply codes only — never an address, subject or body
    (aiosmtplib's exception texts can quote addresses, so they are not passed on either).
    """

    def __init__(self, config: SmtpConfig) -> None:
        self._config = config
        self._tls = self._tls_context(config)

    @staticmethod
    def _tls_context(config: SmtpConfig) -> ssl.SSLContext | None:
        if config.security == "none":
            return None
        context = ssl.create_default_context()
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.verify_flags |= ssl.VERIFY_X509_STRICT  # Python 3.13's default, on 3.11 too
        if config.ca_file is not None:
            context.load_verify_locations(cafile=str(config.ca_file))
        return context

    async def send(self, message: MailMessage) -> tuple[str, ...]:
        config, started = self._config, time.monotonic()
        mime = to_mime(message)
        try:
            async with asyncio.timeout(config.deadline_seconds):
                refused, _reply = await aiosmtplib.send(
                    mime,
                    sender=message.sender,
                    recipients=list(message.to),
                    hostname=config.host,
                    port=config.port,
                    username=config.username,
                    password=config.password,
                    use_tls=config.security == "tls",
                    start_tls=config.security == "starttls",
                    tls_context=self._tls,
                    timeout=config.timeout_seconds,
                )
        except TimeoutError as exc:  # the deadline, or aiosmtplib's per-step timeout
            self._failed("timeout", started)
            raise MailUnavailable("The mail server did not answer in time.") from exc
        except aiosmtplib.SMTPRecipientsRefused as exc:
            codes = sorted({r.code for r in exc.recipients})
            self._failed(f"recipients-refused {codes}", started)
            if all(code < 500 for code in codes):
                raise MailUnavailable("The mail server deferred every recipient.") from exc
            raise MailRefused("The mail server refused every recipient.") from exc
        except aiosmtplib.SMTPResponseException as exc:
            self._failed(f"reply {exc.code}", started)
            if exc.code < 500:
                raise MailUnavailable(f"The mail server answered {exc.code}.") from exc
            raise MailRefused(f"The mail server answered {exc.code}.") from exc
        except (aiosmtplib.SMTPException, OSError) as exc:  # refused, reset, TLS failure
            if "STARTTLS extension not supported" in str(exc):  # aiosmtplib says so only in words
                self._failed("starttls-missing", started)
                raise MailRefused("The mail server does not offer the required STARTTLS.") from exc
            self._failed(type(exc).__name__, started)
            raise MailUnavailable("The mail server could not be reached.") from exc
        log.info(
            "mail handed over",
            extra={
                "recipients": len(message.to),
                "refused": len(refused),
                "attachments": len(message.attachments),
                "attachment_bytes": sum(len(a.content) for a in message.attachments),
                "duration_ms": round((time.monotonic() - started) * 1000),
            },
        )
        return tuple(refused)

    def _failed(self, reason: str, started: float) -> None:
        log.info(
            "mail not handed over",
            extra={"reason": reason, "duration_ms": round((time.monotonic() - started) * 1000)},
        )
