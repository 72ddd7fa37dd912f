"""Measures REST tests room: bad input is a 422 with field errors and nothing written — NUL
bytes, nulls for required fields, huge strings, wrong types, unknown factor codes, an upside-down
age range, too many items — never a 500."""

from __future__ import annotations

import pytest

from tests.api.measures.support import headers, ok, propose

GOOD = {"title": "Leksehjelp", "problem": "Mange faller fra i ungdomsskolen.", "tier": "universal"}
HUGE = "x" * 100_000


async def _count(client, h) -> int:
    return ok(await client.get("/api/measures", headers=h))["total"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": "Lekse\x00hjelp"}, "title"),
        ({"title": None}, "title"),
        ({"problem": None}, "problem"),
        ({"tier": None}, "tier"),
        ({"title": "   "}, "title"),
        ({"title": HUGE}, "title"),
        ({"description": HUGE}, "description"),
        ({"tier": "mandatory"}, "tier"),
        ({"budgetNok": "mye"}, "budgetNok"),
        ({"budgetNok": -1}, "budgetNok"),
        ({"budgetNok": 10**12}, "budgetNok"),
        ({"budgetNok": 1.5}, "budgetNok"),
        ({"newOrTrial": "yes"}, "newOrTrial"),
        ({"ownerId": "kari"}, "ownerId"),
        ({"startOn": "01.02.2026"}, "startOn"),
        ({"targetAgeMin": 30}, "targetAgeMin"),
        ({"riskFactors": ["early-substance-use", "bad-luck"]}, "riskFactors.1"),
        ({"protectiveFactors": ["early-substance-use"]}, "protectiveFactors.0"),
        ({"focusAreaIds": ["00000000-0000-0000-0000-000000000001"] * 100}, "focusAreaIds"),
        ({"milestones": [{"title": "M"}] * 100}, "milestones"),
        ({"milestones": [{"title": "M", "weight": 0}]}, "milestones.0.weight"),
        (
            {"registryReferences": [{"registry": "ungsinn", "rating": "3", "verdict": "great"}]},
            "registryReferences.0.verdict",
        ),
        (
            {
                "evaluationPlan": {
                    "aspects": [],
                    "method": "M",
                    "performer": "internal",
                    "dueOn": "2027-01-01",
                }
            },
            "evaluationPlan.aspects",
        ),
        ({"unknownField": 1}, "unknownField"),
    ],
)
async def test_bad_proposals_are_refused_with_field_errors(client, change, field):
    h = await headers(client)
    before = await _count(client, h)
    r = await client.post("/api/measures", json={**GOOD, **change}, headers=h)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["type"] == "/problems/validation-failed"
    assert field in [e["field"] for e in body["errors"]], body
    assert await _count(client, h) == before


async def test_upside_down_age_range_and_dates(client):
    h = await headers(client)
    before = await _count(client, h)
    r = await client.post(
        "/api/measures", json={**GOOD, "targetAgeMin": 16, "targetAgeMax": 12}, headers=h
    )
    assert r.status_code == 422 and r.json()["type"] == "/problems/validation-failed", r.text
    r = await client.post(
        "/api/measures", json={**GOOD, "startOn": "2026-05-01", "endOn": "2026-04-01"}, headers=h
    )
    assert r.status_code == 422, r.text
    assert await _count(client, h) == before


async def test_an_unknown_owner_or_organisation_is_a_field_error(client):
    h = await headers(client)
    nobody = "00000000-0000-0000-0000-00000000beef"
    for field in (
        "ownerId",
        "responsibleOrganisationIds",
        "partnerOrganisationIds",
        "focusAreaIds",
        "goalIds",
    ):
        value = nobody if field == "ownerId" else [nobody]
        r = await client.post("/api/measures", json={**GOOD, field: value}, headers=h)
        assert r.status_code == 422, (field, r.text)
        assert r.json()["errors"][0]["field"].startswith(field), r.text


@pytest.mark.parametrize(
    "change",
    [
        {"title": None},
        {"tier": None},
        {"milestones": None},
        {"title": "\x00"},
        {"budgetNok": "1"},
        {"riskFactors": ["no-such-factor"]},
        {"stage": "active"},
        {"version": 7},
    ],
)
async def test_bad_changes_write_nothing(client, change):
    h = await headers(client)
    r = await propose(client, h)
    answer = await client.patch(
        f"/api/measures/{r.json()['id']}", json=change, headers={**h, "If-Match": r.headers["ETag"]}
    )
    assert answer.status_code == 422, answer.text
    again = await client.get(f"/api/measures/{r.json()['id']}", headers=h)
    assert again.json() == r.json()


@pytest.mark.parametrize(
    "body",
    [
        {"target": "flying"},
        {"target": None},
        {},
        {"target": "rejected", "reason": "x" * 5000},
        {"target": "rejected", "reason": "Nei\x00"},
        {"target": "decided", "decisionId": "not-a-uuid"},
    ],
)
async def test_bad_transitions(client, body):
    h = await headers(client)
    r = await propose(client, h)
    answer = await client.post(
        f"/api/measures/{r.json()['id']}/transitions",
        json=body,
        headers={**h, "If-Match": r.headers["ETag"]},
    )
    assert answer.status_code == 422, answer.text
    assert len(ok(await client.get(f"/api/measures/{r.json()['id']}/history", headers=h))) == 1


async def test_wrong_json_and_paths(client):
    h = await headers(client)
    r = await client.post(
        "/api/measures", content=b"{not json", headers={**h, "Content-Type": "application/json"}
    )
    assert r.status_code == 422, r.text  # the house's answer: a field error with code "json"
    assert [e["code"] for e in r.json()["errors"]] == ["json"]
    r = await client.post("/api/measures", json=[GOOD], headers=h)
    assert r.status_code == 422
    for path in ("/api/measures/not-a-uuid", "/api/evaluations/x", "/api/action-plans/x"):
        r = await client.get(path, headers=h)
        assert (
            r.status_code in (404, 422) and r.headers["content-type"] == "application/problem+json"
        )
    for method, path in (("PATCH", "/api/measures/portfolio"), ("DELETE", "/api/evaluations/due")):
        r = await client.request(method, path, json={}, headers=h)
        assert r.status_code == 405 and r.headers["allow"] in ("GET", "POST"), (path, r.headers)
    r = await client.get("/api/measures", params={"stage": "flying"}, headers=h)
    assert r.status_code == 422
    r = await client.get("/api/measures", params={"q": "a\x00"}, headers=h)
    assert r.status_code == 422
    r = await client.get("/api/measures", params={"q": "x" * 5000}, headers=h)
    assert r.status_code == 422
    r = await client.get("/api/measures", params={"cursor": "garbage"}, headers=h)
    assert r.status_code == 422
