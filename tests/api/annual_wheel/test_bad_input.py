"""Bad input on the wheel's and feeds' routes: NUL bytes, nulls, huge strings, wrong types and
out-of-range numbers are field errors (422 problem+json), never a 500 or a partial write; the
feed route is rate-limited per client address like the login routes."""

from __future__ import annotations

import httpx
import pytest

from api.app import create_app
from tests.api.annual_wheel.conftest import WHEEL

GOOD = {"title": "Frist", "month": 3, "ownerRole": "coordinator"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": "Fr\x00ist"}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": None}, "title"),
        ({"month": 13}, "month"),
        ({"month": "3"}, "month"),
        ({"month": 3.5}, "month"),
        ({"month": True}, "month"),
        ({"day": 0}, "day"),
        ({"month": 2, "day": 30}, "day"),
        ({"ownerRole": "boss"}, "ownerRole"),
        ({"bodyLevel": "galactic"}, "bodyLevel"),
        ({"description": "x" * 4001}, "description"),
        ({"description": "a\x00b"}, "description"),
        ({"unknown": 1}, "unknown"),
    ],
)
async def test_template_fields(coordinator, change, field):
    r = await coordinator.post(f"{WHEEL}/templates", json={**GOOD, **change})
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert field in {e["field"] for e in r.json()["errors"]}, r.json()
    assert (await coordinator.get(f"{WHEEL}/templates")).json() == []  # nothing written


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", f"{WHEEL}/templates", "not json"),
        ("POST", f"{WHEEL}/templates", []),
        ("POST", f"{WHEEL}/templates", None),
        ("PATCH", f"{WHEEL}/tasks/00000000-0000-0000-0000-000000000001", {"status": None}),
        ("PATCH", f"{WHEEL}/tasks/00000000-0000-0000-0000-000000000001", {"status": 1}),
        ("POST", "/api/calendar-feeds", {"scope": "team", "subjectId": "x"}),
        ("POST", "/api/calendar-feeds", {"scope": "body", "subjectId": None}),
        ("POST", "/api/calendar-feeds", {"scope": "body", "subjectId": "a\x00"}),
        ("GET", f"{WHEEL}/years/99999999999999999999", None),
        ("GET", f"{WHEEL}/years/1999", None),
        ("POST", f"{WHEEL}/years/abc/generate", None),
        ("GET", f"{WHEEL}/norms?year=x", None),
        ("GET", "/api/calendar-feeds?scope=body&subjectId=nope", None),
        ("GET", "/api/calendar-feeds?scope=body", None),
    ],
)
async def test_malformed_requests_are_422(coordinator, method, path, body):
    kwargs = {"content": body} if isinstance(body, str) else {"json": body}
    r = await coordinator.request(method, path, headers={"If-Match": '"1"'}, **kwargs)
    assert r.status_code == 422, r.text
    assert r.json()["type"] == "/problems/validation-failed"


async def test_template_update_refuses_null_for_required_fields(coordinator):
    made = (await coordinator.post(f"{WHEEL}/templates", json=GOOD)).json()
    for field in ("title", "month", "ownerRole", "active"):
        r = await coordinator.patch(
            f"{WHEEL}/templates/{made['id']}", json={field: None}, headers={"If-Match": '"1"'}
        )
        assert r.status_code == 422, (field, r.text)
    after = (await coordinator.get(f"{WHEEL}/templates")).json()
    assert after[0]["version"] == 1


async def test_feed_is_rate_limited_per_address(settings, container, demo):
    tight = settings.model_copy(update={"rate_limit_login": "3/minute"})
    app = create_app(tight, container)

    def client(address: str) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(address, 50000))
        return httpx.AsyncClient(transport=transport, base_url="http://testserver")

    async with client("192.0.2.10") as c:
        for _ in range(3):
            assert (await c.get("/api/feeds/unknown.ics")).status_code == 404
        refused = await c.get("/api/feeds/unknown.ics")
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        assert refused.json()["type"] == "/problems/rate-limited"
    async with client("192.0.2.99") as other:
        assert (await other.get("/api/feeds/unknown.ics")).status_code == 404
