"""Cases REST tests room: closing and retention — the lead closes a case (If-Match); a closed
case is not changed; once past the unit's retention period it is listed (metadata only) and
deleted for real by the access controller: the case, its subject, notes and consents with their
events go, a de-identified statistics row and one access-log entry ``delete`` remain."""

from __future__ import annotations

import sqlalchemy as sa

from tests.api.cases.flows import give, setting
from tests.api.cases.support import as_, etag, ok, open_case, session


async def _count(admin_engine, sql: str, **params) -> int:
    async with admin_engine.connect() as conn:
        return int((await conn.execute(sa.text(sql), params)).scalar_one())


async def test_a_closed_case_past_retention_is_deleted_for_real(client, admin_engine):
    s = await setting(client, age=14)
    await give(client, s, s.party("guardian", 0))
    r = await s.ola.get(f"/api/cases/{s.id}")
    closed = await s.ola.post(
        f"/api/cases/{s.id}/closure", json={"reason": "goals_met"}, headers=etag(r)
    )
    case = ok(closed)
    assert case["status"] == "closed" and case["closingReason"] == "goals_met"
    changed = await s.ola.patch(f"/api/cases/{s.id}", json={"kind": "other"}, headers=etag(closed))
    assert changed.status_code == 409 and changed.json()["type"] == "/problems/case-closed"
    h = await as_(client, "unit_admin")  # the access controller waits for the period
    early = await client.delete(f"/api/cases/{s.id}", headers={**h, **etag(closed)})
    assert early.status_code == 409 and early.json()["type"] == "/problems/retention-not-due"
    async with admin_engine.begin() as conn:  # six years ago (the default keeps five)
        await conn.execute(
            sa.text(
                "UPDATE follow_up_case SET start_on = start_on - interval '7 years', "
                "closed_on = closed_on - interval '6 years' WHERE id = :id"
            ),
            {"id": s.id},
        )
    due = ok(await client.get("/api/cases/retention", headers=h))
    assert [d["reference"] for d in due if d["caseId"] == s.id] == [s.case["reference"]]
    assert "Barn Testesen" not in str(due)
    stats_before = await _count(admin_engine, "SELECT count(*) FROM case_statistics")
    version = next(d["version"] for d in due if d["caseId"] == s.id)
    gone = await client.delete(f"/api/cases/{s.id}", headers={**h, "If-Match": f'"{version}"'})
    assert gone.status_code == 204, gone.text
    ola = await session(client, "body_member")
    assert (await ola.get(f"/api/cases/{s.id}")).status_code == 404
    assert ok(await ola.get("/api/cases")) == []
    for table, column in (
        ("follow_up_case", "id"),
        ("case_note", "case_id"),
        ("consent", "case_id"),
        ("case_member", "case_id"),
    ):
        assert (
            await _count(admin_engine, f"SELECT count(*) FROM {table} WHERE {column} = :c", c=s.id)
            == 0
        ), table
    assert (
        await _count(
            admin_engine,
            "SELECT count(*) FROM consent_event WHERE consent_id = :c",
            c=s.consent["id"],
        )
        == 0
    )
    assert (
        await _count(
            admin_engine,
            "SELECT count(*) FROM case_subject WHERE id = :s",
            s=s.case["subject"]["id"],
        )
        == 0
    )
    assert await _count(admin_engine, "SELECT count(*) FROM case_statistics") == stats_before + 1
    deleted = await _count(
        admin_engine,
        "SELECT count(*) FROM access_log_entry WHERE case_id = :c AND action = 'delete'",
        c=s.id,
    )
    assert deleted == 1


async def test_the_retention_period_is_the_unit_admins_setting(client):
    h = await as_(client, "unit_admin")
    settings = ok(await client.get("/api/case-settings", headers=h))
    assert settings["retentionDays"] == 5 * 365 and settings["policyVersion"] == "2026-1"
    r = await client.put("/api/case-settings", json={"retentionDays": 3650}, headers=h)
    assert ok(r)["retentionDays"] == 3650
    for bad in (29, 10**6, "365", None, 1.5):
        r = await client.put("/api/case-settings", json={"retentionDays": bad}, headers=h)
        assert r.status_code == 422, (bad, r.text)
    assert ok(await client.get("/api/case-settings", headers=h))["retentionDays"] == 3650
    kari = await as_(client, "coordinator")
    r = await client.put("/api/case-settings", json={"retentionDays": 400}, headers=kari)
    assert r.status_code == 403


async def test_the_policy_vocabulary_for_the_spas_words(client):
    h = await as_(client, "body_member")
    policy = ok(await client.get("/api/case-policy", headers=h))
    assert policy["policyVersion"] == "2026-1" and "health" in policy["categories"]
    bases = {b["code"]: b for b in policy["legalBases"]}
    assert bases["consent"]["citation"] == "fvl. § 13 a nr. 1"
    assert bases["same_purpose"]["recordable"] is True and bases["consent"]["recordable"] is False
    regimes = {x["organisationType"]: x["regime"] for x in policy["organisationRegimes"]}
    assert regimes["child_welfare"] == "child_welfare" and regimes["mediation_service"] == "slt"
    assert policy["breakGlassHours"] == 2 and policy["healthAloneAge"] == 16
    assert "consent-withdrawn" in policy["denyReasons"]


async def test_the_lead_may_delete_a_closed_case_at_once_but_not_an_open_one(client):
    ola = await session(client, "body_member")
    r = await open_case(ola, {})
    cid = ok(r, 201)["id"]
    still = await ola.delete(f"/api/cases/{cid}", headers=etag(r))
    assert still.status_code == 409 and still.json()["type"] == "/problems/case-still-open"
    closed = await ola.post(f"/api/cases/{cid}/closure", json={"reason": "moved"}, headers=etag(r))
    assert (await ola.delete(f"/api/cases/{cid}", headers=etag(closed))).status_code == 204
    assert (await ola.get(f"/api/cases/{cid}")).status_code == 404
