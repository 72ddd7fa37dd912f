"""Measures REST tests room: every measures route × every kind of caller, allowed or denied as
``domain.measures.policies`` says; the other unit's coordinator gets 404 on every id and sees
nothing in the lists."""

from __future__ import annotations

import pytest

from tests.api.measures.matrix import (
    EDIT,
    FOLLOW_UP,
    MANAGE,
    PROPOSE,
    READ,
    Ids,
    build,
    cases,
    routes,
)
from tests.api.organisation.test_role_matrix import _authenticate

# Ola (body_member) has a seat on Ungdomsteam Nord: he reads and proposes; he proposed one
# measure (edits it while proposed) and owns the running one (follows it up).
ALLOWED = {
    "unit_admin": {READ, PROPOSE, EDIT, FOLLOW_UP, MANAGE},
    "coordinator": {READ, PROPOSE, EDIT, FOLLOW_UP, MANAGE},
    "body_member": {READ, PROPOSE, EDIT, FOLLOW_UP},
    "police_contact": {READ, PROPOSE},  # Per has seats on the coordinating groups
    "steering_reader": {READ, PROPOSE},  # Stine chairs a coordinating group
    "outsider": set(),
    "archive_system": set(),  # machines read nothing here
    "police_system": set(),
}


def test_every_measures_route_is_in_the_matrix():
    assert routes() == {(c.method, c.route) for c in cases(Ids(*(["x"] * 5)))}


async def _call(client, case, h):
    return await client.request(
        case.method,
        case.path,
        json=case.json,
        content=case.content,
        headers={**h, **(case.headers or {})},
    )


@pytest.mark.parametrize("who", list(ALLOWED))
async def test_role_matrix(client, who):
    ids = await build(client)
    client.cookies.clear()
    h = await _authenticate(client, who)
    wrong = []
    for case in cases(ids):
        r = await _call(client, case, h)
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
        r = await _call(client, case, {})
        assert r.status_code == 401, (case, r.text)


ID_FREE = {
    "/api/measures",
    "/api/measures/board",
    "/api/measures/export.csv",
    "/api/measures/portfolio",
    "/api/measures/attention",
    "/api/evaluations/due",
    "/api/evaluations/reminders",
    "/api/action-plans",
    "/api/measure-settings",
    "/api/measure-factors",
    "/api/decisions",
}


async def test_the_other_unit_gets_404_on_every_id(client):
    """Tenant isolation: SLT Indre Sogn's coordinator sees none of SLT Lillestrøm's measures,
    evaluations, reports, plans or decisions."""
    ids = await build(client)
    client.cookies.clear()
    h = await _authenticate(client, "other_unit_coordinator")
    wrong = []
    for case in cases(ids):
        if case.route in ID_FREE:
            continue
        r = await _call(client, case, h)
        if r.status_code != 404:
            wrong.append(f"{case.method} {case.path}: {r.status_code} {r.text[:200]}")
    assert not wrong, "\n".join(wrong)
    for path in (
        "/api/measures",
        "/api/measures/board",
        "/api/action-plans",
        "/api/evaluations/due",
        "/api/decisions",
    ):
        r = await client.get(path, headers=h)
        assert r.status_code == 200, r.text
        body = r.json()
        assert (
            (body["total"] == 0 and body["items"] == []) if isinstance(body, dict) else body == []
        ), (path, body)
    portfolio = (await client.get("/api/measures/portfolio", headers=h)).json()
    assert portfolio == {"cells": [], "focusAreas": []}
    attention = (await client.get("/api/measures/attention", headers=h)).json()
    assert attention == {"withoutOwner": [], "evaluationsDue": [], "plansExpiring": []}
    # Nor can they link SLT Lillestrøm's decision or plan goals from their own unit.
    mine = await client.post(
        "/api/measures",
        json={"title": "T", "problem": "P", "tier": "universal", "goalIds": [ids.plan]},
        headers=h,
    )
    assert mine.status_code == 422 and mine.json()["errors"][0]["field"].startswith("goalIds"), (
        mine.text
    )
    created = await client.post(
        "/api/measures", json={"title": "T", "problem": "P", "tier": "universal"}, headers=h
    )
    assert created.status_code == 201, created.text
