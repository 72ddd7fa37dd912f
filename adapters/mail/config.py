"""Mail adapter room: the plain SMTP settings the composition root hands the SMTP adapter."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Security = Literal["starttls", "tls", "none"]
SECURITY_MODES: tuple[Security, ...] = ("starttls", "tls", "none")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True, kw_only=True)
class SmtpConfig:
    """Where and how to hand mail over (adapters never import ``api``).

    ``security``: ``starttls`` (submission, port 587: the upgrade is required, never skipped),
    ``tls`` (implicit TLS, port 465) or ``none`` (plain, only to a loopback host such as the
    development catcher). ``timeout_seconds`` bounds each step (connect, each reply);
    ``deadline_seconds`` the whole hand-over, so a server that trickles cannot hold a caller.
    ``ca_file`` adds a trust anchor (a relay with a private CA, the tests' own certificate).
    """

    host: str
    port: int
    security: Security = "starttls"
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout_seconds: float = 15.0
    deadline_seconds: float = 60.0
    ca_file: Path | None = None

    def __post_init__(self) -> None:
        if self.security not in SECURITY_MODES:
            raise ValueError(f"unknown SMTP security {self.security!r}")
        if not 0 < self.port < 65536:
            raise ValueError("the SMTP port must be 1-65535")
        if self.timeout_seconds <= 0 or self.deadline_seconds < self.timeout_seconds:
            raise ValueError("SMTP timeouts must be positive, the deadline at least one step")
        if (self.username is None) != (self.password is None):
            raise ValueError("SMTP username and password go together")
        if self.security == "none" and not _loopback(self.host):
            raise ValueError("plain SMTP (security 'none') only to a loopback host")

    @classmethod
    def local_catcher(cls, port: int) -> SmtpConfig:
        """The development catcher on this machine (plain SMTP on loopback, no credentials)."""
        return cls(host="127.0.0.1", port=port, security="none", timeout_seconds=5)
