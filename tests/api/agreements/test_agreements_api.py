"""Agreements over REST: create with defaults, derived status, edits with If-Match, bad input
refused as field errors (never a 500), parallel edits ending in one 412."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from tests.api.agreements.conftest import KOMMUNE, PAYLOAD, POLITI, etag


async def test_create_read_update_delete(coordinator: httpx.AsyncClient) -> None:
    r = await coordinator.post("/api/agreements", json=PAYLOAD)
    assert r.status_code == 201 and r.headers["ETag"] == '"1"'
    a = r.json()
    assert a["reviewOn"] == "2029-09-30"  # three months before expiry
    assert a["status"] == "active" and a["documentationStatus"] == "final"
    assert a["archiveWorthy"] is True and a["document"] is None
    assert r.headers["Location"] == f"/api/agreements/{a['id']}"
    got = await coordinator.get(f"/api/agreements/{a['id']}")
    assert got.json() == a
    soon = date.today() + timedelta(days=30)  # the reminder (three months before) has passed
    r = await coordinator.patch(
        f"/api/agreements/{a['id']}",
        json={"validUntil": soon.isoformat(), "archiveWorthy": False},
        headers=etag(got),
    )
    assert r.status_code == 200, r.text
    assert r.json()["reviewOn"] < date.today().isoformat()
    assert r.json()["status"] == "due_for_review" and r.json()["archiveWorthy"] is False
    listed = (await coordinator.get("/api/agreements?status=due_for_review")).json()
    assert [x["id"] for x in listed["items"]] == [a["id"]]
    assert (await coordinator.get("/api/agreements?status=active")).json()["total"] == 0
    r = await coordinator.delete(f"/api/agreements/{a['id']}", headers=etag(r))
    assert r.status_code == 204
    assert (await coordinator.get(f"/api/agreements/{a['id']}")).status_code == 404


async def test_police_council_names_municipality_and_police(coordinator: httpx.AsyncClient) -> None:
    school = "e0e0e0e0-0000-4000-8000-000000000000"
    r = await coordinator.post(
        "/api/agreements", json={**PAYLOAD, "partyIds": [str(KOMMUNE), school]}
    )
    assert r.status_code == 422 and r.json()["errors"][0]["code"] == "unknown"
    orgs = (await coordinator.get("/api/organisations?type=school")).json()["items"]
    r = await coordinator.post(
        "/api/agreements", json={**PAYLOAD, "partyIds": [str(KOMMUNE), orgs[0]["id"]]}
    )
    assert r.status_code == 422
    assert r.json()["errors"][0] == {
        "field": "partyIds",
        "code": "police-missing",
        "params": {},
        "message": "A politirådsavtale names the police.",
    }


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"title": "a\x00b"}, "title", "control-characters"),
        ({"title": None}, "title", None),
        ({"title": "x" * 201}, "title", "too-long"),
        ({"title": "   "}, "title", None),
        ({"kind": "lease"}, "kind", None),
        ({"partyIds": [str(KOMMUNE)]}, "partyIds", None),
        ({"partyIds": [str(KOMMUNE), str(KOMMUNE)]}, "partyIds", "duplicate"),
        ({"partyIds": ["not-a-uuid", str(POLITI)]}, "partyIds.0", None),
        ({"partyIds": None}, "partyIds", None),
        ({"signedOn": "2030-01-01"}, "validUntil", "not-after-signed"),
        ({"validUntil": "2026-01-15"}, "validUntil", "not-after-signed"),
        ({"reviewOn": "2031-01-01"}, "reviewOn", "outside-period"),
        ({"signedOn": 20260115}, "signedOn", None),
        ({"signedOn": "15.01.2026"}, "signedOn", None),
        ({"archiveWorthy": "yes"}, "archiveWorthy", None),
        ({"documentationStatus": "secret"}, "documentationStatus", None),
        ({"id": "e0e0e0e0-0000-4000-8000-000000000000"}, "id", None),
    ],
)
async def test_bad_input_is_a_field_error(
    coordinator: httpx.AsyncClient, change: dict[str, Any], field: str, code: str | None
) -> None:
    r = await coordinator.post("/api/agreements", json={**PAYLOAD, **change})
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    errors = r.json()["errors"]
    assert field in {e["field"] for e in errors}, errors
    if code is not None:
        assert code in {e["code"] for e in errors if e["field"] == field}
    assert (await coordinator.get("/api/agreements")).json()["total"] == 0  # nothing written


async def test_bad_updates(coordinator: httpx.AsyncClient, agreement: dict[str, Any]) -> None:
    path, v = f"/api/agreements/{agreement['id']}", {"If-Match": '"1"'}
    for body in (
        {"title": None},
        {"validUntil": "2020-01-01"},
        {"title": "x\x1b"},
        {"status": "x"},
    ):
        r = await coordinator.patch(path, json=body, headers=v)
        assert r.status_code == 422, (body, r.text)
    assert (await coordinator.patch(path, json={"title": "Ny"})).status_code == 428
    assert (await coordinator.get(path)).json()["version"] == 1


async def test_two_edits_of_one_version_end_in_one_412(
    coordinator: httpx.AsyncClient, agreement: dict[str, Any]
) -> None:
    path = f"/api/agreements/{agreement['id']}"
    for n in range(5):
        version = {"If-Match": f'"{n + 1}"'}
        answers = await asyncio.gather(
            coordinator.patch(path, json={"title": f"A{n}"}, headers=version),
            coordinator.patch(path, json={"title": f"B{n}"}, headers=version),
        )
        assert Counter(a.status_code for a in answers) == {200: 1, 412: 1}, n
        assert {a.json()["type"] for a in answers if a.status_code == 412} == {
            "/problems/stale-version"
        }


async def test_the_whole_form_sent_back_saves(
    coordinator: httpx.AsyncClient, agreement: dict[str, Any]
) -> None:
    """What the SPA sends: every field, the reminder cleared back to its default."""
    body = {**PAYLOAD, "validUntil": "2030-06-30", "reviewOn": None, "documentationStatus": "final"}
    path = f"/api/agreements/{agreement['id']}"
    r = await coordinator.patch(
        path, json={**body, "archiveWorthy": True}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    assert r.json()["reviewOn"] == "2030-03-30" and r.json()["kind"] == "police_council"


async def test_a_party_cannot_be_deleted(coordinator: httpx.AsyncClient) -> None:
    """The parties' foreign key: an organisation on an agreement stays (mark it inactive)."""
    r = await coordinator.post(
        "/api/organisations", json={"name": "Idrettsrådet", "type": "volunteer"}
    )
    org = r.json()
    body = {**PAYLOAD, "kind": "cooperation", "partyIds": [str(KOMMUNE), org["id"]]}
    agreement = (await coordinator.post("/api/agreements", json=body)).json()
    r = await coordinator.delete(f"/api/organisations/{org['id']}", headers={"If-Match": '"1"'})
    assert r.status_code == 409 and r.json()["type"] == "/problems/in-use", r.text
    got = await coordinator.get(f"/api/agreements/{agreement['id']}")
    assert got.json()["partyIds"] == [str(KOMMUNE), org["id"]]
