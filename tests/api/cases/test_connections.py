"""Cases REST tests room: one connection and one transaction per request (ADR 0011) on the cases
routes — the reads a case screen makes (each item decided and logged inside that transaction),
opening a case, a note, a consent event."""

from __future__ import annotations

from tests.api.cases.flows import setting
from tests.integration.test_request_connections import tally


async def _tally(s, container, method, url, **kw):
    with tally(container) as t:
        r = await s.ola.request(method, url, **kw)
    assert r.status_code < 400, r.text
    return t


async def test_cases_routes_use_one_connection_per_request(client, container):
    s = await setting(client, age=14)
    await s.ola.get(f"/api/cases/{s.id}")  # warm: prepared statements
    for url in (
        "/api/cases",
        f"/api/cases/{s.id}",
        f"/api/cases/{s.id}/notes",
        f"/api/cases/{s.id}/consents",
        f"/api/consents/{s.consent['id']}",
        f"/api/cases/{s.id}/legal-bases",
        f"/api/cases/{s.id}/access-report",
        "/api/consents/reminders",
        "/api/cases/retention",
    ):
        t = await _tally(s, container, "GET", url)
        assert (t.checkouts, t.begins) == (1, 1), url
    for method, url, body in (
        ("POST", f"/api/cases/{s.id}/notes", {"category": "school", "text": "Bedre uke."}),
        (
            "POST",
            f"/api/consents/{s.consent['id']}/events",
            {
                "partyId": s.party("guardian", 0),
                "kind": "given",
                "method": "written",
                "expectedSeq": 0,
            },
        ),
        ("POST", "/api/subjects/search", {"identityNumber": "03851250017"}),
    ):
        t = await _tally(s, container, method, url, json=body)
        assert (t.checkouts, t.begins) == (1, 1), url
        assert not any("SAVEPOINT" in x.upper() for x in t.statements)
