"""The browser login over HTTP through the whole app: login, /api/me, CSRF, session expiry, logout."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import sqlalchemy as sa

from adapters.identity.person_key import person_key
from adapters.identity.personas import persona
from adapters.postgres.demo import DEMO_UNIT, OTHER_UNIT
from tests.support.auth import choose_persona, login

pytestmark = pytest.mark.asyncio


def _local(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


async def _start(
    client: httpx.AsyncClient, return_to: str, who: str = "coordinator"
) -> httpx.Response:
    """Run the flow up to the app's callback response (a 302), without helpers hiding it."""
    start = await client.get("/auth/login", params={"returnTo": return_to, "lang": "nn"})
    assert start.status_code == 302
    answer = await choose_persona(client, start.headers["location"], who)
    return await client.get(_local(answer.headers["location"]))


def _problem(r: httpx.Response, status: int, suffix: str) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["type"].endswith(suffix)


async def test_login_shows_the_personas_unit_and_roles(client) -> None:
    csrf = await login(client, "coordinator")
    me = (await client.get("/api/me")).json()
    assert me["kind"] == "person"
    assert me["displayName"]
    assert me["unit"]["id"] == str(DEMO_UNIT)
    assert me["unit"]["name"] == "SLT Lillestrøm (demo)"
    assert me["roles"] == ["coordinator"]
    assert me["scopes"] == []
    assert me["assurance"] == "idporten-loa-high"
    assert me["csrfToken"] == csrf


async def test_the_session_cookie_is_http_only_and_lax(client) -> None:
    back = await _start(client, "/")
    cookie = next(
        h for h in back.headers.get_list("set-cookie") if h.startswith("samordna_session=")
    )
    assert "httponly" in cookie.lower()
    assert "samesite=lax" in cookie.lower()


async def test_body_member_gets_body_roles_and_substantial_assurance(client) -> None:
    await login(client, "body_member")
    me = (await client.get("/api/me")).json()
    assert me["roles"] == []
    assert me["bodyRoles"], me
    assert "member" in {b["role"] for b in me["bodyRoles"]}
    assert me["assurance"] == "idporten-loa-substantial"


async def test_other_units_coordinator_lands_in_the_other_unit(client) -> None:
    await login(client, "other_unit_coordinator")
    me = (await client.get("/api/me")).json()
    assert me["unit"]["id"] == str(OTHER_UNIT)


async def test_return_to_is_kept(client) -> None:
    back = await _start(client, "/organisation?tab=bodies")
    assert back.status_code == 302
    assert back.headers["location"] == "/organisation?tab=bodies"


@pytest.mark.parametrize(
    "evil", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"]
)
async def test_return_to_cannot_leave_the_site(client, evil: str) -> None:
    back = await _start(client, evil)
    assert back.status_code == 302
    assert back.headers["location"] == "/"


async def test_outsider_is_logged_in_but_forbidden_and_can_log_out(client) -> None:
    back = await _start(client, "/", "outsider")
    assert back.status_code == 302
    me = await client.get("/api/me")
    _problem(me, 403, "/forbidden")
    assert "no access" in me.json()["detail"]
    bye = await client.post("/auth/logout")
    assert bye.status_code == 200
    _problem(await client.get("/api/me"), 401, "/unauthenticated")


async def test_logout_ends_the_session_and_returns_the_end_session_url(client) -> None:
    csrf = await login(client, "coordinator")
    bye = await client.post("/auth/logout", headers={"X-CSRF-Token": csrf})
    assert bye.status_code == 200, bye.text
    target = bye.json()["redirectTo"]
    assert urlsplit(target).path == "/dev-idp/endsession"
    query = parse_qs(urlsplit(target).query)
    assert query["post_logout_redirect_uri"] == ["http://testserver/"]
    assert "id_token_hint" in query
    _problem(await client.get("/api/me"), 401, "/unauthenticated")
    idp = await client.get(_local(target))
    assert idp.status_code == 302
    assert idp.headers["location"].startswith("http://testserver/?state=")


async def test_logout_needs_the_csrf_header(client) -> None:
    await login(client, "coordinator")
    _problem(await client.post("/auth/logout"), 403, "csrf-failed")
    _problem(
        await client.post("/auth/logout", headers={"X-CSRF-Token": "nope"}), 403, "csrf-failed"
    )
    assert (await client.get("/api/me")).status_code == 200


