"""Measures REST tests room: one connection and one transaction per request (ADR 0011) on the
measures routes — every read a screen makes, a guarded write, a transition, a plan tree."""

from __future__ import annotations

from tests.api.measures.support import active, decision, headers, ok
from tests.api.measures.test_plans import PLAN
from tests.integration.test_request_connections import tally


async def _measure(client, container, method, url, **kw):
    with tally(container) as t:
        r = await client.request(method, url, **kw)
    assert r.status_code < 400, r.text
    return t, r


async def test_measures_routes_use_one_connection_per_request(client, container):
    h = await headers(client)
    m = (await active(client, h)).json()
    e = ok(await client.get(f"/api/measures/{m['id']}/evaluations", headers=h))[0]
    plan = ok(await client.post("/api/action-plans", json=PLAN, headers=h), 201)
    await decision(client, h)
    await client.get(f"/api/measures/{m['id']}", headers=h)  # warm: prepared statements
    for url in (
        "/api/measures",
        "/api/measures/board",
        "/api/measures/portfolio",
        "/api/measures/attention",
        f"/api/measures/{m['id']}",
        f"/api/measures/{m['id']}/history",
        f"/api/measures/{m['id']}/timeline",
        f"/api/measures/{m['id']}/notes",
        f"/api/measures/{m['id']}/evaluations",
        f"/api/evaluations/{e['id']}",
        "/api/evaluations/due",
        "/api/action-plans",
        f"/api/action-plans/{plan['id']}",
        "/api/measure-settings",
        "/api/measure-factors",
        "/api/decisions?bodyLevel=coordinating",
    ):
        t, _ = await _measure(client, container, "GET", url, headers=h)
        assert t.checkouts == 1, url
        assert t.begins == 1, url
    t, r = await _measure(
        client,
        container,
        "POST",
        "/api/measures",
        json={"title": "T", "problem": "P", "tier": "universal"},
        headers=h,
    )
    assert t.checkouts == 1 and t.begins == 1
    t, _ = await _measure(
        client,
        container,
        "POST",
        f"/api/measures/{r.json()['id']}/transitions",
        json={"target": "assessed"},
        headers={**h, "If-Match": r.headers["ETag"]},
    )
    assert t.checkouts == 1 and t.begins == 1
    assert not any("SAVEPOINT" in s.upper() for s in t.statements)
    t, _ = await _measure(
        client,
        container,
        "POST",
        f"/api/measures/{m['id']}/notes",
        json={"text": "Bra."},
        headers=h,
    )
    assert t.checkouts == 1 and t.begins == 1
