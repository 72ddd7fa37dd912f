"""Measures REST tests room: action plans — a draft edited freely (focus areas and goals sent
whole), adopted by a steering body's numbered decision and locked after, progress rolled up
from the measures under its goals, removal of drafts only."""

from __future__ import annotations

from tests.api.measures.support import POLITIRAD, decided, decision, headers, ok, propose

PLAN = {
    "title": "Handlingsplan for SLT 2026–2029",
    "periodStart": "2026-01-01",
    "periodEnd": "2029-12-31",
    "focusAreas": [
        {
            "title": "Trygge oppvekstmiljø",
            "strategies": ["Tidlig innsats"],
            "weight": 2,
            "goals": [
                {"title": "Færre skoleavbrudd"},
                {"title": "Flere i fritidsaktivitet", "weight": 3},
            ],
        },
        {"title": "Rus", "goals": [{"title": "Senere debut"}]},
    ],
}


def _tag(r) -> dict[str, str]:
    return {"If-Match": r.headers["ETag"]}


async def test_a_plan_is_drafted_adopted_and_locked(client):
    h = await headers(client)
    r = await client.post("/api/action-plans", json=PLAN, headers=h)
    plan = ok(r, 201)
    assert r.headers["Location"] == f"/api/action-plans/{plan['id']}"
    assert plan["status"] == "draft" and plan["adopted"] is False and plan["progress"] == 0
    area = plan["focusAreas"][0]
    assert [g["title"] for g in area["goals"]] == ["Færre skoleavbrudd", "Flere i fritidsaktivitet"]
    assert area["strategies"] == ["Tidlig innsats"] and area["weight"] == 2
    goal = area["goals"][0]
    # A proposal is not part of the plan until a body decides it: it counts from decided on.
    ok(await propose(client, h, goalIds=[goal["id"]]), 201)
    milestones = [{"title": "A", "doneOn": "2026-02-01"}, {"title": "B"}]
    m = (await decided(client, h, goalIds=[goal["id"]], milestones=milestones)).json()
    assert area["id"] in m["focusAreaIds"]  # a goal implies its focus area
    tree = ok(await client.get(f"/api/action-plans/{plan['id']}", headers=h))
    node = tree["focusAreas"][0]["goals"][0]
    assert m["id"] in [x["id"] for x in node["measures"]] and node["progress"] == 0.5
    assert len(node["measures"]) == 2 and tree["focusAreas"][0]["progress"] == 0.5
    assert tree["progress"] == 0.5  # only the focus area with counted measures counts
    # A draft is edited freely: an area without id is new, the kept ones keep their ids.
    changed = {
        **PLAN,
        "focusAreas": [
            {
                **PLAN["focusAreas"][0],
                "id": area["id"],
                "goals": [{"id": goal["id"], "title": "Færre avbrudd"}],
            },
            {"title": "Ny"},
        ],
    }
    r = await client.patch(
        f"/api/action-plans/{plan['id']}",
        json={"focusAreas": changed["focusAreas"]},
        headers={**h, **_tag(r)},
    )
    edited = ok(r)
    assert [f["title"] for f in edited["focusAreas"]] == ["Trygge oppvekstmiljø", "Ny"]
    assert edited["focusAreas"][0]["goals"][0]["id"] == goal["id"]
    # Only a steering body's numbered decision adopts it.
    coordinating = await decision(client, h)
    wrong = await client.post(
        f"/api/action-plans/{plan['id']}/adoption",
        json={"decisionId": coordinating},
        headers={**h, **_tag(r)},
    )
    assert wrong.status_code in (409, 422), wrong.text
    steering = await decision(client, h, POLITIRAD)
    r = await client.post(
        f"/api/action-plans/{plan['id']}/adoption",
        json={"decisionId": steering},
        headers={**h, **_tag(r)},
    )
    adopted = ok(r)
    assert adopted["adopted"] is True and adopted["status"] == "adopted"
    assert adopted["decisionId"] == steering and adopted["decision"]["bodyLevel"] == "steering"
    locked = await client.patch(
        f"/api/action-plans/{plan['id']}", json={"title": "Endret"}, headers={**h, **_tag(r)}
    )
    assert locked.status_code == 409 and locked.json()["type"] == "/problems/plan-adopted"
    gone = await client.delete(f"/api/action-plans/{plan['id']}", headers={**h, **_tag(r)})
    assert gone.status_code == 409
    listed = ok(await client.get("/api/action-plans", headers=h))
    assert plan["id"] in [p["id"] for p in listed]


