"""Cases REST tests room: the team decides who sees a case — another team's member sees none of
it; a person added sees it from the next request and loses it when removed; a member is listed
with their role; search by identity number (in the body) finds only the reader's own cases."""

from __future__ import annotations

from tests.api.cases.support import (
    KARI,
    KOMMUNE,
    NUMBER_A,
    NUMBER_B,
    TEAM_SENTRUM,
    add_member,
    ok,
    open_case,
    seat,
    session,
)


async def test_another_teams_member_sees_nothing_of_the_case(client):
    ola = await session(client, "body_member")
    mine = ok(await open_case(ola, {}), 201)
    await seat(client, TEAM_SENTRUM, KARI)
    kari = await session(client, "coordinator")
    theirs = ok(
        await open_case(kari, {}, body=TEAM_SENTRUM, organisation=KOMMUNE, number=NUMBER_B), 201
    )
    assert theirs["myRole"] == "lead" and theirs["subject"]["identity"]["access"]["basis"] == (
        "own_service"
    )
    # Each team sees its own case, and of the other's not even that it exists.
    assert [c["id"] for c in ok(await ola.get("/api/cases"))] == [mine["id"]]
    assert [c["id"] for c in ok(await kari.get("/api/cases"))] == [theirs["id"]]
    for who, other in ((ola, theirs), (kari, mine)):
        for path in ("", "/notes", "/consents", "/legal-bases", "/access-report"):
            r = await who.get(f"/api/cases/{other['id']}{path}")
            assert r.status_code == 404 and r.json()["type"] == "/problems/not-found", r.text
    found = ok(await kari.post("/api/subjects/search", json={"identityNumber": NUMBER_A}))
    assert found == {"subjectId": None, "cases": []}


async def test_a_member_sees_the_case_from_the_next_request_until_removed(client):
    ola = await session(client, "body_member")
    case = ok(await open_case(ola, {}), 201)
    kari = await session(client, "coordinator")
    assert (await kari.get(f"/api/cases/{case['id']}")).status_code == 404
    member = await add_member(ola, {}, case["id"], KARI, KOMMUNE)
    assert member["role"] == "member" and member["organisationId"] == str(KOMMUNE)
    listed = ok(await kari.get("/api/cases"))
    assert [(c["id"], c["myRole"], c["reference"]) for c in listed] == [
        (case["id"], "member", case["reference"])
    ]
    assert listed[0]["subject"]["withheld"] is True  # the name needs a consent or a basis
    seen = ok(await kari.get(f"/api/cases/{case['id']}"))
    assert seen["myRole"] == "member" and seen["myOrganisationId"] == str(KOMMUNE)
    again = await ola.post(
        f"/api/cases/{case['id']}/members",
        json={"personId": str(KARI), "organisationId": str(KOMMUNE)},
    )
    assert again.status_code == 409 and again.json()["type"] == "/problems/already-on-team"
    r = await ola.delete(f"/api/cases/{case['id']}/members/{member['id']}")
    assert r.status_code == 204, r.text
    assert (await kari.get(f"/api/cases/{case['id']}")).status_code == 404
    assert ok(await kari.get("/api/cases")) == []
    gone = await ola.delete(f"/api/cases/{case['id']}/members/{member['id']}")
    assert gone.status_code == 404


async def test_the_last_lead_stays_and_only_the_lead_manages_the_team(client):
    ola = await session(client, "body_member")
    case = ok(await open_case(ola, {}), 201)
    lead = case["team"][0]
    r = await ola.delete(f"/api/cases/{case['id']}/members/{lead['id']}")
    assert r.status_code == 409 and r.json()["type"] == "/problems/last-lead"
    await add_member(ola, {}, case["id"], KARI, KOMMUNE)
    kari = await session(client, "coordinator")
    r = await kari.post(
        f"/api/cases/{case['id']}/members", json={"name": "Trener", "organisationId": None}
    )
    assert r.status_code == 403, r.text  # on the team, so the refusal confirms nothing new
    network = await ola.post(f"/api/cases/{case['id']}/members", json={"name": "Fotballtrener"})
    assert network.status_code == 201, network.text
    assert network.json()["organisationId"] is None and network.json()["role"] == "member"


async def test_search_by_identity_number_finds_the_readers_own_cases(client):
    ola = await session(client, "body_member")
    case = ok(await open_case(ola, {}, number=NUMBER_A), 201)
    found = ok(await ola.post("/api/subjects/search", json={"identityNumber": NUMBER_A}))
    assert found["subjectId"] == case["subject"]["id"]
    assert [c["id"] for c in found["cases"]] == [case["id"]]
    nothing = ok(await ola.post("/api/subjects/search", json={"identityNumber": NUMBER_B}))
    assert nothing == {"subjectId": None, "cases": []}
    # A second case for the same number reuses the registered subject.
    other = ok(await open_case(ola, {}, kind="other", number=NUMBER_A), 201)
    assert other["subject"]["id"] == case["subject"]["id"]
