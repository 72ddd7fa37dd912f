"""Security headers: a strict CSP on every HTML page (SPA, API docs, dev IdP), no inline script, HSTS under https."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import httpx

from api.app import create_app
from api.middleware.security_headers import HeaderPolicy
from api.rest import docs
from api.settings import Settings
from tests.conftest import ROOT


class Scripts(HTMLParser):
    """Every ``<script>``: its attributes and whether it has a body (inline code)."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str]] = []
        self._open: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._open = {k: v or "" for k, v in attrs}
            self.scripts.append(self._open)

    def handle_data(self, data: str) -> None:
        if self._open is not None and data.strip():
            self._open["inline"] = data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._open = None


def scripts(html: str) -> list[dict[str, str]]:
    parser = Scripts()
    parser.feed(html)
    return parser.scripts


def directives(policy: str) -> dict[str, list[str]]:
    parts = [d.split() for d in policy.split(";") if d.strip()]
    return {p[0]: p[1:] for p in parts}


def assert_strict(policy: str) -> dict[str, list[str]]:
    d = directives(policy)
    assert d["default-src"] == ["'self'"]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in d[directive]
        assert "'unsafe-eval'" not in d[directive]
    assert d["object-src"] == ["'none'"]
    assert d["base-uri"] == ["'none'"]
    assert d["frame-ancestors"] == ["'none'"]
    assert d["form-action"][0] == "'self'"
    assert d["img-src"] == ["'self'", "data:"]
    return d


async def test_the_spa_page_has_a_strict_csp_and_no_inline_script(client) -> None:
    r = await client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    d = assert_strict(r.headers["content-security-policy"])
    assert d["script-src"] == ["'self'"]
    assert d["style-src"] == ["'self'"]
    assert all("src" in s and "inline" not in s for s in scripts(r.text))
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["x-content-type-options"] == "nosniff"


async def test_a_client_side_route_gets_the_same_policy(client) -> None:
    r = await client.get("/organisasjoner/ny")
    assert r.status_code == 200
    assert (
        r.headers["content-security-policy"]
        == (await client.get("/")).headers["content-security-policy"]
    )


def test_the_spa_source_page_has_no_inline_script() -> None:
    # What Vite builds index.html from; the built page (checked above when it exists) adds only
    # <script src> and <link> tags.
    found = scripts((ROOT / "frontend" / "index.html").read_text())
    assert found
    assert all(s.get("src") and "inline" not in s for s in found)


async def test_the_api_docs_page_runs_under_a_csp_without_inline_script(client) -> None:
    r = await client.get("/api/docs")
    assert r.status_code == 200
    d = assert_strict(r.headers["content-security-policy"])
    assert d["script-src"] == ["'self'", docs.ASSET_ORIGIN]
    assert d["style-src"] == ["'self'", docs.ASSET_ORIGIN]
    found = scripts(r.text)
    assert [s["src"] for s in found][-1] == docs.INIT_PATH
    assert all(s.get("src") and "inline" not in s for s in found)
    for s in found:
        if s["src"].startswith("https://"):
            assert s["src"].startswith(f"{docs.ASSET_ORIGIN}/")
            assert docs.SWAGGER_UI_VERSION in s["src"]  # one exact version, never "@5"
            assert s["integrity"].startswith("sha384-")
            assert s["crossorigin"] == "anonymous"
    init = await client.get(docs.INIT_PATH)
    assert init.status_code == 200
    assert init.headers["content-type"].startswith("text/javascript")
    assert '"/api/openapi.json"' in init.text


async def test_only_the_docs_page_may_load_from_the_cdn(client) -> None:
    for path in ("/", "/dev-idp/authorize"):
        policy = (await client.get(path)).headers["content-security-policy"]
        assert docs.ASSET_ORIGIN not in policy


async def test_the_dev_idp_picker_runs_under_the_strict_csp(client) -> None:
    start = await client.get("/auth/login")
    page = await client.get(start.headers["location"].removeprefix("http://testserver"))
    assert page.status_code == 200
    d = assert_strict(page.headers["content-security-policy"])
    assert d["script-src"] == ["'self'"]
    assert scripts(page.text) == []
    # The persona form posts to this origin, which form-action 'self' allows.
    assert 'action="/dev-idp/authorize"' in page.text


async def test_json_answers_are_not_stored_and_carry_no_page_policy(client) -> None:
    r = await client.get("/api/openapi.json")
    assert r.headers["cache-control"] == "no-store"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" not in r.headers


async def test_no_hsts_over_http(client) -> None:
    assert "strict-transport-security" not in (await client.get("/")).headers


async def test_hsts_when_served_over_https(settings: Settings, container, demo) -> None:
    https = settings.model_copy(update={"public_base_url": "https://samordna.example"})
    app = create_app(https, container)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="https://samordna.example"
    ) as c:
        for path in ("/", "/api/openapi.json"):
            hsts = (await c.get(path)).headers["strict-transport-security"]
            assert hsts.startswith("max-age=31536000")


def test_form_action_allows_an_external_identity_provider(tmp_path: Path) -> None:
    s = Settings(
        environment="test",
        state_dir=tmp_path,
        public_base_url="https://samordna.example",
        oidc_issuer="https://login.idporten.example/some/path",
    )
    policy = HeaderPolicy.for_settings(s, graphiql=False)
    assert directives(policy.csp)["form-action"] == ["'self'", "https://login.idporten.example"]
    assert policy.hsts is True
    dev = HeaderPolicy.for_settings(Settings(environment="test", state_dir=tmp_path), graphiql=True)
    assert directives(dev.csp)["form-action"] == ["'self'"]  # the dev IdP is this origin
    assert dev.hsts is False
    assert directives(dev.page_policy("/graphql"))["frame-ancestors"] == ["'none'"]
