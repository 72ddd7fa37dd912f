"""Dev identity provider: the browser's way in (the pushed authorization request, the persona picker, the answer)."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from adapters.identity.devidp import pages
from adapters.identity.devidp.assertions import AssertionChecks
from adapters.identity.devidp.model import CODE_TTL, PAR_TTL, Code, OAuthError, Pending, State
from adapters.identity.personas import DevPersona


async def form_of(request: Request) -> dict[str, str]:
    return {k: str(v) for k, v in (await request.form()).items()}


class AuthorizationEndpoints:
    """``/par`` takes the request from the client (authenticated); ``/authorize`` shows the
    picker for it and sends the browser back with a code, or with ``access_denied``."""

    def __init__(
        self,
        *,
        issuer: str,
        path: str,
        checks: AssertionChecks,
        state: State,
        personas: Mapping[str, DevPersona],
        now: Callable[[], float],
    ) -> None:
        self._issuer = issuer
        self._path = path
        self._checks = checks
        self._state = state
        self._personas = personas
        self._now = now

    async def par(self, request: Request) -> Response:
        form = await form_of(request)
        try:
            client = self._checks.authenticate_client(form)
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
            return pages.oauth_error(e)
        self._state.gc(self._now())
        request_uri = f"urn:ietf:params:oauth:request_uri:{secrets.token_urlsafe(24)}"
        self._state.par[request_uri] = Pending(
            client_id=client.client_id, params=form, expires=self._now() + PAR_TTL
        )
        return JSONResponse({"request_uri": request_uri, "expires_in": PAR_TTL}, status_code=201)

    def _pending(self, client_id: str | None, request_uri: str | None) -> Pending | None:
        pending = self._state.par.get(request_uri or "")
        if pending is None or pending.expires < self._now() or pending.client_id != client_id:
            return None
        return pending

    async def authorize_page(self, request: Request) -> Response:
        q = request.query_params
        pending = self._pending(q.get("client_id"), q.get("request_uri"))
        if pending is None:
            return pages.invalid_request(
                "Forespørselen mangler, er brukt eller er utløpt. Gå tilbake og prøv igjen."
            )
        return pages.persona_picker(
            action=f"{self._path}/authorize",
            client_id=pending.client_id,
            request_uri=q["request_uri"],
            personas=self._personas.values(),
        )

    async def authorize_submit(self, request: Request) -> Response:
        form = await form_of(request)
        pending = self._pending(form.get("client_id"), form.get("request_uri"))
        if pending is None:
            return pages.invalid_request("Forespørselen er brukt eller utløpt.")
        del self._state.par[form["request_uri"]]
        params = pending.params
        answer: dict[str, str] = {"state": params["state"], "iss": self._issuer}
        persona = self._personas.get(form.get("persona", ""))
        if form.get("cancel") or persona is None:
            answer["error"] = "access_denied"
            answer["error_description"] = "Innloggingen ble avbrutt."
        else:
            code = secrets.token_urlsafe(32)
            self._state.codes[code] = Code(
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
