"""Meetings REST tests room: bad input never reaches a 500 nor writes anything — NUL and control
characters, nulls on required fields, overlong text, wrong types, naive times, forged cursors."""

from __future__ import annotations

import pytest

from domain.meetings import limits
from tests.api.meetings.support import BODY, drafting, etag, headers, plan, when

NUL = "Tekst\u0000med NUL"


def fields_of(r) -> set[tuple[str, str]]:
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["type"] == "/problems/validation-failed"
    return {(e["field"], e["code"]) for e in r.json()["errors"]}


MEETING_CASES = [
    ({"place": NUL}, "place", "control-characters"),
    ({"place": "x" * (limits.PLACE_MAX + 1)}, "place", "too-long"),
    ({"link": "l" * (limits.LINK_MAX + 1)}, "link", "too-long"),
    ({"link": "http://ikke-sikker.no/møte"}, "link", "invalid-link"),
    ({"bodyId": None}, "bodyId", "uuid"),
    ({"bodyId": "ikke-en-uuid"}, "bodyId", "uuid"),
    ({"startsAt": None}, "startsAt", "required"),
    ({"startsAt": "2026-03-02T10:00:00"}, "startsAt", "naive-datetime"),
    ({"startsAt": 12}, "startsAt", "naive-datetime"),
    ({"startsAt": "i morgen"}, "startsAt", "naive-datetime"),
    ({"place": None, "link": None}, "place", "required"),
]


@pytest.mark.parametrize(("patch", "field", "code"), MEETING_CASES)
async def test_bad_meetings_are_refused_and_nothing_is_written(client, patch, field, code):
    h = await headers(client)
    body = {"bodyId": str(BODY), "place": "Rådhuset", **when(24), **patch}
    r = await client.post("/api/meetings", json=body, headers=h)
    assert r.status_code == 422, r.text
    got = fields_of(r)
    assert field in {f for f, _ in got}, got
    assert any(code in c for f, c in got if f == field), got
    listed = await client.get("/api/meetings", params={"bodyId": str(BODY)}, headers=h)
    assert listed.json()["total"] == 0


async def test_bad_texts_in_minutes_agenda_decisions_and_action_items(client):
    h = await headers(client)
    mid, item, draft = await drafting(client, h)
    long_text = "x" * (limits.TEXT_MAX + 1)
    checks = [
        ("post", f"/api/meetings/{mid}/agenda", {"title": NUL}, "title"),
        ("post", f"/api/meetings/{mid}/agenda", {"title": None}, "title"),
        ("post", f"/api/meetings/{mid}/agenda", {"title": "t" * (limits.TITLE_MAX + 1)}, "title"),
        ("post", f"/api/meetings/{mid}/agenda", {"title": "Sak", "kind": "vote"}, "kind"),
        ("post", f"/api/meetings/{mid}/decisions", {"agendaItemId": item, "text": NUL}, "text"),
        ("post", f"/api/meetings/{mid}/decisions", {"agendaItemId": item, "text": None}, "text"),
        (
            "post",
            f"/api/meetings/{mid}/decisions",
            {"agendaItemId": item, "text": long_text},
            "text",
        ),
        (
            "post",
            f"/api/meetings/{mid}/action-items",
            {"agendaItemId": item, "text": "Følge opp", "ownerPersonId": None},
            "ownerPersonId",
        ),
        (
            "post",
            f"/api/meetings/{mid}/action-items",
            {"agendaItemId": item, "text": "Følge opp", "ownerPersonId": str(BODY), "due": 5},
            "due",
        ),
        (
            "post",
            f"/api/meetings/{mid}/decisions",
            {"agendaItemId": item, "text": "Ok", "overrideReason": "r" * 501},
            "overrideReason",
        ),
        ("put", f"/api/meetings/{mid}/agenda/order", {"order": [NUL]}, "order.0"),
        ("put", f"/api/meetings/{mid}/agenda/order", {"order": None}, "order"),
        ("put", f"/api/meetings/{mid}/attendance/{BODY}", {"presence": "maybe"}, "presence"),
        ("put", f"/api/meetings/{mid}/attendance/{BODY}", {"presence": None}, "presence"),
    ]
    for method, path, payload, field in checks:
        r = await client.request(method, path, json=payload, headers=h)
        got = fields_of(r)
        assert field in {f for f, _ in got}, (path, payload, got)
    url = f"/api/meetings/{mid}/minutes/items/{item}"
    for payload, field in [
        ({"openText": NUL}, "openText"),
        ({"openText": long_text}, "openText"),
        ({"openText": "Ok", "restrictedText": long_text}, "restrictedText"),
        ({"openText": None}, "openText"),
    ]:
        r = await client.put(url, json=payload, headers={**h, **etag(draft)})
        assert field in {f for f, _ in fields_of(r)}, (payload, r.text)
    # Nothing was written by any of them.
    assert len((await client.get(f"/api/meetings/{mid}/agenda", headers=h)).json()) == 1
    assert (await client.get(f"/api/meetings/{mid}/decisions", headers=h)).json() == []
    assert (await client.get(f"/api/meetings/{mid}/action-items", headers=h)).json() == []
    assert (await client.get(f"/api/meetings/{mid}/attendance", headers=h)).json() == []
    versions = (await client.get(f"/api/meetings/{mid}/minutes", headers=h)).json()
    assert versions[0]["items"] == [] and versions[0]["version"] == draft.json()["version"]


async def test_bad_updates_queries_and_headers(client):
    h = await headers(client)
    m = await plan(client, h, hours_from_now=24)
    mid = m.json()["id"]
    for payload, field in [
        ({"startsAt": None}, "startsAt"),
        ({"archiveWorthy": "ja"}, "archiveWorthy"),
        ({"documentationStatus": "secret"}, "documentationStatus"),
        ({"status": "held"}, "status"),  # not a field of the update
        ({"place": "p" * (limits.PLACE_MAX + 1)}, "place"),
    ]:
        r = await client.patch(f"/api/meetings/{mid}", json=payload, headers={**h, **etag(m)})
        assert field in {f for f, _ in fields_of(r)}, (payload, r.text)
    r = await client.patch(
        f"/api/meetings/{mid}",
        json={"endsAt": "2020-01-01T00:00:00+00:00"},
        headers={**h, **etag(m)},
    )
    assert ("endsAt", "before-start") in fields_of(r)
    r = await client.post(
        f"/api/meetings/{mid}/cancel", json={"reason": "r" * 501}, headers={**h, **etag(m)}
    )
    assert "reason" in {f for f, _ in fields_of(r)}
    r = await client.post(f"/api/meetings/{mid}/hold", headers={**h, "If-Match": "9" * 5000})
    assert r.status_code == 422, r.text
    for params in [
        {"bodyId": str(BODY), "cursor": "!!!"},
        {"bodyId": str(BODY), "year": 1066},
        {"bodyId": str(BODY), "status": "nope"},
        {"bodyId": str(BODY), "limit": 0},
        {"bodyId": "x"},
        {},
    ]:
        r = await client.get("/api/meetings", params=params, headers=h)
        assert r.status_code == 422, (params, r.text)
    r = await client.get(f"/api/meetings/{mid}/minutes/open", params={"number": 0}, headers=h)
    assert r.status_code == 422
    assert (await client.get(f"/api/meetings/{mid}", headers=h)).json()["version"] == 1
