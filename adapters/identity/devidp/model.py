"""Dev identity provider: its protocol constants, registered clients, OAuth errors and in-memory records."""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from joserfc import jwk

from adapters.identity.personas import ACR_HIGH, DevPersona

CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
PAR_TTL = 60
CODE_TTL = 60
ID_TOKEN_TTL = 120
ACCESS_TOKEN_TTL = 120
MAX_ASSERTION_LIFETIME = 120
IAT_SKEW = 10
ACR_VALUES = ("idporten-loa-substantial", ACR_HIGH)


@dataclass(frozen=True, slots=True, kw_only=True)
class DevClient:
    """A registered relying party: its public key, redirect and post-logout URIs."""

    client_id: str
    public_key: jwk.RSAKey
    redirect_uris: frozenset[str]
    post_logout_redirect_uris: frozenset[str]


class OAuthError(Exception):
    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(description)
        self.error, self.description, self.status = error, description, status


@dataclass(slots=True)
class Pending:
    """A pushed authorization request, waiting for the browser."""

    client_id: str
    params: dict[str, str]
    expires: float


@dataclass(slots=True)
class Code:
    """An authorization code and what the token it buys will say."""

    client_id: str
    redirect_uri: str
    code_challenge: str
    nonce: str
    persona: DevPersona
    locale: str
    sid: str
    auth_time: int
    expires: float


@dataclass(slots=True)
class State:
    """Everything the provider remembers, in memory (one worker in development)."""

    par: dict[str, Pending] = field(default_factory=dict)
    codes: dict[str, Code] = field(default_factory=dict)
    used_codes: dict[str, float] = field(default_factory=dict)
    jtis: dict[str, float] = field(default_factory=dict)

    def gc(self, now: float) -> None:
        for store in (self.par, self.codes):
            for k in [k for k, v in store.items() if v.expires < now]:
                del store[k]
        for d in (self.used_codes, self.jtis):
            for k in [k for k, exp in d.items() if exp < now]:
                del d[k]


def load_or_create_secret(path: Path) -> str:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(32))
        path.chmod(0o600)
    return path.read_text().strip()


def peek_claim(token: str, name: str) -> object:
    """One claim of a JWS payload, NOT verified: only used to choose the verification key."""
    try:
        segment = token.split(".")[1]
        payload = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    except (ValueError, IndexError):
        return None
    return payload.get(name) if isinstance(payload, dict) else None
