"""The OpenID Connect relying party (ID-porten profile): PAR + PKCE + private_key_jwt, id_token checks, logout URL.

Authlib is not used on purpose: its ``private_key_jwt`` signs hour-long assertions without the
``client_id`` form parameter, and it has no PAR helper nor ``acr``/callback-``iss`` checks.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
from joserfc import errors as jose_errors
from joserfc import jwk, jwt

from adapters.identity.keys import JwksCache, unverified_header
from domain.shared.errors import Unauthenticated

log = logging.getLogger(__name__)

CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
ASSERTION_LIFETIME = 60
DISCOVERY_MAX_AGE = 24 * 3600
ID_TOKEN_LEEWAY = 30
ACR_RANK = {"idporten-loa-substantial": 1, "idporten-loa-high": 2}


class LoginRefused(Unauthenticated):
    """The login could not be completed (the reason is in ``detail``; never a token or pid)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthRequest:
    """What the RP keeps between the redirect and the callback."""

    url: str
    state: str
    nonce: str
    code_verifier: str


def pkce_challenge(verifier: str) -> str:
    return (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    )


def acr_meets(acr: object, minimum: str) -> bool:
    return isinstance(acr, str) and ACR_RANK.get(acr, 0) >= ACR_RANK[minimum]


class OidcRelyingParty:
    """One client at one OpenID provider. ``http`` may be an ASGI-transport client (dev provider)."""

    def __init__(
        self,
        *,
        issuer: str,
        client_id: str,
        client_key: jwk.RSAKey,
        redirect_uri: str,
        http: httpx.AsyncClient,
        scope: str = "openid profile",
        min_acr: str = "idporten-loa-substantial",
        now: Callable[[], float] = time.time,
    ) -> None:
        if min_acr not in ACR_RANK:
            raise ValueError(f"unknown acr {min_acr!r}")
        self.issuer = issuer.rstrip("/")
        self.client_id = client_id
        self._key = client_key
        self.redirect_uri = redirect_uri
        self._http = http
        self.scope = scope
        self.min_acr = min_acr
        self._now = now
        self._metadata: dict[str, Any] | None = None
        self._metadata_at = 0.0
        self._jwks = JwksCache(http, self._jwks_uri)

    async def metadata(self) -> dict[str, Any]:
        """Discovery, cached for a day."""
        if self._metadata is None or self._now() - self._metadata_at > DISCOVERY_MAX_AGE:
            response = await self._http.get(f"{self.issuer}/.well-known/openid-configuration")
            response.raise_for_status()
            data = response.json()
            if data.get("issuer") != self.issuer:
                raise RuntimeError("discovery document names another issuer")
            self._metadata, self._metadata_at = data, self._now()
        return self._metadata

    async def _jwks_uri(self) -> str:
        return str((await self.metadata())["jwks_uri"])

    def client_assertion(self) -> str:
        """``private_key_jwt``: iss = sub = client_id, aud = issuer, one minute, unique jti."""
        now = int(self._now())
        claims = {
            "iss": self.client_id,
            "sub": self.client_id,
            "aud": self.issuer,
            "iat": now,
            "exp": now + ASSERTION_LIFETIME,
            "jti": secrets.token_urlsafe(24),
        }
        return jwt.encode({"alg": "RS256", "kid": self._key.kid}, claims, self._key)

    def _client_auth(self) -> dict[str, str]:
        return {
            "client_id": self.client_id,
            "client_assertion_type": CLIENT_ASSERTION_TYPE,
            "client_assertion": self.client_assertion(),
        }

    async def authorization_request(self, *, locale: str) -> AuthRequest:
        """Push the request (PAR) and return the browser URL plus the secrets to keep."""
        meta = await self.metadata()
        state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        verifier = secrets.token_urlsafe(48)
        form = {
            "response_type": "code",
            "redirect_uri": self.redirect_uri,
            "scope": self.scope,
            "state": state,
            "nonce": nonce,
            "code_challenge": pkce_challenge(verifier),
            "code_challenge_method": "S256",
            "acr_values": self.min_acr,
            "ui_locales": locale,
            **self._client_auth(),
        }
        response = await self._http.post(meta["pushed_authorization_request_endpoint"], data=form)
        if response.status_code not in (200, 201):
            log.warning("PAR refused: %s", _oauth_error(response))
            raise LoginRefused("The identity provider refused the login request.")
        request_uri = response.json()["request_uri"]
        query = urlencode({"client_id": self.client_id, "request_uri": request_uri})
        return AuthRequest(
            url=f"{meta['authorization_endpoint']}?{query}",
            state=state,
            nonce=nonce,
            code_verifier=verifier,
        )

    def code_from_callback(self, params: Mapping[str, str], *, expected_state: str) -> str:
        """Check the callback (RFC 9207 ``iss``, ``state``) and return the authorization code."""
        if params.get("iss") != self.issuer:
            raise LoginRefused("The login answer came from an unexpected issuer.")
        if not secrets.compare_digest(params.get("state", ""), expected_state):
            raise LoginRefused("The login answer does not belong to this login attempt (state).")
        if "error" in params:
            raise LoginRefused(f"The login was not completed ({params['error'][:64]}).")
        code = params.get("code")
        if not code:
            raise LoginRefused("The login answer has no authorization code.")
        return code

    async def exchange_code(self, code: str, *, code_verifier: str) -> str:
        """Redeem the code at the token endpoint; returns the raw id_token."""
        meta = await self.metadata()
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": self.redirect_uri,
            "code_verifier": code_verifier,
            **self._client_auth(),
        }
        response = await self._http.post(meta["token_endpoint"], data=form)
        if response.status_code != 200:
            log.warning("token request refused: %s", _oauth_error(response))
            raise LoginRefused("The identity provider refused the token request.")
        id_token = response.json().get("id_token")
        if not isinstance(id_token, str):
            raise LoginRefused("The identity provider returned no id_token.")
        return id_token

    async def verify_id_token(self, id_token: str, *, nonce: str) -> dict[str, Any]:
        """Signature (JWKS, refetched on unknown kid), iss, aud, exp, nonce, and the acr minimum."""
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
            claims = dict(jwt.decode(id_token, key, algorithms=["RS256"]).claims)
        except jose_errors.JoseError as e:
            raise LoginRefused("The id_token signature is not valid.") from e
        now = self._now()
        aud = claims.get("aud")
        auds = aud if isinstance(aud, list) else [aud]
        if claims.get("iss") != self.issuer:
            raise LoginRefused("The id_token has the wrong issuer.")
        if self.client_id not in auds:
            raise LoginRefused("The id_token is not meant for this client (aud).")
        if isinstance(aud, list) and len(aud) > 1 and claims.get("azp") != self.client_id:
            raise LoginRefused("The id_token has several audiences but no matching azp.")
        exp = claims.get("exp")
        if not isinstance(exp, int | float) or exp + ID_TOKEN_LEEWAY < now:
            raise LoginRefused("The id_token has expired.")
        if not secrets.compare_digest(str(claims.get("nonce", "")), nonce):
            raise LoginRefused("The id_token nonce does not match this login attempt.")
        if not acr_meets(claims.get("acr"), self.min_acr):
            raise LoginRefused("The login's security level is below the required minimum.")
        return claims

    async def end_session_url(
        self, *, id_token_hint: str | None, post_logout_redirect_uri: str, state: str
    ) -> str | None:
        meta = await self.metadata()
        endpoint = meta.get("end_session_endpoint")
        if not endpoint:
            return None
        params = {"post_logout_redirect_uri": post_logout_redirect_uri, "state": state}
        if id_token_hint:
            params = {"id_token_hint": id_token_hint, **params}
        else:
            params["client_id"] = self.client_id
        return f"{endpoint}?{urlencode(params)}"


def _oauth_error(response: httpx.Response) -> str:
    try:
        body = response.json()
        return f"{response.status_code} {body.get('error')}: {body.get('error_description')}"
    except ValueError:
        return str(response.status_code)
