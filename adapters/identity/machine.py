"""Machine access tokens (Maskinporten profile): the JWT verified directly, since generic RFC 9068 validators want a sub."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from joserfc import errors as jose_errors
from joserfc import jwt

from adapters.identity.keys import ALLOWED_RSA_ALGS, JwksCache, unverified_header
from domain.shared.errors import Unauthenticated

# Clock skew allowed on ``exp``, ``nbf`` and ``iat`` alike (Maskinporten's clocks are not ours).
LEEWAY = 10


class TokenRejected(Unauthenticated):
    """A bearer token failed verification; ``detail`` names the reason (never the token)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MachineClaims:
    consumer_id: str
    client_id: str
    scopes: frozenset[str]
    supplier_id: str | None
    jti: str | None
    expires_at: int


class MachineTokenVerifier:
    """Checks exact ``iss``, the RS256/384/512 signature (issuer's JWKS), ``exp``, ``nbf``, ``aud``.

    ``aud`` must name ``audience`` (Maskinporten sets it from the ``resource`` the client asked
    for): a token without it, or meant for another API, is refused, so a token issued to a client
    for some other service cannot be replayed here.

    Without a configured JWKS URI it is read from the issuer's
    ``/.well-known/oauth-authorization-server`` document (as Maskinporten publishes it).
    """

    def __init__(
        self,
        *,
        issuer: str,
        http: httpx.AsyncClient,
        audience: str,
        jwks_uri: str | None = None,
        now: Callable[[], float] = time.time,
        refetch_interval: float = 60,
    ) -> None:
        self.issuer = issuer
        self.audience = audience
        self._http = http
        self._configured_jwks_uri = jwks_uri
        self._discovered_jwks_uri: str | None = None
        self._now = now
        self._jwks = JwksCache(http, self._jwks_uri, refetch_interval=refetch_interval)

    async def _jwks_uri(self) -> str:
        if self._configured_jwks_uri:
            return self._configured_jwks_uri
        if self._discovered_jwks_uri is None:
            url = f"{self.issuer.rstrip('/')}/.well-known/oauth-authorization-server"
            response = await self._http.get(url)
            response.raise_for_status()
            self._discovered_jwks_uri = str(response.json()["jwks_uri"])
        return self._discovered_jwks_uri

    async def verify(self, token: str) -> MachineClaims:
        try:
            header = unverified_header(token)
        except ValueError as e:
            raise TokenRejected("The token is malformed.") from e
        alg = header.get("alg")
        if alg not in ALLOWED_RSA_ALGS:
            raise TokenRejected(f"Token algorithm {str(alg)[:16]!r} is not allowed.")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise TokenRejected("The token names no key (kid).")
        key = await self._jwks.key(kid)
        if key is None:
            raise TokenRejected("The token is signed with an unknown key.")
        try:
            claims: dict[str, Any] = dict(jwt.decode(token, key, algorithms=[str(alg)]).claims)
        except jose_errors.BadSignatureError as e:
            raise TokenRejected("The token signature is not valid.") from e
        except jose_errors.JoseError as e:
            raise TokenRejected("The token could not be decoded.") from e
        return self._check_claims(claims)

    def _check_claims(self, claims: dict[str, Any]) -> MachineClaims:
        if claims.get("iss") != self.issuer:
            raise TokenRejected("The token has the wrong issuer.")
        exp = claims.get("exp")
        if not isinstance(exp, int | float):
            raise TokenRejected("The token has no expiry.")
        if exp + LEEWAY < self._now():
            raise TokenRejected("The token has expired.")
        iat = claims.get("iat")
        if isinstance(iat, int | float) and iat - LEEWAY > self._now():
            raise TokenRejected("The token was issued in the future.")
        nbf = claims.get("nbf")
        if nbf is not None and (not isinstance(nbf, int | float) or nbf - LEEWAY > self._now()):
            raise TokenRejected("The token is not valid yet (nbf).")
        aud = claims.get("aud")
        if not aud:
            raise TokenRejected("The token names no audience (aud).")
        auds = aud if isinstance(aud, list) else [aud]
        if self.audience not in auds:
            raise TokenRejected("The token is not meant for this API (aud).")
        consumer = claims.get("consumer")
        consumer_id = consumer.get("ID") if isinstance(consumer, dict) else None
        if not isinstance(consumer_id, str) or not consumer_id:
            raise TokenRejected("The token names no consumer.")
        supplier = claims.get("supplier")
        supplier_id = supplier.get("ID") if isinstance(supplier, dict) else None
        scope = claims.get("scope")
        return MachineClaims(
            consumer_id=consumer_id,
            client_id=str(claims.get("client_id", "")),
            scopes=frozenset(scope.split()) if isinstance(scope, str) else frozenset(),
            supplier_id=supplier_id if isinstance(supplier_id, str) else None,
            jti=str(claims["jti"]) if "jti" in claims else None,
            expires_at=int(exp),
        )
