"""Dev identity provider: the token endpoint's two grants (authorization code + PKCE; Maskinporten's JWT bearer)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Callable, Mapping
from typing import Any

from authlib.oauth2.rfc7636 import create_s256_code_challenge  # type: ignore[import-untyped]
from joserfc import jwk

from adapters.identity.devidp.assertions import AssertionChecks
from adapters.identity.devidp.model import (
    ACCESS_TOKEN_TTL,
    ID_TOKEN_TTL,
    OAuthError,
    State,
    peek_claim,
)
from adapters.identity.personas import DevMachine

Signer = Callable[[dict[str, Any], str], str]


class TokenGrants:
    """What ``/token`` hands out; ``sign(claims, typ)`` signs with the provider's newest key."""

    def __init__(
        self,
        *,
        issuer: str,
        machine_issuer: str,
        checks: AssertionChecks,
        state: State,
        sign: Signer,
        subject_secret: str,
        machines: Mapping[str, DevMachine],
        machine_keys: Mapping[str, jwk.RSAKey],
        now: Callable[[], float],
    ) -> None:
        self._issuer = issuer
        self._machine_issuer = machine_issuer
        self._checks = checks
        self._state = state
        self._sign = sign
        self._sub_secret = subject_secret
        self._machines = machines
        self._machine_keys = machine_keys
        self._now = now

    def _subject(self, client_id: str, pid: str) -> str:
        mac = hmac.new(self._sub_secret.encode(), f"{client_id}|{pid}".encode(), hashlib.sha256)
        return base64.urlsafe_b64encode(mac.digest()[:24]).decode()

    def authorization_code(self, form: dict[str, str]) -> dict[str, Any]:
        client = self._checks.authenticate_client(form)
        code_value = form.get("code", "")
        if code_value in self._state.used_codes:
            raise OAuthError("invalid_grant", "authorization code already used")
        grant = self._state.codes.pop(code_value, None)
        if grant is None or grant.expires < self._now():
            raise OAuthError("invalid_grant", "authorization code is unknown or expired")
        self._state.used_codes[code_value] = self._now() + 3600
        if grant.client_id != client.client_id:
            raise OAuthError("invalid_grant", "code was issued to another client")
        if form.get("redirect_uri") != grant.redirect_uri:
            raise OAuthError("invalid_grant", "redirect_uri does not match")
        verifier = form.get("code_verifier", "")
        if not verifier or not hmac.compare_digest(
            create_s256_code_challenge(verifier), grant.code_challenge
        ):
            raise OAuthError("invalid_grant", "PKCE code_verifier does not match")
        now = int(self._now())
        p = grant.persona
        claims = {
            "iss": self._issuer,
            "aud": client.client_id,
            "sub": self._subject(client.client_id, p.pid),
            "pid": p.pid,
            "acr": p.acr,
            "amr": ["TestID"],
            "auth_time": grant.auth_time,
            "iat": now,
            "exp": now + ID_TOKEN_TTL,
            "nonce": grant.nonce,
            "sid": grant.sid,
            "locale": grant.locale,
            "jti": secrets.token_urlsafe(16),
        }
        return {
            "access_token": secrets.token_urlsafe(32),
            "id_token": self._sign(claims, "JWT"),
            "token_type": "Bearer",
            "expires_in": ID_TOKEN_TTL,
            "scope": "openid profile",
        }

    def jwt_bearer(self, form: dict[str, str]) -> dict[str, Any]:
        """Maskinporten's grant: a signed assertion in, a JWT access token out."""
        assertion = form.get("assertion", "")
        # The assertion's issuer picks the key: peek at it unverified, then verify properly.
        iss = peek_claim(assertion, "iss")
        machine = self._machines.get(iss) if isinstance(iss, str) else None
        if machine is None:
            raise OAuthError("invalid_client", "unknown client in assertion iss")
        claims = self._checks.decode(assertion, self._machine_keys[machine.client_id])
        aud = claims.get("aud")
        if aud != self._machine_issuer and not (
            isinstance(aud, list) and self._machine_issuer in aud
        ):
            raise OAuthError(
                "invalid_grant", "assertion aud must be the issuer with trailing slash"
            )
        exp = self._checks.check_lifetime(claims, error="invalid_grant")
        requested = set(str(claims.get("scope", "")).split())
        if not requested:
            raise OAuthError("invalid_scope", "no scope requested")
        if not requested <= machine.scopes:
            raise OAuthError("invalid_scope", "scope not allowed for this client")
        self._checks.use_jti(f"machine:{machine.client_id}", claims.get("jti"), exp)
        now = int(self._now())
        scope = " ".join(sorted(requested))
        token_claims: dict[str, Any] = {
            "iss": self._machine_issuer,
            "client_id": machine.client_id,
            "scope": scope,
            "iat": now,
            "exp": now + ACCESS_TOKEN_TTL,
            "jti": secrets.token_urlsafe(16),
            "token_type": "Bearer",
            "client_amr": "private_key_jwt",
            "consumer": {"authority": "iso6523-actorid-upis", "ID": machine.consumer_id},
        }
        if machine.supplier_org_number:
            token_claims["supplier"] = {
                "authority": "iso6523-actorid-upis",
                "ID": f"0192:{machine.supplier_org_number}",
            }
        if isinstance(claims.get("resource"), str | list):
            token_claims["aud"] = claims["resource"]
        return {
            "access_token": self._sign(token_claims, "at+jwt"),
            "token_type": "Bearer",
            "expires_in": ACCESS_TOKEN_TTL,
            "scope": scope,
        }
