"""The organisation over REST: create, read, update with ETags, delete, lists, and every error as
problem+json that loses nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from adapters.postgres.demo import demo_id
from api.bootstrap import SystemClock
from tests.support.auth import login

PROBLEM = "application/problem+json"


@pytest.fixture
async def coordinator(client):
    csrf = await login(client, "coordinator")
    client.headers["X-CSRF-Token"] = csrf
    return client


async def test_create_read_update_delete_an_organisation(coordinator):
    c = coordinator
    r = await c.post(
        "/api/organisations",
        json={
            "name": "Fritidsklubben Loftet",
            "type": "culture_and_leisure",
            "organisationNumber": "974760673",
            "municipalityNumber": "3205",
        },
    )
    assert r.status_code == 201, r.text
    org = r.json()
    assert r.headers["etag"] == '"1"'
    assert r.headers["location"] == f"/api/organisations/{org['id']}"
    assert org["organisationNumber"] == "974760673" and org["version"] == 1

    r = await c.get(f"/api/organisations/{org['id']}")
    assert r.json() == org

    r = await c.patch(
        f"/api/organisations/{org['id']}", json={"active": False}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200
    assert r.json()["active"] is False and r.json()["version"] == 2
    assert r.headers["etag"] == '"2"'

    r = await c.delete(f"/api/organisations/{org['id']}", headers={"If-Match": '"2"'})
    assert r.status_code == 204
    r = await c.get(f"/api/organisations/{org['id']}")
    assert r.status_code == 404 and r.headers["content-type"] == PROBLEM


async def test_update_without_if_match_is_428_and_stale_is_412(coordinator):
    body = demo_id("body/team-sor")
    r = await coordinator.patch(f"/api/bodies/{body}", json={"mandate": "Nytt mandat"})
    assert r.status_code == 428
    assert r.json()["type"] == "/problems/version-required"
    ok = await coordinator.patch(
        f"/api/bodies/{body}", json={"mandate": "Nytt mandat"}, headers={"If-Match": '"1"'}
    )
    assert ok.status_code == 200
    lost = await coordinator.patch(
        f"/api/bodies/{body}", json={"mandate": "Eldre utkast"}, headers={"If-Match": '"1"'}
    )
    assert lost.status_code == 412
    assert lost.json()["type"] == "/problems/stale-version"
    assert (await coordinator.get(f"/api/bodies/{body}")).json()["mandate"] == "Nytt mandat"


async def test_validation_errors_name_every_field_and_save_nothing(coordinator, admin_engine):
    r = await coordinator.post(
        "/api/persons", json={"name": "Test Testesen", "email": "ikke en adresse", "phone": "12"}
    )
    assert r.status_code == 422
    problem = r.json()
    assert problem["type"] == "/problems/validation-failed"
    assert {e["field"] for e in problem["errors"]} == {"email", "phone"}
    async with admin_engine.connect() as conn:
        n = (
            await conn.execute(sa.text("SELECT count(*) FROM person WHERE name = 'Test Testesen'"))
        ).scalar_one()
    assert n == 0


async def test_schema_errors_are_problems_with_camel_case_fields(coordinator):
    r = await coordinator.post("/api/bodies", json={"name": "", "level": "middle", "surprise": 1})
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["errors"]}
    assert {"name", "level", "surprise"} <= fields
    r = await coordinator.post(
        "/api/bodies", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert r.status_code == 422 and r.headers["content-type"] == PROBLEM
    assert "Traceback" not in r.text


async def test_domain_rules_are_enforced(coordinator):
    c = coordinator
    r = await c.post(
        "/api/bodies", json={"name": "Politiråd light", "level": "executive", "isPolitiraad": True}
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "isPolitiraad"
    r = await c.post("/api/bodies", json={"name": "politirådet", "level": "steering"})
    assert r.status_code == 409  # names are unique per unit, case-insensitively
    r = await c.post(
        "/api/organisations",
        json={"name": "Ugyldig AS", "type": "business", "organisationNumber": "123456789"},
    )
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "organisationNumber"
    r = await c.delete(f"/api/organisations/{demo_id('org/kultur')}", headers={"If-Match": '"1"'})
    assert r.status_code == 409  # still referred to by persons and memberships


async def test_new_body_gets_the_meeting_norm_of_its_level(coordinator):
    r = await coordinator.post(
        "/api/bodies", json={"name": "Koordineringsgruppe skole", "level": "coordinating"}
    )
    assert r.json()["meetingNormPerYear"] == 12
    r = await coordinator.post(
        "/api/bodies", json={"name": "Styringsgruppe 2", "level": "steering"}
    )
    assert r.json()["meetingNormPerYear"] == 4


async def test_membership_lifecycle_and_conflicts(coordinator):
    c = coordinator
    team = demo_id("body/team-sentrum")
    rektor = demo_id("person/rektor")
    today = SystemClock().today()
    started = str(today - timedelta(days=30))
    r = await c.post(
        "/api/memberships",
        json={"bodyId": str(team), "personId": str(rektor), "role": "member", "validFrom": started},
    )
    assert r.status_code == 201, r.text
    m = r.json()
    assert m["organisationId"] == str(demo_id("org/nordby-us"))  # defaults to the person's own
    again = await c.post(
        "/api/memberships", json={"bodyId": str(team), "personId": str(rektor), "role": "observer"}
    )
    assert again.status_code == 409
    chair = await c.patch(
        f"/api/memberships/{m['id']}", json={"role": "chair"}, headers={"If-Match": '"1"'}
    )
    assert chair.status_code == 409  # the team already has a chair
    ended = await c.post(f"/api/memberships/{m['id']}/end", json={}, headers={"If-Match": '"1"'})
    assert ended.status_code == 200
    # Ended "now": yesterday was the last day, so a successor can start today.
    assert ended.json()["validTo"] == str(today - timedelta(days=1))
    r = await c.get("/api/memberships", params={"bodyId": str(team), "personId": str(rektor)})
    assert r.json()["total"] == 1  # ending keeps the history
    bad = await c.post(
        "/api/memberships",
        json={
            "bodyId": str(team),
            "personId": str(rektor),
            "role": "member",
            "validFrom": "2026-05-01",
            "validTo": "2026-01-01",
        },
    )
    assert bad.status_code == 422


async def test_lists_paginate_with_cursors_and_filter(coordinator):
    c = coordinator
    seen, cursor = [], None
    while True:
        r = await c.get(
            "/api/persons", params={"limit": 5, **({"cursor": cursor} if cursor else {})}
        )
        page = r.json()
        seen += [p["name"] for p in page["items"]]
        cursor = page["nextCursor"]
        if cursor is None:
            break
    assert len(seen) == page["total"] == len(set(seen))
    assert seen == sorted(seen, key=str.lower)
    r = await c.get("/api/organisations", params={"type": "school"})
    assert {o["name"] for o in r.json()["items"]} == {"Nordby ungdomsskole", "Sagdalen barneskole"}
    r = await c.get("/api/persons", params={"q": "koord"})
    assert [p["name"] for p in r.json()["items"]] == ["Kari Koordinator", "Nora Lund"]
    r = await c.get("/api/persons", params={"cursor": "not-a-cursor"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "cursor"
    r = await c.get("/api/bodies", params={"limit": 0})
    assert r.status_code == 422


async def test_health_reflects_the_organisation(coordinator):
    c = coordinator
    h = (await c.get("/api/unit/health")).json()
    by_code = {}
    for check in h["checks"]:
        by_code.setdefault(check["code"], []).append(check)
    assert h["ok"] is True
    assert all(x["ok"] for x in by_code["no_coordinator"] + by_code["no_steering_body"])
    assert len(by_code["membership_expiring"]) == 3  # the demo has three memberships ending soon
    new = await c.post(
        "/api/bodies", json={"name": "Koordineringsgruppe skole", "level": "coordinating"}
    )
    h = (await c.get("/api/unit/health")).json()
    missing = [x for x in h["checks"] if x["bodyId"] == new.json()["id"] and not x["ok"]]
    assert {x["code"] for x in missing} == {"body_without_chair", "body_without_members"}
    assert h["ok"] is False  # a coordinating body must have a chair


async def test_establishment_record(coordinator):
    c = coordinator
    r = await c.get("/api/unit/establishment")
    est = r.json()
    assert est["isEstablished"] is True and est["coordinatorFte"] == "1.000"
    r = await c.patch(
        "/api/unit/establishment",
        json={"coordinatorFte": "1.5"},
        headers={"If-Match": r.headers["etag"]},
    )
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "coordinatorFte"
    r = await c.patch(
        "/api/unit/establishment",
        json={"coordinatorFte": "0.6"},
        headers={"If-Match": f'"{est["version"]}"'},
    )
    assert r.status_code == 200 and r.json()["coordinatorFte"] == "0.6"


async def test_the_unit_record_is_the_admins(client):
    csrf = await login(client, "unit_admin")
    r = await client.get("/api/unit")
    unit = r.json()
    assert unit["municipalityNumbers"] == ["3205"] and unit["policeDistrict"] == "ost"
    r = await client.patch(
        "/api/unit",
        json={"language": "nn"},
        headers={"If-Match": r.headers["etag"], "X-CSRF-Token": csrf},
    )
    assert r.status_code == 200 and r.json()["language"] == "nn"
    r = await client.patch(
        "/api/unit", json={"language": "sv"}, headers={"If-Match": '"2"', "X-CSRF-Token": csrf}
    )
    assert r.status_code == 422


async def test_authenticated_responses_are_not_cached(coordinator):
    r = await coordinator.get("/api/unit")
    assert r.headers["cache-control"] == "no-store"


async def test_membership_responses_carry_the_names(coordinator):
    team = demo_id("body/team-sentrum")
    r = await coordinator.post(
        "/api/memberships",
        json={"bodyId": str(team), "personId": str(demo_id("person/rektor")), "role": "member"},
    )
    created = r.json()
    assert (created["personName"], created["bodyName"]) == ("Eirik Solberg", "Ungdomsteam Sentrum")
    assert created["organisationName"] == "Nordby ungdomsskole"
    assert (await coordinator.get(f"/api/memberships/{created['id']}")).json() == created
    r = await coordinator.post(
        f"/api/memberships/{created['id']}/end", json={}, headers={"If-Match": '"1"'}
    )
    assert r.json()["personName"] == "Eirik Solberg"


async def test_each_rule_has_its_own_problem_type(coordinator):
    team, rektor = demo_id("body/team-sentrum"), demo_id("person/rektor")
    payload = {"bodyId": str(team), "personId": str(rektor), "role": "member"}
    await coordinator.post("/api/memberships", json=payload)
    r = await coordinator.post("/api/memberships", json=payload)
    assert (r.status_code, r.json()["type"]) == (409, "/problems/membership-overlap")
    r = await coordinator.post("/api/bodies", json={"name": "POLITIRÅDET", "level": "steering"})
    assert r.json()["type"] == "/problems/duplicate-name"
    r = await coordinator.delete(
        f"/api/organisations/{demo_id('org/kultur')}", headers={"If-Match": '"1"'}
    )
    assert r.json()["type"] == "/problems/in-use"
    doc = await coordinator.get("/problems/membership-overlap")
    assert "overlapping" in doc.json()["description"]
