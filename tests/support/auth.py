"""Test support: log in through the REAL browser flow with the dev identity provider, or get a real machine token.

Nothing is faked: ``login`` follows the redirects (app -> dev IdP picker -> form post -> app
callback) exactly as a browser would, and ``machine_token`` signs a JWT-grant assertion with the
machine persona's key and asks the dev IdP's token endpoint for an access token.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from adapters.identity.devidp import JWT_BEARER_GRANT
from adapters.identity.keys import load_rsa_key
from adapters.identity.personas import machine
from adapters.identity.wiring import machine_assertion
from api.bootstrap import identity_config
from api.settings import Settings


class PersonaForm(HTMLParser):
    """The picker's ``<form method=post>``: its action, hidden fields and persona buttons."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.method: str | None = None
        self.hidden: dict[str, str] = {}
        self.personas: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and self.action is None:
            self.action, self.method = a.get("action", ""), a.get("method", "get").lower()
        elif tag == "input" and a.get("type") == "hidden":
            self.hidden[a["name"]] = a.get("value", "")
        elif tag == "button" and a.get("name") == "persona":
            self.personas.append(a.get("value", ""))


def parse_persona_form(html: str) -> PersonaForm:
    form = PersonaForm()
    form.feed(html)
    if form.action is None or form.method != "post":
        raise AssertionError("the dev IdP page has no <form method=post>")
    return form


def _local(client: httpx.AsyncClient, url: str) -> str:
    """The app serves the dev IdP too: keep path and query, so the test client's host and
    cookie jar are used whatever public base URL the app was configured with. A client without
    a base URL (talking to the dev IdP alone) keeps the absolute URL."""
    if not client.base_url.host:
        return url
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


async def choose_persona(
    client: httpx.AsyncClient, authorize_url: str, persona: str
) -> httpx.Response:
    """Open the picker page and submit the form with the persona's button; returns the IdP's 302."""
    page = await client.get(_local(client, authorize_url))
    assert page.status_code == 200, page.text
    form = parse_persona_form(page.text)
    assert persona in form.personas, f"persona {persona!r} not offered: {form.personas}"
    action = urljoin(authorize_url, form.action or "")
    answer = await client.post(_local(client, action), data={**form.hidden, "persona": persona})
    assert answer.status_code == 302, answer.text
    return answer


async def login(client: httpx.AsyncClient, persona: str, return_to: str = "/") -> str:
    """Log ``persona`` in; leaves the session cookie in ``client``'s jar and returns the CSRF token."""
    start = await client.get("/auth/login", params={"returnTo": return_to, "lang": "nb"})
    assert start.status_code == 302, start.text
    answer = await choose_persona(client, start.headers["location"], persona)
    back = await client.get(_local(client, answer.headers["location"]))
    assert back.status_code == 302, back.text
    me = await client.get("/api/me")
    if me.status_code != 200:
        return ""  # e.g. a persona without access: logged in, but /api/me is 403
    token = me.json().get("csrfToken")
    assert isinstance(token, str)
    return token


def _settings(client: httpx.AsyncClient) -> Settings:
    # The key files and the audience are the app's; it is reachable through the ASGI transport.
    app: Any = getattr(client._transport, "app", None)
    container = getattr(getattr(app, "state", None), "container", None)
    if container is not None:
        return container.settings  # type: ignore[no-any-return]
    return Settings()


async def machine_token(
    client: httpx.AsyncClient,
    machine_persona: str,
    scopes: list[str],
    *,
    resource: str | None = None,
) -> str:
    """A real access token for a machine persona from the dev IdP (JWT-bearer grant), for the
    app's machine audience unless another ``resource`` is asked for."""
    meta = (await client.get("/dev-idp/.well-known/oauth-authorization-server")).json()
    m = machine(machine_persona)
    settings = _settings(client)
    key = load_rsa_key(Path(settings.state_dir) / "dev-idp" / f"machine-{m.key}.json")
    resource = resource or identity_config(settings).effective_machine_audience
    assertion = machine_assertion(
        key, client_id=m.client_id, audience=meta["issuer"], scopes=scopes, resource=resource
    )
    response = await client.post(
        _local(client, meta["token_endpoint"]),
        data={"grant_type": JWT_BEARER_GRANT, "assertion": assertion},
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])
