"""Meetings REST tests room: one connection and one transaction per request (ADR 0011) on the
meetings routes — a read, a guarded write, an approval that numbers decisions."""

from __future__ import annotations

from adapters.postgres.demo import demo_id
from tests.api.meetings.support import BODY, drafting, etag, headers, meeting_etag
from tests.integration.test_request_connections import tally

EMPTY = demo_id("body/team-sentrum")


async def _measure(client, container, method, url, **kw):
    with tally(container) as t:
        r = await client.request(method, url, **kw)
    assert r.status_code < 400, r.text
    return t


async def test_meetings_routes_use_one_connection_per_request(client, container):
    h = await headers(client)
    mid, item, draft = await drafting(client, h)
    await client.get(f"/api/meetings/{mid}", headers=h)  # warm: prepared statements
    for url in (
        f"/api/meetings/{mid}",
        f"/api/meetings/{mid}/agenda",
        f"/api/meetings/{mid}/minutes",
        f"/api/meetings/{mid}/quorum",
        f"/api/meetings/{mid}/action-items",
        f"/api/meetings/{mid}/decisions",
        f"/api/meetings/{mid}/attendance",
        "/api/me/action-items",
        f"/api/meetings?bodyId={BODY}",
        f"/api/meetings?bodyId={EMPTY}",  # a body without meetings
    ):
        t = await _measure(client, container, "GET", url, headers=h)
        assert t.checkouts == 1, url
        assert t.begins == 1, url
    t = await _measure(
        client,
        container,
        "PUT",
        f"/api/meetings/{mid}/minutes/items/{item}",
        json={"openText": "Gjennomgått."},
        headers={**h, **etag(draft)},
    )
    assert t.checkouts == 1 and t.begins == 1
    assert not any("SAVEPOINT" in s.upper() for s in t.statements)
    t = await _measure(
        client,
        container,
        "POST",
        f"/api/meetings/{mid}/decisions",
        json={"agendaItemId": item, "text": "Vedtatt."},
        headers=h,
    )
    assert t.checkouts == 1 and t.begins == 1
    tag = await meeting_etag(client, h, mid)
    t = await _measure(
        client,
        container,
        "POST",
        f"/api/meetings/{mid}/minutes/approve",
        json={"kind": "chair"},
        headers={**h, **tag},
    )
    assert t.checkouts == 1 and t.begins == 1
    t = await _measure(client, container, "GET", f"/api/meetings/{mid}/minutes/open", headers=h)
    assert t.checkouts == 1 and t.begins == 1
