"""Measures REST tests room: a measure through every stage over HTTP — the happy path with its
history and timeline, and each precondition of the lifecycle as a 409 naming its code."""

from __future__ import annotations

from datetime import date

import pytest

from tests.api.measures.support import (
    KARI,
    KOMMUNE,
    OLA,
    POLITIRAD,
    active,
    completed_evaluation,
    decided,
    decision,
    fresh,
    headers,
    move,
    ok,
    plan_of_evaluation,
    propose,
)


async def test_a_measure_goes_from_proposal_to_conclusion(client):
    h = await headers(client)
    r = await propose(client, h, newOrTrial=True)
    m = r.json()
    assert m["stage"] == "proposed" and m["version"] == 1 and r.headers["ETag"] == '"1"'
    assert r.headers["Location"] == f"/api/measures/{m['id']}"
    assert m["legalTargets"] == ["assessed", "rejected"]
    assert m["evaluationRequired"] is True and m["evaluationTriggers"] == ["new_or_trial"]
    assert m["proposedBy"] == str(KARI) and m["progress"] == 0
    r = await move(client, h, r, "assessed")
    ok(r)
    r = await client.patch(
        f"/api/measures/{m['id']}",
        json={
            "responsibleOrganisationIds": [str(KOMMUNE)],
            "ownerId": str(OLA),
            "startOn": date.today().isoformat(),
            "evaluationPlan": plan_of_evaluation(),
            "milestones": [{"title": "Rekruttere voksne", "weight": 3}, {"title": "Oppstart"}],
        },
        headers={**h, "If-Match": r.headers["ETag"]},
    )
    assert ok(r)["progress"] == 0 and len(r.json()["milestones"]) == 2
    d = await decision(client, h)
    r = await move(client, h, r, "decided", decisionId=d, reason="Vedtatt i KG")
    body = ok(r)
    assert body["stage"] == "decided" and body["decisionId"] == d
    assert body["decision"]["label"] and body["decision"]["bodyLevel"] == "coordinating"
    r = await move(client, h, r, "active")
    assert ok(r)["stage"] == "active"
    evaluations = ok(await client.get(f"/api/measures/{m['id']}/evaluations", headers=h))
    assert len(evaluations) == 1 and evaluations[0]["completed"] is False  # planned on activation
    assert evaluations[0]["dueOn"] == plan_of_evaluation()["dueOn"]
    await completed_evaluation(client, h, m["id"])
    r = await move(client, h, await fresh(client, h, m["id"]), "evaluated")
    assert ok(r)["stage"] == "evaluated"
    r = await move(client, h, r, "continued")
    assert ok(r)["legalTargets"] == ["evaluated", "concluded", "stopped"]
    r = await move(client, h, r, "concluded", closingNote="Videreført i ordinær drift.")
    final = ok(r)
    assert final["stage"] == "concluded" and final["legalTargets"] == []
    history = ok(await client.get(f"/api/measures/{m['id']}/history", headers=h))
    assert [(c["fromStage"], c["toStage"]) for c in history] == [
        (None, "proposed"),
        ("proposed", "assessed"),
        ("assessed", "decided"),
        ("decided", "active"),
        ("active", "evaluated"),
        ("evaluated", "continued"),
        ("continued", "concluded"),
    ]
    assert [c["sequence"] for c in history] == list(range(1, 8))
    assert history[2]["decisionId"] == d and history[2]["decisionLabel"]
    assert history[2]["reason"] == "Vedtatt i KG" and history[2]["actorPersonId"] == str(KARI)
    timeline = ok(await client.get(f"/api/measures/{m['id']}/timeline", headers=h))
    kinds = [e["kind"] for e in timeline["entries"]]
    assert kinds.count("stage") == 7 and "decision" in kinds and "evaluation" in kinds
    assert timeline["measure"]["id"] == m["id"]