async def test_bad_plans_are_field_errors(client):
    h = await headers(client)
    for body, field in (
        ({**PLAN, "periodEnd": "2025-01-01"}, "periodEnd"),
        ({**PLAN, "title": None}, "title"),
        ({**PLAN, "periodStart": "1.1.2026"}, "periodStart"),
        ({**PLAN, "weighting": "random"}, "weighting"),
        ({**PLAN, "focusAreas": [{"title": "x"}] * 21}, "focusAreas"),
        (
            {**PLAN, "focusAreas": [{"title": "x", "goals": [{"title": "g", "weight": 0}]}]},
            "focusAreas.0.goals.0.weight",
        ),
        ({**PLAN, "focusAreas": [{"title": "x\x00"}]}, "focusAreas.0.title"),
    ):
        r = await client.post("/api/action-plans", json=body, headers=h)
        assert r.status_code == 422, (field, r.text)
        assert any(e["field"].startswith(field) for e in r.json()["errors"]), (field, r.text)
    assert ok(await client.get("/api/action-plans", headers=h)) == []


async def test_a_draft_is_removed_and_settings_are_kept(client):
    h = await headers(client)
    r = await client.post("/api/action-plans", json=PLAN, headers=h)
    ok(r, 201)
    assert (
        await client.delete(f"/api/action-plans/{r.json()['id']}", headers={**h, **_tag(r)})
    ).status_code == 204
    assert (await client.get(f"/api/action-plans/{r.json()['id']}", headers=h)).status_code == 404
    assert ok(await client.get("/api/measure-settings", headers=h)) == {
        "evaluationThresholdNok": 500_000
    }
    assert ok(
        await client.put(
            "/api/measure-settings", json={"evaluationThresholdNok": 100_000}, headers=h
        )
    ) == {"evaluationThresholdNok": 100_000}
    m = ok(await propose(client, h, budgetNok=200_000), 201)
    assert m["evaluationTriggers"] == ["costly"]
    bad = await client.put("/api/measure-settings", json={"evaluationThresholdNok": -5}, headers=h)
    assert bad.status_code == 422


async def test_reads_portfolio_factors_and_decisions(client):
    h = await headers(client)
    ok(await propose(client, h, tier="universal", budgetNok=1000), 201)
    ok(await propose(client, h, tier="universal", budgetNok=500), 201)
    portfolio = ok(await client.get("/api/measures/portfolio", headers=h))
    cell = next(
        c
        for c in portfolio["cells"]
        if c["tier"] == "universal" and c["stage"] == "proposed" and c["focusAreaId"] is None
    )
    assert cell["count"] >= 2 and cell["budgetNok"] >= 1500
    factors = ok(await client.get("/api/measure-factors", headers=h))
    assert (
        "early-substance-use" in [f["code"] for f in factors["risk"]]
        and factors["vocabularyVersion"]
    )
    d = await decision(client, h)
    steering = await decision(client, h, POLITIRAD)
    draft = await decision(client, h, approve=False)
    listed = ok(await client.get("/api/decisions", params={"bodyLevel": "coordinating"}, headers=h))
    ids = [x["id"] for x in listed]
    assert d in ids and steering not in ids and draft not in ids
    assert all(x["label"] and x["bodyLevel"] == "coordinating" for x in listed)
    both = [x["id"] for x in ok(await client.get("/api/decisions", headers=h))]
    assert {d, steering} <= set(both)
    assert (
        await client.get("/api/decisions", params={"bodyLevel": "team"}, headers=h)
    ).status_code == 422
    board = ok(await client.get("/api/measures/board", params={"stage": ["proposed"]}, headers=h))
    assert board and all(x["stage"] == "proposed" for x in board)
