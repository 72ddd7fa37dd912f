"""A failed or cancelled login lands on the SPA's friendly page in the person's language, with the
reason; never a problem+json, and no session."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.auth import parse_persona_form


def _local(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


async def _cancel(client, lang: str):
    start = await client.get("/auth/login", params={"returnTo": "/personer", "lang": lang})
    page = await client.get(_local(start.headers["location"]))
    form = parse_persona_form(page.text)
    answer = await client.post(_local(form.action or ""), data={**form.hidden, "cancel": "1"})
    assert answer.status_code == 302
    assert "error=access_denied" in answer.headers["location"]
    return await client.get(_local(answer.headers["location"]))


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
async def test_a_cancelled_login_goes_to_the_friendly_page_in_the_login_language(client, lang):
    r = await _cancel(client, lang)
    assert r.status_code == 302
    target = urlsplit(r.headers["location"])
    assert target.path == "/innlogging-feilet"
    assert parse_qs(target.query) == {"reason": ["cancelled"], "lang": [lang]}
    assert "samordna_session" not in client.cookies
    assert "samordna_login" not in client.cookies
    assert (await client.get("/api/me")).status_code == 401


async def test_the_friendly_page_is_the_spa(client):
    r = await client.get("/innlogging-feilet", params={"reason": "cancelled"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")


async def test_a_forged_error_answer_is_a_failure_not_a_cancel(client):
    """An error without this attempt's state is refused as a failed check."""
    start = await client.get("/auth/login", params={"lang": "en"})
    page = await client.get(_local(start.headers["location"]))
    form = parse_persona_form(page.text)
    answer = await client.post(_local(form.action or ""), data={**form.hidden, "cancel": "1"})
    parts = urlsplit(answer.headers["location"])
    params = {k: v[0] for k, v in parse_qs(parts.query).items()}
    params["state"] = "forged"
    r = await client.get(parts.path, params=params)
    assert parse_qs(urlsplit(r.headers["location"]).query) == {"reason": ["failed"], "lang": ["en"]}