async def test_reject_and_stop_need_a_reason(client):
    h = await headers(client)
    r = await propose(client, h)
    refused = await move(client, h, r, "rejected")
    assert refused.status_code == 409
    assert refused.json()["preconditionCodes"] == ["reason-required"]
    assert (
        ok(await move(client, h, r, "rejected", reason="Dekkes av et annet tiltak."))["stage"]
        == "rejected"
    )
    r = await decided(client, h)
    assert (await move(client, h, r, "stopped", reason="  ")).json()["preconditionCodes"] == [
        "reason-required"
    ]
    assert (
        ok(await move(client, h, r, "stopped", reason="Midlene falt bort."))["legalTargets"] == []
    )


def _refused(r, *codes: str, current: str, target: str) -> None:
    assert r.status_code == 409, r.text
    body = r.json()
    assert r.headers["content-type"].startswith("application/problem+json")
    assert body["type"] == "/problems/illegal-transition"
    assert body["preconditionCodes"] == list(codes)
    assert body["currentStatus"] == current and body["targetStatus"] == target
    assert body["precondition"]  # in English, for developers


async def test_no_such_step(client):
    h = await headers(client)
    r = await propose(client, h)
    _refused(
        await move(client, h, r, "active"), "not-from-stage", current="proposed", target="active"
    )


async def test_deciding_needs_a_numbered_coordinating_decision_and_a_responsible_organisation(
    client,
):
    h = await headers(client)
    r = await propose(client, h)
    r = await move(client, h, r, "assessed")
    ok(r)
    _refused(
        await move(client, h, r, "decided"),
        "decision-required",
        "responsible-organisation-required",
        current="assessed",
        target="decided",
    )
    draft = await decision(client, h, approve=False)
    _refused(
        await move(client, h, r, "decided", decisionId=draft),
        "decision-not-approved",
        "responsible-organisation-required",
        current="assessed",
        target="decided",
    )
    steering = await decision(client, h, POLITIRAD)
    _refused(
        await move(client, h, r, "decided", decisionId=steering),
        "decision-not-coordinating",
        "responsible-organisation-required",
        current="assessed",
        target="decided",
    )
    # Nothing was written by the refusals: the measure is where it was, at the same version.
    again = await fresh(client, h, r.json()["id"])
    assert again.json()["stage"] == "assessed" and again.headers["ETag"] == r.headers["ETag"]


async def test_an_unknown_decision_is_a_field_error(client):
    h = await headers(client)
    r = await move(client, h, await propose(client, h), "assessed")
    wrong = await move(client, h, r, "decided", decisionId="00000000-0000-0000-0000-000000000007")
    assert wrong.status_code == 422, wrong.text
    assert wrong.json()["errors"][0]["field"] == "decisionId"


async def test_activation_needs_owner_start_and_evaluation_plan(client):
    h = await headers(client)
    r = await decided(client, h)
    _refused(
        await move(client, h, r, "active"),
        "owner-required",
        "start-required",
        "evaluation-plan-required",
        current="decided",
        target="active",
    )


async def test_evaluated_needs_a_completed_evaluation(client):
    h = await headers(client)
    r = await active(client, h)
    _refused(
        await move(client, h, r, "evaluated"),
        "completed-evaluation-required",
        current="active",
        target="evaluated",
    )


@pytest.mark.parametrize(
    ("flags", "code"),
    [
        ({"transferable": True}, "evaluation-required"),
        ({"budgetNok": 900_000}, "evaluation-required"),  # above the default 500 000
        ({}, "closing-note-required"),
    ],
)
async def test_concluding_needs_an_evaluation_or_a_closing_note(client, flags, code):
    h = await headers(client)
    r = await active(client, h, **flags)
    _refused(
        await move(
            client,
            h,
            r,
            "concluded",
            closingNote="Avsluttet." if code == "evaluation-required" else None,
        ),
        code,
        current="active",
        target="concluded",
    )


async def test_an_optional_evaluation_concludes_with_a_closing_note(client):
    h = await headers(client)
    r = await active(client, h)
    assert (
        ok(await move(client, h, r, "concluded", closingNote="Gjennomført."))["closingNote"]
        == "Gjennomført."
    )
