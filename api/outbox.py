"""Composition root room (mail): the outbound-mail adapter and the PDF renderer the container hands
the meetings context, and the development mail catcher (ADR 0014). Only ``api.bootstrap`` uses it."""

from __future__ import annotations

import logging

from adapters.mail.catcher import MailCatcher
from adapters.mail.config import SmtpConfig
from adapters.mail.smtp import SmtpOutboundMail
from api.settings import Settings
from domain.shared.documents import DocumentRenderingFailed, MinutesRenderer, OpenMinutes
from domain.shared.mail import MailMessage, MailUnavailable, OutboundMail

log = logging.getLogger(__name__)


def mail_config(settings: Settings) -> SmtpConfig:
    """The SMTP adapter's settings: the local catcher in development, else the relay (ADR 0014)."""
    if settings.mail_catcher_enabled:
        return SmtpConfig.local_catcher(settings.mail_catcher_port)
    if not settings.mail_host:
        raise ValueError("SAMORDNA_MAIL_HOST is required when the mail catcher is off")
    return SmtpConfig(
        host=settings.mail_host,
        port=settings.mail_port,
        security=settings.mail_security,
        username=settings.mail_username,
        password=settings.mail_password.get_secret_value() if settings.mail_password else None,
        timeout_seconds=settings.mail_timeout_seconds,
        deadline_seconds=max(60.0, settings.mail_timeout_seconds),
        ca_file=settings.mail_ca_file,
    )


class MailNotConfigured:
    """``OutboundMail`` when neither the catcher nor a relay is set (development only): the app
    starts, and distributing minutes answers 503 saying what is missing."""

    async def send(self, message: MailMessage) -> tuple[str, ...]:
        raise MailUnavailable("No mail relay is configured (SAMORDNA_MAIL_HOST).")


class WeasyRenderer:
    """The WeasyPrint renderer, imported on first use: the app starts even where Pango is
    missing (scripts/ensure-system-libs.sh installs it); rendering then fails as a domain error."""

    def __init__(self) -> None:
        self._renderer: MinutesRenderer | None = None

    async def render_open_minutes(self, minutes: OpenMinutes) -> bytes:
        if self._renderer is None:
            try:
                from adapters.documents.minutes import WeasyMinutesRenderer
            except (ImportError, OSError) as exc:
                log.error("pdf renderer unavailable", extra={"error": type(exc).__name__})
                raise DocumentRenderingFailed("The PDF renderer is not installed.") from exc
            self._renderer = WeasyMinutesRenderer()
        return await self._renderer.render_open_minutes(minutes)


def outbound_mail(settings: Settings) -> OutboundMail:
    """SMTP to the catcher or the relay; without either (development) ``MailNotConfigured``."""
    try:
        return SmtpOutboundMail(mail_config(settings))
    except ValueError:
        if settings.environment == "production":
            raise
        log.warning("mail not configured: distributing minutes answers 503")
        return MailNotConfigured()


def start_mail_catcher(settings: Settings) -> MailCatcher | None:
    """The development catcher on ``mail_catcher_port``, keeping each message as an .eml file
    under ``state_dir/mail`` (``make run``, the browser tests' server). None when the catcher is
    off, or when the port is taken (another catcher already runs there: mail goes to it)."""
    if not settings.mail_catcher_enabled:
        return None
    folder = (settings.state_dir / "mail").resolve()
    try:
        catcher = MailCatcher(port=settings.mail_catcher_port, folder=folder).start()
    except (OSError, RuntimeError):
        log.warning("mail catcher port taken", extra={"port": settings.mail_catcher_port})
        return None
    log.info("mail catcher", extra={"port": catcher.port, "folder": str(folder)})
    return catcher
