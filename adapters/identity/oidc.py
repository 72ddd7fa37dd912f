"""The OpenID Connect relying party (ID-porten profile) on Authlib: PAR + PKCE + private_key_jwt, the code flow, logout URL.

Authlib's httpx client does the OAuth 2 work (client authentication, PKCE, the token request, the
pushed request as an authenticated POST); the id_token is checked in ``id_token``. Left here is
what ID-porten asks beyond Authlib: PAR and the callback ``iss`` (RFC 9207). See docs/adr/0010.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from authlib.common.security import generate_token  # type: ignore[import-untyped]
from authlib.common.urls import add_params_to_uri  # type: ignore[import-untyped]
from authlib.oauth2.rfc7636 import create_s256_code_challenge  # type: ignore[import-untyped]
from authlib.oidc.discovery import get_well_known_url  # type: ignore[import-untyped]
from joserfc import jwk

from adapters.identity.id_token import ACR_RANK, IdTokenVerifier, LoginRefused
from adapters.identity.keys import JwksCache
from adapters.identity.oauth_client import OAuthError, provider_client

__all__ = ["AuthRequest", "LoginRefused", "OidcRelyingParty"]

log = logging.getLogger(__name__)

DISCOVERY_MAX_AGE = 24 * 3600


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthRequest:
    """What the RP keeps between the redirect and the callback."""

    url: str
    state: str
    nonce: str
    code_verifier: str


class OidcRelyingParty:
    """One client at one OpenID provider; ``transport`` may route to the dev provider in-process."""

    def __init__(
        self,
        *,
        issuer: str,
        client_id: str,
        client_key: jwk.RSAKey,
        redirect_uri: str,
        scope: str = "openid profile",
        min_acr: str = "idporten-loa-substantial",
        transport: httpx.AsyncBaseTransport | None = None,
        event_hooks: Mapping[str, list[Callable[..., Any]]] | None = None,
        now: Callable[[], float] = time.time,
    ) -> None:
        if min_acr not in ACR_RANK:
            raise ValueError(f"unknown acr {min_acr!r}")
        self.issuer = issuer.rstrip("/")
        self.client_id = client_id
        self._key = client_key
        self.redirect_uri = redirect_uri
        self.min_acr = min_acr
        self._now = now
        self._client = provider_client(
            client_id=client_id,
            client_key=client_key,
            audience=self.issuer,
            redirect_uri=redirect_uri,
            scope=scope,
            now=now,
            transport=transport,
            event_hooks=event_hooks,
        )
        self._metadata: dict[str, Any] | None = None
        self._metadata_at = 0.0
        self._id_tokens = IdTokenVerifier(
            issuer=self.issuer,
            client_id=client_id,
            min_acr=min_acr,
            jwks=JwksCache(self._client, self._jwks_uri),
            now=now,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def metadata(self) -> dict[str, Any]:
        """Discovery, cached for a day."""
        if self._metadata is None or self._now() - self._metadata_at > DISCOVERY_MAX_AGE:
            response = await self._client.get(get_well_known_url(self.issuer, external=True))
            response.raise_for_status()
            data = response.json()
            if data.get("issuer") != self.issuer:
                raise RuntimeError("discovery document names another issuer")
            self._metadata, self._metadata_at = data, self._now()
        return self._metadata

    async def _jwks_uri(self) -> str:
        return str((await self.metadata())["jwks_uri"])

    def client_assertion(self) -> str:
        """A fresh ``private_key_jwt`` assertion, exactly as the PAR and token requests carry."""
        return self._client.client_assertion()

    async def authorization_request(self, *, locale: str) -> AuthRequest:
        """Push the request (PAR) and return the browser URL plus the secrets to keep."""
        meta = await self.metadata()
        state, nonce, verifier = generate_token(32), generate_token(32), generate_token(64)
        form = {
            "response_type": "code",
            "redirect_uri": self.redirect_uri,
            "scope": self._client.scope,
            "state": state,
            "nonce": nonce,
            "code_challenge": create_s256_code_challenge(verifier),
            "code_challenge_method": "S256",
            "acr_values": self.min_acr,
            "ui_locales": locale,
        }
        response = await self._client.post(
            meta["pushed_authorization_request_endpoint"],
            data=form,
            auth=self._client.authenticated(),
        )
        if response.status_code not in (200, 201):
            log.warning("PAR refused: %s", _oauth_error(response))
            raise LoginRefused("The identity provider refused the login request.")
        query = [("client_id", self.client_id), ("request_uri", response.json()["request_uri"])]
        return AuthRequest(
            url=add_params_to_uri(meta["authorization_endpoint"], query),
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
        try:
            token = await self._client.fetch_token(
                meta["token_endpoint"],
                grant_type="authorization_code",
                code=code,
                code_verifier=code_verifier,
            )
        except OAuthError as e:
            log.warning("token request refused: %s: %s", e.error, e.description)
            raise LoginRefused("The identity provider refused the token request.") from None
        except (httpx.HTTPStatusError, ValueError) as e:
            log.warning("token request failed: %s", type(e).__name__)
            raise LoginRefused("The identity provider refused the token request.") from None
        id_token = token.get("id_token")
        if not isinstance(id_token, str):
            raise LoginRefused("The identity provider returned no id_token.")
        return id_token

    async def verify_id_token(self, id_token: str, *, nonce: str) -> dict[str, Any]:
        """The id_token's signature and claims (see ``IdTokenVerifier``); raises ``LoginRefused``."""
        return await self._id_tokens.verify(id_token, nonce=nonce)

    async def end_session_url(
        self, *, id_token_hint: str | None, post_logout_redirect_uri: str, state: str
    ) -> str | None:
        meta = await self.metadata()
        endpoint = meta.get("end_session_endpoint")
        if not endpoint:
            return None
        params = [("post_logout_redirect_uri", post_logout_redirect_uri), ("state", state)]
        if id_token_hint:
            params.insert(0, ("id_token_hint", id_token_hint))
        else:
            params.append(("client_id", self.client_id))
        return str(add_params_to_uri(endpoint, params))


def _oauth_error(response: httpx.Response) -> str:
    try:
        body = response.json()
        return f"{response.status_code} {body.get('error')}: {body.get('error_description')}"
    except ValueError:
        return str(response.status_code)