async def test_changes_with_a_cookie_session_need_the_csrf_header(client) -> None:
    csrf = await login(client, "unit_admin")
    unit = await client.get("/api/unit")
    etag = unit.headers["etag"]
    patch = {"name": unit.json()["name"]}
    r = await client.patch("/api/unit", json=patch, headers={"If-Match": etag})
    _problem(r, 403, "csrf-failed")
    r = await client.patch("/api/unit", json=patch, headers={"If-Match": etag, "X-CSRF-Token": "x"})
    _problem(r, 403, "csrf-failed")
    r = await client.patch(
        "/api/unit", json=patch, headers={"If-Match": etag, "X-CSRF-Token": csrf}
    )
    assert r.status_code == 200, r.text


def _login_failed(r: httpx.Response, reason: str) -> dict[str, list[str]]:
    """Refused logins go to the SPA's friendly page, never a problem+json a person would see."""
    assert r.status_code == 302, r.text
    target = urlsplit(r.headers["location"])
    assert target.path == "/innlogging-feilet"
    query = parse_qs(target.query)
    assert query["reason"] == [reason]
    return query


async def test_callback_without_a_login_in_progress_is_refused(client) -> None:
    r = await client.get("/auth/callback", params={"code": "x", "state": "y", "iss": "z"})
    _login_failed(r, "expired")


async def test_callback_cannot_be_replayed(client) -> None:
    start = await client.get("/auth/login")
    attempt = client.cookies.get("samordna_login")
    answer = await choose_persona(client, start.headers["location"], "coordinator")
    callback = _local(answer.headers["location"])
    assert (await client.get(callback)).status_code == 302
    client.cookies.set("samordna_login", attempt, path="/auth")
    _login_failed(await client.get(callback), "expired")


async def test_callback_from_another_issuer_is_refused(client) -> None:
    start = await client.get("/auth/login")
    answer = await choose_persona(client, start.headers["location"], "coordinator")
    parts = urlsplit(answer.headers["location"])
    params = {k: v[0] for k, v in parse_qs(parts.query).items()}
    params["iss"] = "https://evil.example"
    r = await client.get(parts.path, params=params)
    assert _login_failed(r, "failed")["lang"] == ["nb"]
    assert "samordna_session" not in client.cookies


async def test_unknown_lang_is_invalid(client) -> None:
    assert (await client.get("/auth/login", params={"lang": "de"})).status_code == 422


async def test_an_idle_session_expires(client, admin_engine) -> None:
    await login(client, "coordinator")
    async with admin_engine.begin() as conn:
        await conn.execute(
            sa.text("UPDATE web_session SET expires_at = now() - interval '1 second'")
        )
    _problem(await client.get("/api/me"), 401, "/unauthenticated")


async def test_a_session_ends_after_the_absolute_maximum(client, admin_engine) -> None:
    await login(client, "coordinator")
    async with admin_engine.begin() as conn:
        await conn.execute(
            sa.text(
                "UPDATE web_session SET created_at = now() - interval '121 minutes',"
                " last_seen_at = now(), expires_at = now() + interval '10 minutes'"
            )
        )
    _problem(await client.get("/api/me"), 401, "/unauthenticated")


async def test_revoked_access_takes_effect_at_once(client, admin_engine, settings) -> None:
    await login(client, "coordinator")
    assert (await client.get("/api/me")).status_code == 200
    key = person_key(settings.person_secret, persona("coordinator").pid)
    async with admin_engine.begin() as conn:
        await conn.execute(sa.text("DELETE FROM user_account WHERE person_key = :k"), {"k": key})
    _problem(await client.get("/api/me"), 403, "/forbidden")


async def test_the_database_never_sees_the_cookie_csrf_token_or_pid(client, admin_engine) -> None:
    csrf = await login(client, "coordinator")
    cookie = client.cookies.get("samordna_session")
    async with admin_engine.connect() as conn:
        rows = (await conn.execute(sa.text("SELECT * FROM web_session"))).all()
    stored = repr(rows)
    assert len(rows) == 1
    assert cookie
    assert cookie not in stored
    assert csrf not in stored
    assert persona("coordinator").pid not in stored
    assert not re.search(r"eyJ[\w-]+\.eyJ", stored)  # no JWT in the clear: the id_token is sealed
