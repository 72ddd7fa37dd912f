"""Authlib's async httpx OAuth 2 client as the relying party uses it: ``private_key_jwt`` the ID-porten way, no user token kept."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from typing import Any

import httpx
from authlib.common.urls import add_params_to_qs  # type: ignore[import-untyped]
from authlib.deprecate import AuthlibDeprecationWarning  # type: ignore[import-untyped]
from authlib.oauth2.rfc7523 import PrivateKeyJWT, private_key_jwt_sign  # type: ignore[import-untyped]
from joserfc import jwk

with warnings.catch_warnings():
    # Authlib 1.9 prefers the httpx2 package and warns when it falls back to httpx, which this
    # service uses throughout (transports, ASGI test clients); see docs/adr/0010.
    warnings.simplefilter("ignore", AuthlibDeprecationWarning)
    from authlib.integrations.httpx_client import (  # type: ignore[import-untyped]
        AsyncOAuth2Client,
        OAuthError,
    )

__all__ = ["ClientAssertion", "OAuthError", "ProviderClient", "provider_client"]

AUTH_METHOD = "private_key_jwt"
ASSERTION_LIFETIME = 60
HTTP_TIMEOUT = httpx.Timeout(10.0)


class ClientAssertion(PrivateKeyJWT):  # type: ignore[misc]
    """``private_key_jwt`` as ID-porten wants it, where Authlib's defaults differ: ``aud`` is the
    issuer (not the endpoint), the assertion lives one minute (not an hour), the header names the
    ``kid``, and the ``client_id`` form parameter travels beside the assertion."""

    def __init__(self, *, audience: str, kid: str | None, now: Callable[[], float]) -> None:
        super().__init__(token_endpoint=audience, headers={"kid": kid} if kid else None)
        self._now = now

    def sign(self, auth: Any, token_endpoint: str) -> str:
        return str(
            private_key_jwt_sign(
                auth.client_secret,
                client_id=auth.client_id,
                token_endpoint=token_endpoint,
                alg=self.alg,
                header=dict(self.headers or {}),
                issued_at=int(self._now()),
                expires_in=ASSERTION_LIFETIME,
            )
        )

    def __call__(
        self, auth: Any, method: str, uri: str, headers: Any, body: Any
    ) -> tuple[str, Any, Any]:
        body = add_params_to_qs(body or "", [("client_id", auth.client_id)])
        return super().__call__(auth, method, uri, headers, body)  # type: ignore[no-any-return]


class ProviderClient(AsyncOAuth2Client):  # type: ignore[misc]
    """One client serves every login, so it never keeps a user's token nor sends one: plain
    requests (discovery, JWKS) go out without, and a token response is handed back, not stored."""

    async def request(self, method: str, url: Any, **kwargs: Any) -> httpx.Response:
        kwargs["withhold_token"] = True
        return await super().request(method, url, **kwargs)  # type: ignore[no-any-return]

    def parse_response_token(self, resp: httpx.Response) -> dict[str, Any]:
        token = dict(super().parse_response_token(resp))
        self.token = None
        return token

    def authenticated(self) -> httpx.Auth:
        """The client authentication of the token request, for other endpoints (PAR)."""
        return self.client_auth(self.token_endpoint_auth_method)  # type: ignore[no-any-return]

    def client_assertion(self) -> str:
        """A fresh assertion, as the authenticated requests carry."""
        auth = self.client_auth(self.token_endpoint_auth_method)
        return str(auth.auth_method.sign(auth, auth.auth_method.token_endpoint))


def provider_client(
    *,
    client_id: str,
    client_key: jwk.RSAKey,
    audience: str,
    redirect_uri: str,
    scope: str,
    now: Callable[[], float],
    transport: httpx.AsyncBaseTransport | None = None,
    event_hooks: Mapping[str, list[Callable[..., Any]]] | None = None,
) -> ProviderClient:
    """An Authlib client authenticating with ``client_key`` (PKCE S256 on the code grant)."""
    client = ProviderClient(
        client_id=client_id,
        client_secret=client_key,
        token_endpoint_auth_method=AUTH_METHOD,
        redirect_uri=redirect_uri,
        scope=scope,
        code_challenge_method="S256",
        timeout=HTTP_TIMEOUT,
        transport=transport,
        event_hooks=dict(event_hooks or {}),
    )
    client.register_client_auth_method(
        ClientAssertion(audience=audience, kid=client_key.kid, now=now)
    )
    return client
