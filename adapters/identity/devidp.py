"""The development identity provider: an in-process OIDC (ID-porten profile) and JWT-grant (Maskinporten profile) server.

Real protocol, fake people: discovery, JWKS, PAR, a persona picker, the token endpoint with
authorization code + PKCE + ``private_key_jwt`` and the JWT-bearer grant, and RP-initiated logout.
Never mounted with production settings (the composition root and ``IdentityConfig`` see to that).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlparse

from joserfc import errors as jose_errors
from joserfc import jwk, jwt
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from adapters.identity.keys import (
    ALLOWED_RSA_ALGS,
    load_or_create_key_list,
    load_or_create_rsa_key,
    new_rsa_key,
    public_jwks,
    save_key_list,
    unverified_header,
)
from adapters.identity.personas import ACR_HIGH, MACHINE_CLIENTS, PERSONAS, DevMachine, DevPersona

CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
PAR_TTL = 60
CODE_TTL = 60
ID_TOKEN_TTL = 120
ACCESS_TOKEN_TTL = 120
MAX_ASSERTION_LIFETIME = 120
IAT_SKEW = 10

_ACR_RANK = {"idporten-loa-substantial": 1, ACR_HIGH: 2}


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
class _Pending:
    client_id: str
    params: dict[str, str]
    expires: float


@dataclass(slots=True)
class _Code:
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
class _State:
    par: dict[str, _Pending] = field(default_factory=dict)
    codes: dict[str, _Code] = field(default_factory=dict)
    used_codes: dict[str, float] = field(default_factory=dict)
    jtis: dict[str, float] = field(default_factory=dict)


def _load_or_create_secret(path: Path) -> str:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _b64url_sha256(value: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(value.encode()).digest()).rstrip(b"=").decode()


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
        self._path = urlparse(self.issuer).path.rstrip("/")
        self._key_dir = key_dir
        self._keys_file = key_dir / "signing-keys.json"
        self._signing_keys = load_or_create_key_list(self._keys_file)
        self._clients = {c.client_id: c for c in clients}
        self._personas = {p.key: p for p in personas}
        self._machines = {m.client_id: m for m in machines}
        self._machine_keys = {
            m.client_id: load_or_create_rsa_key(key_dir / f"machine-{m.key}.json")
            for m in self._machines.values()
        }
        self._sub_secret = _load_or_create_secret(key_dir / "subject-secret")
        self._now = now
        self._state = _State()
        self.app = Starlette(
            routes=[
                Route("/.well-known/openid-configuration", self._discovery, methods=["GET"]),
                Route(
                    "/.well-known/oauth-authorization-server", self._as_metadata, methods=["GET"]
                ),
                Route("/jwks", self._jwks, methods=["GET"]),
                Route("/par", self._par, methods=["POST"]),
                Route("/authorize", self._authorize_page, methods=["GET"]),
                Route("/authorize", self._authorize_submit, methods=["POST"]),
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
        i = self.issuer
        return JSONResponse(
            {
                "issuer": i,
                "authorization_endpoint": f"{i}/authorize",
                "pushed_authorization_request_endpoint": f"{i}/par",
                "require_pushed_authorization_requests": True,
                "token_endpoint": f"{i}/token",
                "jwks_uri": f"{i}/jwks",
                "end_session_endpoint": f"{i}/endsession",
                "response_types_supported": ["code"],
                "response_modes_supported": ["query"],
                "grant_types_supported": ["authorization_code", JWT_BEARER_GRANT],
                "subject_types_supported": ["pairwise"],
                "scopes_supported": ["openid", "profile"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
                "token_endpoint_auth_signing_alg_values_supported": ["RS256"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "code_challenge_methods_supported": ["S256"],
                "acr_values_supported": list(_ACR_RANK),
                "ui_locales_supported": ["nb", "nn", "en"],
                "authorization_response_iss_parameter_supported": True,
                "frontchannel_logout_supported": False,
            }
        )

    async def _as_metadata(self, request: Request) -> Response:
        return JSONResponse(
            {
                "issuer": self.machine_issuer,
                "token_endpoint": f"{self.issuer}/token",
                "jwks_uri": f"{self.issuer}/jwks",
                "grant_types_supported": [JWT_BEARER_GRANT],
                "token_endpoint_auth_signing_alg_values_supported": sorted(ALLOWED_RSA_ALGS),
            }
        )

    async def _jwks(self, request: Request) -> Response:
        return JSONResponse(public_jwks(self._signing_keys))

    # -- helpers -----------------------------------------------------------------------------

    def _gc(self) -> None:
        now = self._now()
        s = self._state
        for store in (s.par, s.codes):
            for k in [k for k, v in store.items() if v.expires < now]:
                del store[k]
        for d in (s.used_codes, s.jtis):
            for k in [k for k, exp in d.items() if exp < now]:
                del d[k]

    def _use_jti(self, namespace: str, jti: object, exp: float) -> None:
        if not isinstance(jti, str) or not jti:
            raise OAuthError("invalid_client", "assertion has no jti")
        key = f"{namespace}:{jti}"
        if key in self._state.jtis:
            raise OAuthError("invalid_grant", "assertion jti already used (replay)")
        # Kept a little past expiry, so a replay inside the skew window is still caught.
        self._state.jtis[key] = exp + IAT_SKEW

    def _decode_assertion(self, assertion: str, key: jwk.RSAKey) -> dict[str, Any]:
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

    def _check_lifetime(self, claims: dict[str, Any], *, error: str) -> float:
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

    def _authenticate_client(self, form: dict[str, str]) -> DevClient:
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
        claims = self._decode_assertion(form["client_assertion"], client.public_key)
        if claims.get("iss") != client_id or claims.get("sub") != client_id:
            raise OAuthError("invalid_client", "assertion iss and sub must equal client_id", 401)
        aud = claims.get("aud")
        auds = aud if isinstance(aud, list) else [aud]
        if self.issuer not in auds:
            raise OAuthError("invalid_client", "assertion aud must be the issuer", 401)
        exp = self._check_lifetime(claims, error="invalid_client")
        self._use_jti(f"client:{client_id}", claims.get("jti"), exp)
        return client

    @staticmethod
    def _oauth_error(e: OAuthError) -> Response:
        return JSONResponse(
            {"error": e.error, "error_description": e.description},
            status_code=e.status,
            headers={"Cache-Control": "no-store"},
        )

    @staticmethod
    def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
        return HTMLResponse(
            f'<!doctype html>\n<html lang="nb"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title></head><body><main>{body}</main></body></html>",
            status_code=status,
            headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY"},
        )

    # -- PAR and authorize -------------------------------------------------------------------

    async def _par(self, request: Request) -> Response:
        form = {k: str(v) for k, v in (await request.form()).items()}
        try:
            client = self._authenticate_client(form)
            if form.get("response_type") != "code":
                raise OAuthError("unsupported_response_type", "response_type must be code")
            if form.get("redirect_uri") not in client.redirect_uris:
                raise OAuthError("invalid_request", "redirect_uri is not registered")
            if "openid" not in form.get("scope", "").split():
                raise OAuthError("invalid_scope", "scope must include openid")
            for name in ("state", "nonce", "code_challenge"):
                if not form.get(name):
                    raise OAuthError("invalid_request", f"{name} is required")
            if form.get("code_challenge_method") != "S256":
                raise OAuthError("invalid_request", "code_challenge_method must be S256")
        except OAuthError as e:
            return self._oauth_error(e)
        self._gc()
        request_uri = f"urn:ietf:params:oauth:request_uri:{secrets.token_urlsafe(24)}"
        self._state.par[request_uri] = _Pending(
            client_id=client.client_id, params=form, expires=self._now() + PAR_TTL
        )
        return JSONResponse({"request_uri": request_uri, "expires_in": PAR_TTL}, status_code=201)

    def _pending(self, client_id: str | None, request_uri: str | None) -> _Pending | None:
        pending = self._state.par.get(request_uri or "")
        if pending is None or pending.expires < self._now() or pending.client_id != client_id:
            return None
        return pending

    async def _authorize_page(self, request: Request) -> Response:
        q = request.query_params
        pending = self._pending(q.get("client_id"), q.get("request_uri"))
        if pending is None:
            return self._page(
                "Ugyldig innloggingsforespørsel",
                "<h1>Ugyldig innloggingsforespørsel</h1><p>Forespørselen mangler, er brukt eller "
                "er utløpt. Gå tilbake og prøv igjen.</p>",
                400,
            )
        esc = html.escape
        buttons = "\n".join(
            f'<li><button type="submit" name="persona" value="{esc(p.key)}">'
            f"<strong>{esc(p.display_name)}</strong></button> "
            f"<span>{esc(p.description)} Sikkerhetsnivå: "
            f"{'høyt' if p.acr == ACR_HIGH else 'betydelig'}.</span></li>"
            for p in self._personas.values()
        )
        body = (
            "<h1>Logg inn i Samordna</h1>"
            "<p>Dette er utviklingsversjonen av innloggingen. Personene er oppdiktet og har "
            "syntetiske fødselsnumre.</p>"
            f'<form method="post" action="{esc(self._path)}/authorize">'
            f'<input type="hidden" name="client_id" value="{esc(pending.client_id)}">'
            f'<input type="hidden" name="request_uri" value="{esc(q["request_uri"])}">'
            f"<fieldset><legend>Velg hvem du vil logge inn som</legend><ul>{buttons}</ul>"
            "</fieldset>"
            '<p><button type="submit" name="cancel" value="1">Avbryt innloggingen</button></p>'
            "</form>"
        )
        return self._page("Logg inn – utviklings-ID-porten", body)

    async def _authorize_submit(self, request: Request) -> Response:
        form = {k: str(v) for k, v in (await request.form()).items()}
        pending = self._pending(form.get("client_id"), form.get("request_uri"))
        if pending is None:
            return self._page(
                "Ugyldig innloggingsforespørsel",
                "<h1>Ugyldig innloggingsforespørsel</h1><p>Forespørselen er brukt eller utløpt.</p>",
                400,
            )
        del self._state.par[form["request_uri"]]
        params = pending.params
        answer: dict[str, str] = {"state": params["state"], "iss": self.issuer}
        persona = self._personas.get(form.get("persona", ""))
        if form.get("cancel") or persona is None:
            answer["error"] = "access_denied"
            answer["error_description"] = "Innloggingen ble avbrutt."
        else:
            code = secrets.token_urlsafe(32)
            self._state.codes[code] = _Code(
                client_id=pending.client_id,
                redirect_uri=params["redirect_uri"],
                code_challenge=params["code_challenge"],
                nonce=params["nonce"],
                persona=persona,
                locale=(params.get("ui_locales") or "nb").split()[0],
                sid=secrets.token_urlsafe(16),
                auth_time=int(self._now()),
                expires=self._now() + CODE_TTL,
            )
            answer["code"] = code
        return RedirectResponse(f"{params['redirect_uri']}?{urlencode(answer)}", status_code=302)

    # -- token -------------------------------------------------------------------------------

    async def _token(self, request: Request) -> Response:
        form = {k: str(v) for k, v in (await request.form()).items()}
        self._gc()
        try:
            grant = form.get("grant_type")
            if grant == "authorization_code":
                body = self._authorization_code(form)
            elif grant == JWT_BEARER_GRANT:
                body = self._jwt_bearer(form)
            else:
                raise OAuthError("unsupported_grant_type", "unsupported grant_type")
        except OAuthError as e:
            return self._oauth_error(e)
        return JSONResponse(body, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})

    def _subject(self, client_id: str, pid: str) -> str:
        mac = hmac.new(self._sub_secret.encode(), f"{client_id}|{pid}".encode(), hashlib.sha256)
        return base64.urlsafe_b64encode(mac.digest()[:24]).decode()

    def _authorization_code(self, form: dict[str, str]) -> dict[str, Any]:
        client = self._authenticate_client(form)
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
        if not verifier or not hmac.compare_digest(_b64url_sha256(verifier), grant.code_challenge):
            raise OAuthError("invalid_grant", "PKCE code_verifier does not match")
        now = int(self._now())
        p = grant.persona
        id_token = self._sign(
            {
                "iss": self.issuer,
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
        )
        return {
            "access_token": secrets.token_urlsafe(32),
            "id_token": id_token,
            "token_type": "Bearer",
            "expires_in": ID_TOKEN_TTL,
            "scope": "openid profile",
        }

    def _jwt_bearer(self, form: dict[str, str]) -> dict[str, Any]:
        """Maskinporten's grant: a signed assertion in, a JWT access token out."""
        assertion = form.get("assertion", "")
        # The assertion's issuer picks the key: peek at it unverified, then verify properly.
        iss = _peek_claim(assertion, "iss")
        machine = self._machines.get(iss) if isinstance(iss, str) else None
        if machine is None:
            raise OAuthError("invalid_client", "unknown client in assertion iss")
        claims = self._decode_assertion(assertion, self._machine_keys[machine.client_id])
        aud = claims.get("aud")
        if aud != self.machine_issuer and not (
            isinstance(aud, list) and self.machine_issuer in aud
        ):
            raise OAuthError(
                "invalid_grant", "assertion aud must be the issuer with trailing slash"
            )
        exp = self._check_lifetime(claims, error="invalid_grant")
        requested = set(str(claims.get("scope", "")).split())
        if not requested:
            raise OAuthError("invalid_scope", "no scope requested")
        if not requested <= machine.scopes:
            raise OAuthError("invalid_scope", "scope not allowed for this client")
        self._use_jti(f"machine:{machine.client_id}", claims.get("jti"), exp)
        now = int(self._now())
        scope = " ".join(sorted(requested))
        token_claims: dict[str, Any] = {
            "iss": self.machine_issuer,
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
            "access_token": self._sign(token_claims, typ="at+jwt"),
            "token_type": "Bearer",
            "expires_in": ACCESS_TOKEN_TTL,
            "scope": scope,
        }

    # -- logout ------------------------------------------------------------------------------

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
                return self._page(
                    "Ugyldig utlogging",
                    "<h1>Ugyldig utlogging</h1><p>Adressen du skulle sendes til er ikke "
                    "registrert.</p>",
                    400,
                )
            state = q.get("state")
            suffix = f"?{urlencode({'state': state})}" if state else ""
            return RedirectResponse(f"{target}{suffix}", status_code=302)
        return self._page("Logget ut", "<h1>Du er logget ut</h1>")


def _peek_claim(token: str, name: str) -> object:
    """One claim of a JWS payload, NOT verified: only used to choose the verification key."""
    try:
        segment = token.split(".")[1]
        payload = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    except (ValueError, IndexError):
        return None
    return payload.get(name) if isinstance(payload, dict) else None
