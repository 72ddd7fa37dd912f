"""Meetings REST tests room: every meetings route × every kind of caller, allowed or denied as
``domain.meetings.policies`` says; the other unit's coordinator gets 404 on every id."""

from __future__ import annotations

import pytest

from tests.api.meetings.matrix import CHAIR, MANAGE, ME, OWNER, READ, Ids, build, cases, routes
from tests.api.meetings.support import BODY, when
from tests.api.organisation.test_role_matrix import _authenticate

# Who passes which policy on the Koordineringsgruppe for barn (chaired by the coordinator; Per,
# the police contact, is a member; Ola owns the action item but has no seat on the body).
ALLOWED = {
    "unit_admin": {READ, MANAGE, OWNER, ME},
    "coordinator": {READ, MANAGE, CHAIR, OWNER, ME},
    "body_member": {OWNER, ME},
    "police_contact": {READ, ME},
    "steering_reader": {READ, ME},
    "outsider": set(),
    "archive_system": {ME},  # no machine scope reads meetings yet; its own items: none
    "police_system": {ME},
}


def test_every_meetings_route_is_in_the_matrix():
    assert routes() == {(c.method, c.route) for c in cases(Ids(*(["x"] * 8)))}


@pytest.mark.parametrize("who", list(ALLOWED))
async def test_role_matrix(client, who):
    ids = await build(client)
    client.cookies.clear()
    h = await _authenticate(client, who)
    wrong = []
    for case in cases(ids):
        r = await client.request(
            case.method, case.path, json=case.json, headers={**h, **(case.headers or {})}
        )
        expected = case.allowed_status if case.policy in ALLOWED[who] else 403
        if r.status_code != expected:
            wrong.append(f"{case.method} {case.path}: {r.status_code} != {expected} {r.text[:200]}")
        if r.status_code >= 400:
            assert r.headers["content-type"].startswith("application/problem+json"), case
    assert not wrong, "\n".join(wrong)


async def test_anonymous_gets_401_everywhere(client):
    ids = await build(client)
    client.cookies.clear()
    for case in cases(ids):
        r = await client.request(case.method, case.path, json=case.json, headers=case.headers)
        assert r.status_code == 401, (case, r.text)


async def test_the_other_unit_gets_404_on_every_id(client):
    """Tenant isolation: SLT Indre Sogn's coordinator sees none of SLT Lillestrøm's meetings."""
    ids = await build(client)
    client.cookies.clear()
    h = await _authenticate(client, "other_unit_coordinator")
    wrong = []
    for case in cases(ids):
        if case.route in ("/api/meetings", "/api/me/action-items"):
            continue  # no id of a meeting in the path: below
        r = await client.request(
            case.method, case.path, json=case.json, headers={**h, **(case.headers or {})}
        )
        if r.status_code != 404:
            wrong.append(f"{case.method} {case.path}: {r.status_code} {r.text[:200]}")
    assert not wrong, "\n".join(wrong)
    listing = await client.get("/api/meetings", params={"bodyId": str(BODY)}, headers=h)
    assert listing.status_code == 200 and listing.json()["total"] == 0, listing.text
    r = await client.post(
        "/api/meetings", json={"bodyId": str(BODY), "place": "X", **when(1)}, headers=h
    )
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "bodyId", r.text
    mine = await client.get("/api/me/action-items", headers=h)
    assert mine.status_code == 200 and mine.json() == []
