"""Dev identity provider: signed assertions checked as ID-porten and Maskinporten do (private_key_jwt, JWT grant)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from joserfc import errors as jose_errors
from joserfc import jwk, jwt

from adapters.identity.devidp.model import (
    CLIENT_ASSERTION_TYPE,
    IAT_SKEW,
    MAX_ASSERTION_LIFETIME,
    DevClient,
    OAuthError,
    State,
)
from adapters.identity.keys import ALLOWED_RSA_ALGS, unverified_header


class AssertionChecks:
    """Signature, lifetime and one-time ``jti`` of client assertions; ``private_key_jwt`` login."""

    def __init__(
        self,
        *,
        issuer: str,
        clients: Mapping[str, DevClient],
        state: State,
        now: Callable[[], float],
    ) -> None:
        self._issuer = issuer
        self._clients = clients
        self._state = state
        self._now = now

    def use_jti(self, namespace: str, jti: object, exp: float) -> None:
        if not isinstance(jti, str) or not jti:
            raise OAuthError("invalid_client", "assertion has no jti")
        key = f"{namespace}:{jti}"
        if key in self._state.jtis:
            raise OAuthError("invalid_grant", "assertion jti already used (replay)")
        # Kept a little past expiry, so a replay inside the skew window is still caught.
        self._state.jtis[key] = exp + IAT_SKEW

    def decode(self, assertion: str, key: jwk.RSAKey) -> dict[str, Any]:
        try:
            header = unverified_header(assertion)
        except ValueError as e:
            raise OAuthError("invalid_client", "malformed assertion") from e
        if header.get("alg") not in ALLOWED_RSA_ALGS:
            raise OAuthError("invalid_client", "assertion must be signed with RS256/384/512")
        try:
            return dict(jwt.decode(assertion, key, algorithms=sorted(ALLOWED_RSA_ALGS)).claims)
        except jose_errors.JoseError as e:
            raise OAuthError("invalid_client", "assertion signature is not valid") from e

    def check_lifetime(self, claims: dict[str, Any], *, error: str) -> float:
        now = self._now()
        iat, exp = claims.get("iat"), claims.get("exp")
        if not isinstance(iat, int | float) or not isinstance(exp, int | float):
            raise OAuthError(error, "assertion needs iat and exp")
        if exp - iat > MAX_ASSERTION_LIFETIME:
            raise OAuthError(error, "assertion lifetime exceeds 120 seconds")
        if exp <= now:
            raise OAuthError(error, "assertion has expired")
        if abs(iat - now) > IAT_SKEW:
            raise OAuthError(error, "assertion iat is not within 10 seconds of now")
        return float(exp)

    def authenticate_client(self, form: dict[str, str]) -> DevClient:
        """``private_key_jwt`` only, and the ``client_id`` form parameter must come with it."""
        client_id = form.get("client_id")
        if not client_id:
            raise OAuthError("invalid_request", "client_id is required", 400)
        client = self._clients.get(client_id)
        if client is None:
            raise OAuthError("invalid_client", "unknown client", 401)
        if form.get("client_assertion_type") != CLIENT_ASSERTION_TYPE or not form.get(
            "client_assertion"
        ):
            raise OAuthError(
                "invalid_client", "private_key_jwt client authentication required", 401
            )
        claims = self.decode(form["client_assertion"], client.public_key)
        if claims.get("iss") != client_id or claims.get("sub") != client_id:
            raise OAuthError("invalid_client", "assertion iss and sub must equal client_id", 401)
        aud = claims.get("aud")
        auds = aud if isinstance(aud, list) else [aud]
        if self._issuer not in auds:
            raise OAuthError("invalid_client", "assertion aud must be the issuer", 401)
        exp = self.check_lifetime(claims, error="invalid_client")
        self.use_jti(f"client:{client_id}", claims.get("jti"), exp)
        return client
