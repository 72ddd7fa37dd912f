"""Identity wiring: builds the authenticator, login flow and (in development) the dev identity provider from ``IdentityConfig``."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlparse

import httpx
from joserfc import jwk, jwt
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.types import ASGIApp

from adapters.identity.config import IdentityConfig
from adapters.identity.devidp import JWT_BEARER_GRANT, DevClient, DevIdentityProvider
from adapters.identity.keys import load_or_create_rsa_key, load_rsa_key
from adapters.identity.machine import MachineTokenVerifier
from adapters.identity.oidc import OidcRelyingParty
from adapters.identity.service import IdentityAuthenticator, OidcLoginFlow
from adapters.identity.sessions import PgSessionStore
from domain.shared.identity import AccessDirectory

HTTP_TIMEOUT = httpx.Timeout(10.0)


class DevRoutingTransport(httpx.AsyncBaseTransport):
    """Requests under the dev issuer go to its ASGI app in-process (no network loop); others out."""

    def __init__(self, issuer: str, app: ASGIApp) -> None:
        self._prefix = issuer.rstrip("/")
        self._asgi = httpx.ASGITransport(app=app, root_path=urlparse(self._prefix).path)
        self._net = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        if url == self._prefix or url.startswith(f"{self._prefix}/"):
            return await self._asgi.handle_async_request(request)
        return await self._net.handle_async_request(request)

    async def aclose(self) -> None:
        await self._asgi.aclose()
        await self._net.aclose()


@dataclass(slots=True, kw_only=True)
class Identity:
    """What the composition root gets: the two ports, the dev provider's ASGI app (or None)."""

    authenticator: IdentityAuthenticator
    login_flow: OidcLoginFlow
    dev_idp: ASGIApp | None
    dev_provider: DevIdentityProvider | None
    http: httpx.AsyncClient
    rp: OidcRelyingParty

    async def aclose(self) -> None:
        await self.rp.aclose()
        await self.http.aclose()


def _client_key(config: IdentityConfig) -> jwk.RSAKey:
    if config.oidc_client_key_file is not None:
        return load_rsa_key(config.oidc_client_key_file)
    if config.dev_idp_enabled:
        return load_or_create_rsa_key(config.dev_idp_dir / "rp-client.json")
    raise ValueError("an OIDC client key file is required without the dev identity provider")


def build_dev_provider(config: IdentityConfig, client_key: jwk.RSAKey) -> DevIdentityProvider:
    client = DevClient(
        client_id=config.oidc_client_id,
        public_key=jwk.RSAKey.import_key(client_key.as_dict(private=False)),
        redirect_uris=frozenset({config.redirect_uri}),
        post_logout_redirect_uris=frozenset({config.post_logout_redirect_uri}),
    )
    return DevIdentityProvider(
        issuer=config.dev_idp_issuer, key_dir=config.dev_idp_dir, clients=[client]
    )


def build_identity(
    config: IdentityConfig, engine: AsyncEngine, directory: AccessDirectory
) -> Identity:
    """Raises ``ValueError`` when neither a real issuer nor the dev identity provider is configured."""
    oidc_issuer = config.effective_oidc_issuer
    machine_issuer = config.effective_machine_issuer
    client_key = _client_key(config)
    dev = build_dev_provider(config, client_key) if config.dev_idp_enabled else None

    def transport() -> httpx.AsyncBaseTransport | None:
        # One each: a client closes its transport when it is closed.
        return DevRoutingTransport(dev.issuer, dev.app) if dev is not None else None

    http = httpx.AsyncClient(transport=transport(), timeout=HTTP_TIMEOUT)
    rp = OidcRelyingParty(
        issuer=oidc_issuer,
        client_id=config.oidc_client_id,
        client_key=client_key,
        redirect_uri=config.redirect_uri,
        scope=config.oidc_scope,
        min_acr=config.oidc_min_acr,
        transport=transport(),
    )
    sessions = PgSessionStore(
        engine,
        idle=timedelta(minutes=config.session_idle_minutes),
        absolute=timedelta(minutes=config.session_max_minutes),
    )
    jwks_uri = config.machine_jwks_uri
    if jwks_uri is None and dev is not None and machine_issuer == dev.machine_issuer:
        jwks_uri = f"{dev.issuer}/jwks"
    verifier = MachineTokenVerifier(
        issuer=machine_issuer,
        http=http,
        jwks_uri=jwks_uri,
        audience=config.effective_machine_audience,
    )
    return Identity(
        authenticator=IdentityAuthenticator(
            sessions=sessions, directory=directory, verifier=verifier
        ),
        login_flow=OidcLoginFlow(
            rp=rp,
            sessions=sessions,
            directory=directory,
            person_key_secret=config.person_key_secret,
        ),
        dev_idp=dev.app if dev is not None else None,
        dev_provider=dev,
        http=http,
        rp=rp,
    )


def machine_assertion(
    key: jwk.RSAKey,
    *,
    client_id: str,
    audience: str,
    scopes: list[str],
    lifetime: int = 60,
    now: float | None = None,
    jti: str | None = None,
    resource: str | None = None,
) -> str:
    """A Maskinporten-style JWT grant assertion signed with the client's key."""
    issued = int(time.time() if now is None else now)
    claims: dict[str, Any] = {
        "aud": audience,
        "iss": client_id,
        "scope": " ".join(scopes),
        "iat": issued,
        "exp": issued + lifetime,
        "jti": jti or secrets.token_urlsafe(24),
    }
    if resource is not None:
        claims["resource"] = resource
    return jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)


async def dev_machine_token(config: IdentityConfig, machine_persona: str, scopes: list[str]) -> str:
    """A real access token from the dev provider for a machine persona (for the CLI and README)."""
    client_key = _client_key(config)
    dev = build_dev_provider(config, client_key)
    machine, key = dev.machine_key(machine_persona)
    assertion = machine_assertion(
        key,
        client_id=machine.client_id,
        audience=dev.machine_issuer,
        scopes=scopes,
        resource=config.effective_machine_audience,
    )
    transport = httpx.ASGITransport(app=dev.app, root_path=urlparse(dev.issuer).path)
    async with httpx.AsyncClient(transport=transport, timeout=HTTP_TIMEOUT) as http:
        response = await http.post(
            f"{dev.issuer}/token", data={"grant_type": JWT_BEARER_GRANT, "assertion": assertion}
        )
    if response.status_code != 200:
        body = response.json()
        raise RuntimeError(f"dev token request refused: {body.get('error_description')}")
    return str(response.json()["access_token"])
