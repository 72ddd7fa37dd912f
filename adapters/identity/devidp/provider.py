"""Dev identity provider: the provider itself, its keys and its routes (discovery, JWKS, PAR, authorize, token, end session)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlparse

from joserfc import errors as jose_errors
from joserfc import jwk, jwt
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from adapters.identity.devidp import metadata, pages
from adapters.identity.devidp.assertions import AssertionChecks
from adapters.identity.devidp.authorize import AuthorizationEndpoints, form_of
from adapters.identity.devidp.grants import TokenGrants
from adapters.identity.devidp.model import (
    JWT_BEARER_GRANT,
    DevClient,
    OAuthError,
    State,
    load_or_create_secret,
)
from adapters.identity.keys import (
    load_or_create_key_list,
    load_or_create_rsa_key,
    new_rsa_key,
    public_jwks,
    save_key_list,
)
from adapters.identity.personas import MACHINE_CLIENTS, PERSONAS, DevMachine, DevPersona


class DevIdentityProvider:
    """The dev provider. ``app`` is the ASGI app to mount at the issuer's path (``/dev-idp``)."""

    def __init__(
        self,
        *,
        issuer: str,
        key_dir: Path,
        clients: Iterable[DevClient],
        personas: Iterable[DevPersona] = PERSONAS,
        machines: Iterable[DevMachine] = MACHINE_CLIENTS,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.issuer = issuer.rstrip("/")
        self.machine_issuer = f"{self.issuer}/"
        self._keys_file = key_dir / "signing-keys.json"
        self._signing_keys = load_or_create_key_list(self._keys_file)
        self._clients = {c.client_id: c for c in clients}
        self._machines = {m.client_id: m for m in machines}
        self._machine_keys = {
            m.client_id: load_or_create_rsa_key(key_dir / f"machine-{m.key}.json")
            for m in self._machines.values()
        }
        self._now = now
        self._state = State()
        checks = AssertionChecks(
            issuer=self.issuer, clients=self._clients, state=self._state, now=now
        )
        self._grants = TokenGrants(
            issuer=self.issuer,
            machine_issuer=self.machine_issuer,
            checks=checks,
            state=self._state,
            sign=self._sign,
            subject_secret=load_or_create_secret(key_dir / "subject-secret"),
            machines=self._machines,
            machine_keys=self._machine_keys,
            now=now,
        )
        browser = AuthorizationEndpoints(
            issuer=self.issuer,
            path=urlparse(self.issuer).path.rstrip("/"),
            checks=checks,
            state=self._state,
            personas={p.key: p for p in personas},
            now=now,
        )
        self.app = Starlette(
            routes=[
                Route("/.well-known/openid-configuration", self._discovery, methods=["GET"]),
                Route(
                    "/.well-known/oauth-authorization-server", self._as_metadata, methods=["GET"]
                ),
                Route("/jwks", self._jwks, methods=["GET"]),
                Route("/par", browser.par, methods=["POST"]),
                Route("/authorize", browser.authorize_page, methods=["GET"]),
                Route("/authorize", browser.authorize_submit, methods=["POST"]),
                Route("/token", self._token, methods=["POST"]),
                Route("/endsession", self._endsession, methods=["GET"]),
            ]
        )

    # -- keys --------------------------------------------------------------------------------

    @property
    def signing_key(self) -> jwk.RSAKey:
        return self._signing_keys[-1]

    def rotate_signing_key(self) -> str:
        """Add a new signing key (newest signs from now on; older ones stay in the JWKS). Returns its kid."""
        key = new_rsa_key()
        self._signing_keys.append(key)
        save_key_list(self._keys_file, self._signing_keys)
        return str(key.kid)

    def machine_key(self, machine_persona: str) -> tuple[DevMachine, jwk.RSAKey]:
        """A machine persona and its private key (dev tooling signs assertions with it)."""
        for m in self._machines.values():
            if m.key == machine_persona:
                return m, self._machine_keys[m.client_id]
        raise KeyError(f"unknown machine persona {machine_persona!r}")

    def _sign(self, claims: dict[str, Any], typ: str = "JWT") -> str:
        key = self.signing_key
        return jwt.encode({"alg": "RS256", "kid": key.kid, "typ": typ}, claims, key)

    # -- metadata ----------------------------------------------------------------------------

    async def _discovery(self, request: Request) -> Response:
        return JSONResponse(metadata.openid_configuration(self.issuer))

    async def _as_metadata(self, request: Request) -> Response:
        return JSONResponse(metadata.authorization_server(self.issuer, self.machine_issuer))

    async def _jwks(self, request: Request) -> Response:
        return JSONResponse(public_jwks(self._signing_keys))

    # -- token and logout --------------------------------------------------------------------

    async def _token(self, request: Request) -> Response:
        form = await form_of(request)
        self._state.gc(self._now())
        try:
            grant = form.get("grant_type")
            if grant == "authorization_code":
                body = self._grants.authorization_code(form)
            elif grant == JWT_BEARER_GRANT:
                body = self._grants.jwt_bearer(form)
            else:
                raise OAuthError("unsupported_grant_type", "unsupported grant_type")
        except OAuthError as e:
            return pages.oauth_error(e)
        return JSONResponse(body, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})

    async def _endsession(self, request: Request) -> Response:
        q = request.query_params
        target = q.get("post_logout_redirect_uri")
        client: DevClient | None = None
        hint = q.get("id_token_hint")
        if hint:
            try:
                # An expired id_token is still a fine hint; only the signature and issuer matter.
                claims = jwt.decode(hint, jwk.KeySet(list(self._signing_keys))).claims
                if claims.get("iss") == self.issuer:
                    client = self._clients.get(str(claims.get("aud")))
            except jose_errors.JoseError:
                client = None
        if target:
            if client is None or target not in client.post_logout_redirect_uris:
                return pages.invalid_logout()
            state = q.get("state")
            suffix = f"?{urlencode({'state': state})}" if state else ""
            return RedirectResponse(f"{target}{suffix}", status_code=302)
        return pages.logged_out()
