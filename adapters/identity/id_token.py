"""The relying party's id_token check: the signature with joserfc, OIDC Core's claim rules with Authlib's ``CodeIDToken``."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from authlib.oidc.core import CodeIDToken  # type: ignore[import-untyped]
from joserfc import errors as jose_errors
from joserfc import jwt

from adapters.identity.keys import JwksCache, unverified_header
from domain.shared.errors import Unauthenticated

ID_TOKEN_LEEWAY = 30
ACR_RANK = {"idporten-loa-substantial": 1, "idporten-loa-high": 2}
# What a failed claim check tells the person (the claim as joserfc names it in its error).
CLAIM_REFUSALS = {
    "iss": "The id_token has the wrong issuer.",
    "aud": "The id_token is not meant for this client (aud).",
    "azp": "The id_token has several audiences but no matching azp.",
    "exp": "The id_token has expired.",
    "nonce": "The id_token nonce does not match this login attempt.",
    "acr": "The login's security level is below the required minimum.",
}


class LoginRefused(Unauthenticated):
    """The login could not be completed (the reason is in ``detail``; never a token or pid)."""


class IdTokenVerifier:
    """RS256 only, keys from the provider's JWKS (refetched on an unknown ``kid``); then iss,
    aud, azp, exp (30 s leeway), iat, nonce and the ``acr`` minimum."""

    def __init__(
        self,
        *,
        issuer: str,
        client_id: str,
        min_acr: str,
        jwks: JwksCache,
        now: Callable[[], float] = time.time,
    ) -> None:
        if min_acr not in ACR_RANK:
            raise ValueError(f"unknown acr {min_acr!r}")
        self._issuer = issuer
        self._client_id = client_id
        self._acceptable_acr = [a for a, r in ACR_RANK.items() if r >= ACR_RANK[min_acr]]
        self._jwks = jwks
        self._now = now

    async def verify(self, id_token: str, *, nonce: str) -> dict[str, Any]:
        try:
            header = unverified_header(id_token)
        except ValueError as e:
            raise LoginRefused("The id_token is malformed.") from e
        if header.get("alg") != "RS256":
            raise LoginRefused("The id_token is not signed with RS256.")
        key = await self._jwks.key(str(header.get("kid", "")))
        if key is None:
            raise LoginRefused("The id_token is signed with an unknown key.")
        try:
            token = jwt.decode(id_token, key, algorithms=["RS256"])
        except jose_errors.JoseError as e:
            raise LoginRefused("The id_token signature is not valid.") from e
        claims = CodeIDToken(
            token.claims,
            token.header,
            options={
                "iss": {"essential": True, "value": self._issuer},
                "aud": {"essential": True, "values": [self._client_id]},
                "nonce": {"essential": True, "value": nonce},
                "acr": {"essential": True, "values": self._acceptable_acr},
            },
            params={"nonce": nonce, "client_id": self._client_id},
        )
        try:
            claims.validate(now=int(self._now()), leeway=ID_TOKEN_LEEWAY)
        except jose_errors.ClaimError as e:
            claim = e.claim.split(",")[0]
            detail = CLAIM_REFUSALS.get(claim, f"The id_token fails its {claim[:32]} check.")
            raise LoginRefused(detail) from None
        return dict(claims)
