"""Mail adapter room: a local SMTP server (aiosmtpd) that catches mail for development and tests."""

from __future__ import annotations

import argparse
import email
import email.policy
import logging
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

# aiosmtpd logs every command line, addresses included, at INFO; a catcher's log is not ours.
logging.getLogger("mail.log").setLevel(logging.WARNING)


@dataclass(frozen=True, slots=True)
class CaughtMail:
    """One message as the server received it: the envelope and the raw bytes."""

    sender: str
    recipients: tuple[str, ...]
    data: bytes
    authenticated_as: str | None = None
    tls: bool = False

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.data, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class _Handler:
    folder: Path | None
    refuse: frozenset[str]
    # Files of an earlier run stay: each run names its own (start time, then a counter).
    run: str = field(default_factory=lambda: time.strftime("%Y%m%dT%H%M%S"))
    caught: list[CaughtMail] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        login = session.auth_data if isinstance(session.auth_data, bytes) else None
        caught = CaughtMail(
            sender=envelope.mail_from or "",
            recipients=tuple(envelope.rcpt_tos),
            data=content,
            authenticated_as=login.decode() if login else None,
            tls=session.ssl is not None,
        )
        with self.lock:
            self.caught.append(caught)
            number = len(self.caught)
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / f"{self.run}-{number:05d}.eml").write_bytes(content)
        return "250 Message accepted"


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


class MailCatcher:
    """Accepts every message (but the addresses in ``refuse``), keeps it in ``caught`` and, given
    a ``folder``, writes it there as ``<run start>-NNNNN.eml``. ``tls_context`` offers STARTTLS (required);
    ``credentials`` (user, password) require AUTH, only after STARTTLS. Runs on its own thread."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int | None = None,
        folder: Path | None = None,
        tls_context: ssl.SSLContext | None = None,
        credentials: tuple[str, str] | None = None,
        refuse: frozenset[str] = frozenset(),
    ) -> None:
        self.host, self.port = host, port or free_port(host)
        self._handler = _Handler(folder=folder, refuse=refuse)
        options: dict[str, Any] = {"data_size_limit": 64 * 1024 * 1024}
        if tls_context is not None:
            options |= {"tls_context": tls_context, "require_starttls": True}
        if credentials is not None:
            options |= {"authenticator": _Authenticator(*credentials), "auth_required": True}
        self._controller = Controller(self._handler, hostname=host, port=self.port, **options)

    @property
    def caught(self) -> list[CaughtMail]:
        with self._handler.lock:
            return list(self._handler.caught)

    def start(self) -> MailCatcher:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()


@dataclass(frozen=True)
class _Authenticator:
    user: str
    password: str

    def __call__(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        if (
            isinstance(data, LoginPassword)
            and data.login == self.user.encode()
            and data.password == self.password.encode()
        ):
            return AuthResult(success=True, auth_data=data.login)
        return AuthResult(success=False, handled=False)


def main(argv: list[str] | None = None) -> None:
    """``python -m adapters.mail.catcher``: catch development mail into a folder until Ctrl-C."""
    parser = argparse.ArgumentParser(description="Catch development mail as .eml files.")
    parser.add_argument("--port", type=int, default=8025)
    parser.add_argument("--folder", type=Path, default=Path("var/mail"))
    args = parser.parse_args(argv)
    catcher = MailCatcher(port=args.port, folder=args.folder).start()
    print(f"Catching mail on 127.0.0.1:{catcher.port} into {args.folder}/ (Ctrl-C stops)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        catcher.stop()


if __name__ == "__main__":
    main()
