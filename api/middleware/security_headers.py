"""Security headers on every answer: no-store where private, nosniff, no framing, a strict CSP on HTML, HSTS."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.rest import docs
from api.settings import Settings

NO_STORE_PREFIXES = ("/api", "/graphql", "/auth", "/dev-idp")
HSTS = "max-age=31536000; includeSubDomains"


def origin(url: str) -> str:
    """``https://host[:port]`` of a URL (what CSP source lists name)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(
    *,
    script: Iterable[str] = (),
    style: Iterable[str] = (),
    form_action: Iterable[str] = (),
) -> str:
    """The strict page policy: own files only, no inline script, no plugins, no framing.

    ``style-src`` needs no ``'unsafe-inline'`` either: React's ``style`` props and the floating
    UI set styles through the CSSOM, and Designsystemet's web components use constructed
    stylesheets, neither of which CSP governs; nothing in the SPA writes a ``style`` attribute
    or a ``<style>`` element as markup.
    """
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script],
        "style-src": ["'self'", *style],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'", *form_action],
    }
    return "; ".join(f"{name} {' '.join(dict.fromkeys(v))}" for name, v in directives.items())


# GraphiQL (development only; never served in production) is Strawberry's page: inline script and
# unpkg assets. It keeps the framing and plugin bans; a script policy would only break it.
GRAPHIQL_CSP = "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"


@dataclass(frozen=True, slots=True, kw_only=True)
class HeaderPolicy:
    """``csp`` goes on HTML answers; ``csp_by_prefix`` overrides it for the pages under a path
    that need another; ``hsts`` when the app is served over https."""

    csp: str
    csp_by_prefix: tuple[tuple[str, str], ...] = ()
    hsts: bool = False

    @classmethod
    def for_settings(cls, settings: Settings, *, graphiql: bool) -> HeaderPolicy:
        own, idp = origin(settings.public_base_url), origin(settings.effective_oidc_issuer)
        # The identity provider's origin, should a login form ever post (or redirect) there.
        form_action = [] if idp == own else [idp]
        docs_csp = content_security_policy(
            script=[docs.ASSET_ORIGIN], style=[docs.ASSET_ORIGIN], form_action=form_action
        )
        by_prefix = [(docs.DOCS_PATH, docs_csp)]
        if graphiql:
            by_prefix.append(("/graphql", GRAPHIQL_CSP))
        return cls(
            csp=content_security_policy(form_action=form_action),
            csp_by_prefix=tuple(by_prefix),
            hsts=settings.public_base_url.startswith("https://"),
        )

    def page_policy(self, path: str) -> str:
        for prefix, policy in self.csp_by_prefix:
            if path == prefix or path.startswith(f"{prefix}/"):
                return policy
        return self.csp


_FIXED = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
)
_NO_STORE = (b"cache-control", b"no-store")


class SecurityHeaders:
    """Pure ASGI (no per-request ``BaseHTTPMiddleware`` task): edits the response start message.

    Headers a route set itself win, except ``Cache-Control``: always ``no-store`` under the
    private prefixes. The header lines are raw byte pairs built once.
    """

    def __init__(self, app: ASGIApp, *, policy: HeaderPolicy) -> None:
        self.app = app
        self.policy = policy
        self._hsts = ((b"strict-transport-security", HSTS.encode()),) if policy.hsts else ()
        self._csp: dict[str, bytes] = {}

    def _page_policy(self, path: str) -> bytes:
        policy = self.policy.page_policy(path)
        csp = self._csp.get(policy)
        if csp is None:  # a few policies in all, each encoded once
            csp = self._csp[policy] = policy.encode("latin-1")
        return csp

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        no_store = path.startswith(NO_STORE_PREFIXES)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = self._headers(message.get("headers", ()), path, no_store)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _headers(self, given: Any, path: str, no_store: bool) -> list[tuple[bytes, bytes]]:
        headers = list(given)
        names = {name for name, _ in headers}
        if no_store:
            if b"cache-control" in names:  # replace the first, drop the others
                at = [i for i, (name, _) in enumerate(headers) if name == b"cache-control"]
                headers[at[0]] = _NO_STORE
                for i in reversed(at[1:]):
                    del headers[i]
            else:
                headers.append(_NO_STORE)
        headers.extend(h for h in _FIXED if h[0] not in names)
        if b"content-security-policy" not in names:
            ctype = next((v for n, v in headers if n == b"content-type"), b"")
            if ctype.startswith(b"text/html"):
                headers.append((b"content-security-policy", self._page_policy(path)))
        headers.extend(h for h in self._hsts if h[0] not in names)
        return headers
