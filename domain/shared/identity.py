"""Identity ports: how a request becomes a ``Principal``. Tokens and sessions are the adapters' business.

People log in through an OpenID Connect provider (ID-porten profile) with the server as
backend-for-frontend; machines bring bearer JWTs (Maskinporten profile). Either way the domain
sees only a ``Principal``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from domain.shared.errors import Unauthenticated
from domain.shared.principal import BodyRole, Principal, Role


class LoginFailed(Unauthenticated):
    """A login that did not complete. ``reason``: ``cancelled`` (the person stopped it at the
    identity provider), ``expired`` (no or an unknown login attempt) or ``failed`` (a check
    failed); ``locale`` is the language the login started in, when known."""

    code = "login-failed"
    title = "The login was not completed"

    def __init__(self, detail: str, *, reason: str = "failed", locale: str | None = None) -> None:
        super().__init__(detail)
        self.reason = reason
        self.locale = locale


def local_return_path(value: str | None) -> str:
    """Where a login may send the browser back to: a local path only (one leading slash, no
    scheme, host, backslash or control character), else ``/``. Prevents open redirects."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return "/"
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonAccount:
    """What a logged-in person may do in one unit: unit roles and the linked staff ``Person``."""

    unit_id: UUID
    unit_name: str
    roles: frozenset[Role]
    person_id: UUID | None
    display_name: str
    body_roles: Mapping[UUID, BodyRole]


@dataclass(frozen=True, slots=True, kw_only=True)
class MachineClient:
    """A registered machine consumer (by organisation number), bound to one unit with allowed scopes."""

    consumer_id: str
    unit_id: UUID
    unit_name: str
    name: str
    allowed_scopes: frozenset[str]


class AccessDirectory(Protocol):
    """Who may act where. Looked up by key before any unit is known, so it reads across units,
    but only by exact key (the adapter uses narrow SECURITY DEFINER functions, not table access)."""

    async def accounts_for(self, person_key: str) -> Sequence[PersonAccount]: ...

    async def account(self, person_key: str, unit_id: UUID) -> PersonAccount | None: ...

    async def machine_client(self, consumer_id: str) -> MachineClient | None: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionPrincipal:
    principal: Principal
    csrf_token: str


@dataclass(frozen=True, slots=True, kw_only=True)
class LoginRedirect:
    """Where to send the browser, and the opaque handle of the pending login (kept in a cookie)."""

    url: str
    attempt: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CompletedLogin:
    session: str
    csrf_token: str
    return_to: str


class Authenticator(Protocol):
    """Turns credentials into a ``Principal``; raises ``Unauthenticated`` (401) or ``Forbidden`` (403)."""

    async def bearer(self, token: str) -> Principal: ...

    async def session(self, session: str) -> SessionPrincipal | None: ...


class LoginFlow(Protocol):
    """The browser login (authorization code + PKCE + PAR) and logout, server side."""

    async def begin(self, *, return_to: str, locale: str) -> LoginRedirect: ...

    async def complete(self, *, attempt: str, params: Mapping[str, str]) -> CompletedLogin: ...

    async def logout(self, session: str, *, post_logout_redirect: str) -> str | None:
        """End the session; return the identity provider's end-session URL, if it has one."""
        ...

    async def switch_unit(self, session: str, unit_id: UUID) -> None:
        """Make ``unit_id`` the session's unit; ``Forbidden`` unless the person has access there."""
        ...
