"""Cases REST tests room: break-glass over real HTTP — a person with a seat in the case's
executive body opens it with a reason for two hours, reads under it (every item's basis names
the grant, every read is logged with it), the unit's access controllers are mailed and review
it once; a seat-less person cannot; an expired grant opens nothing."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from tests.api.cases.support import KARI, TEAM_NORD, as_, log_rows, ok, open_case, seat, session


def words(mail) -> str:
    message = mail.message
    return f"{message['Subject']}\n{message.get_body(('plain',)).get_content()}"


REASON = {"reason": "Akutt bekymring meldt av skolen, trenger oversikt.", "basis": "same_purpose"}


async def _case_and_grant(client) -> tuple[dict, dict]:
    ola = await session(client, "body_member")
    case = ok(await open_case(ola, {}), 201)
    ok(
        await ola.post(
            f"/api/cases/{case['id']}/notes", json={"category": "health", "text": "Notat."}
        ),
        201,
    )
    await seat(client, TEAM_NORD, KARI)  # Kari: a seat on the case's body, not on its team
    h = await as_(client, "coordinator")
    assert (await client.get(f"/api/cases/{case['id']}", headers=h)).status_code == 404
    grant = ok(
        await client.post(f"/api/cases/{case['id']}/break-glass", json=REASON, headers=h), 201
    )
    return case, grant


async def test_break_glass_opens_the_case_for_two_hours_and_every_read_names_it(
    client, admin_engine, mail_catcher
):
    case, grant = await _case_and_grant(client)
    opened = datetime.fromisoformat(grant["openedAt"])
    assert (datetime.fromisoformat(grant["expiresAt"]) - opened).total_seconds() == 2 * 3600
    assert grant["reason"] == REASON["reason"] and grant["personId"] == str(KARI)
    h = await as_(client, "coordinator")
    r = await client.get(f"/api/cases/{case['id']}", headers=h)
    seen = ok(r)
    assert seen["myRole"] is None and seen["breakGlassId"] == grant["id"]
    note = seen["notes"][0]["note"]
    assert note["access"]["basis"] == "break_glass"
    assert note["access"]["breakGlassId"] == grant["id"]
    assert "/api/cases" not in str((await client.get("/api/cases", headers=h)).json())
    rows = await log_rows(admin_engine, case["id"], actor_person_id=KARI, action="read")
    permitted = [x for x in rows if x["decision"] == "permit"]
    assert permitted and all(str(x["break_glass_id"]) == grant["id"] for x in permitted)
    assert {x["basis"] for x in permitted} == {"break_glass"}
    # The unit's access controllers were told: the case reference, no names.
    texts = [words(m) for m in mail_catcher.caught]
    mails = [t for t in texts if case["reference"] in t]
    assert mails and all("Barn Testesen" not in t for t in mails), texts


async def test_the_access_controller_reviews_each_grant_once(client):
    case, grant = await _case_and_grant(client)
    h = await as_(client, "unit_admin")
    reviews = ok(await client.get("/api/break-glass/reviews", headers=h))
    mine = next(r for r in reviews if r["grant"]["id"] == grant["id"])
    assert mine["caseReference"] == case["reference"] and mine["grant"]["reviewedAt"] is None
    assert "Barn Testesen" not in str(reviews)
    note = {"note": "Begrunnet: akutt situasjon, i tråd med rutinen."}
    done = ok(await client.post(f"/api/break-glass/{grant['id']}/review", json=note, headers=h))
    assert done["grant"]["reviewedAt"] is not None and done["grant"]["reviewNote"] == note["note"]
    again = await client.post(f"/api/break-glass/{grant['id']}/review", json=note, headers=h)
    assert again.status_code == 409 and again.json()["type"] == "/problems/already-reviewed"


async def test_without_a_seat_there_is_no_break_glass(client):
    ola = await session(client, "body_member")
    case = ok(await open_case(ola, {}), 201)
    for who in ("steering_reader", "police_contact", "coordinator"):
        h = await as_(client, who)
        r = await client.post(f"/api/cases/{case['id']}/break-glass", json=REASON, headers=h)
        assert r.status_code == 404, (who, r.text)
        assert (await client.get(f"/api/cases/{case['id']}", headers=h)).status_code == 404


async def test_an_expired_grant_opens_nothing(client, admin_engine):
    case, grant = await _case_and_grant(client)
    async with admin_engine.begin() as conn:
        await conn.execute(
            sa.text(
                "UPDATE break_glass_grant SET opened_at = opened_at - interval '3 hours', "
                "expires_at = expires_at - interval '3 hours' WHERE id = :g"
            ),
            {"g": grant["id"]},
        )
    h = await as_(client, "coordinator")
    assert (await client.get(f"/api/cases/{case['id']}", headers=h)).status_code == 404


async def test_a_short_reason_is_refused_and_nothing_opens(client):
    ola = await session(client, "body_member")
    case = ok(await open_case(ola, {}), 201)
    await seat(client, TEAM_NORD, KARI)
    h = await as_(client, "coordinator")
    r = await client.post(
        f"/api/cases/{case['id']}/break-glass", json={**REASON, "reason": "Haster"}, headers=h
    )
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "reason", r.text
    assert (await client.get(f"/api/cases/{case['id']}", headers=h)).status_code == 404
