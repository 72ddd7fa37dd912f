"""Security tests room: break-glass by those it is not for — a police officer with a seat on the
executive body (or on the team) would read every agency's free text under it, past the police
minimisation; a steering reader and a person without a seat get the case's 404; nothing opens,
nothing is written, and a grant past its two hours reads nothing (denied and logged)."""

from __future__ import annotations

import sqlalchemy as sa

from tests.api.cases.support import (
    OLA,
    PER,
    POLITI,
    TEAM_NORD,
    add_member,
    as_,
    log_rows,
    ok,
    open_case,
    seat,
    session,
)

REASON = {"reason": "Akutt bekymring meldt av skolen, trenger oversikt.", "basis": "same_purpose"}


async def _grants(admin_engine, case_id: str) -> int:
    async with admin_engine.connect() as conn:
        return (
            await conn.execute(
                sa.text("SELECT count(*) FROM break_glass_grant WHERE case_id = :c"),
                {"c": case_id},
            )
        ).scalar_one()


async def _case(client) -> dict:
    ola = await session(client, "body_member")
    case = ok(await open_case(ola, {}), 201)
    ok(
        await ola.post(
            f"/api/cases/{case['id']}/notes", json={"category": "health", "text": "Helsenotat."}
        ),
        201,
    )
    return case


async def test_a_police_officer_with_a_seat_cannot_break_the_glass(client, admin_engine):
    case = await _case(client)
    await seat(client, TEAM_NORD, PER)
    h = await as_(client, "police_contact")
    r = await client.post(f"/api/cases/{case['id']}/break-glass", json=REASON, headers=h)
    assert r.status_code == 404, r.text
    assert await _grants(admin_engine, case["id"]) == 0


async def test_a_police_team_member_is_refused_break_glass(client, admin_engine):
    case = await _case(client)
    ola = await session(client, "body_member")
    await add_member(ola, {}, case["id"], PER, POLITI)
    h = await as_(client, "police_contact")
    r = await client.post(f"/api/cases/{case['id']}/break-glass", json=REASON, headers=h)
    assert r.status_code == 403, r.text
    assert r.json()["type"] == "/problems/break-glass-refused"
    assert await _grants(admin_engine, case["id"]) == 0
    seen = ok(await client.get(f"/api/cases/{case['id']}", headers=h))
    assert seen["notes"][0]["note"]["withheld"] is True


async def test_steering_readers_and_seatless_persons_get_the_cases_404(client, admin_engine):
    case = await _case(client)
    for who in ("steering_reader", "coordinator", "unit_admin"):
        h = await as_(client, who)
        r = await client.post(f"/api/cases/{case['id']}/break-glass", json=REASON, headers=h)
        assert r.status_code == 404, (who, r.text)
        r = await client.post(
            f"/api/cases/{case['id']}/break-glass", json={"basis": "same_purpose"}, headers=h
        )
        assert r.status_code in (404, 422), (who, r.text)
    assert await _grants(admin_engine, case["id"]) == 0
    readers = {
        str(x["actor_person_id"])
        for x in await log_rows(admin_engine, case["id"], decision="permit", action="read")
    }
    assert readers <= {str(OLA)}
