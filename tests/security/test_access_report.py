"""Security tests room: the access report of a case goes to that case's lead (or the access
controller) — never to the lead of another case of the same subject, who would learn who reads
a case they are not on."""

from __future__ import annotations

from tests.api.cases.support import (
    KARI,
    KOMMUNE,
    TEAM_SOR,
    as_,
    ok,
    open_case,
    seat,
    session,
)


async def test_a_lead_of_another_case_of_the_subject_gets_no_report(client, admin_engine):
    ola = await session(client, "body_member")
    first = ok(await open_case(ola, {}), 201)
    # The same service opens a second case of the same child: it joins Ola's own subject.
    second = ok(await open_case(ola, {}, body=TEAM_SOR, kind="other"), 201)
    assert second["subject"]["id"] == first["subject"]["id"]
    # Ola hands the first case over to Kari and leaves its team.
    ok(
        await ola.post(
            f"/api/cases/{first['id']}/members",
            json={"personId": str(KARI), "organisationId": str(KOMMUNE), "role": "lead"},
        ),
        201,
    )
    ok(await ola.delete(f"/api/cases/{first['id']}/members/{first['team'][0]['id']}"), 204)
    await seat(client, TEAM_SOR, KARI)
    h = await as_(client, "coordinator")
    ok(await client.get(f"/api/cases/{first['id']}", headers=h))
    r = await ola.get(f"/api/cases/{first['id']}/access-report")
    assert r.status_code == 404, r.text
    assert "Kari" not in r.text
    # His own case's report he gets; Kari hers.
    ok(await ola.get(f"/api/cases/{second['id']}/access-report"))
    ok(await client.get(f"/api/cases/{first['id']}/access-report", headers=h))


async def test_no_409_tells_of_an_open_case_the_opener_is_not_on(client):
    """Ola follows the child in a second case but has handed the first over: opening again on
    the first one's body and kind must not answer 'open-case-exists' about a case he is off."""
    ola = await session(client, "body_member")
    first = ok(await open_case(ola, {}), 201)
    ok(await open_case(ola, {}, body=TEAM_SOR, kind="other"), 201)
    ok(
        await ola.post(
            f"/api/cases/{first['id']}/members",
            json={"personId": str(KARI), "organisationId": str(KOMMUNE), "role": "lead"},
        ),
        201,
    )
    ok(await ola.delete(f"/api/cases/{first['id']}/members/{first['team'][0]['id']}"), 204)
    again = await open_case(ola, {})
    assert again.status_code == 201, again.text
    assert again.json()["subject"]["id"] != first["subject"]["id"]


async def test_a_search_logs_its_read_with_the_decisions_basis(client, admin_engine):
    from tests.api.cases.support import NUMBER_A, log_rows

    ola = await session(client, "body_member")
    case = ok(await open_case(ola, {}), 201)
    ok(await ola.post("/api/subjects/search", json={"identityNumber": NUMBER_A}))
    rows = await log_rows(admin_engine, case["id"], action="read", decision="permit")
    assert rows and all(r["basis"] for r in rows)
