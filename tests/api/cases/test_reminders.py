"""Cases REST tests room: consent reminders — a consent expiring within 30 days, and a subject
turning 15, 16 or 18 soon (who must consent may change), listed for the team and mailed on
request with references and dates only; a withdrawn consent reminds of nothing."""

from __future__ import annotations

from datetime import date, timedelta

from tests.api.cases.support import (
    KOMMUNE,
    RUS_PSYK,
    consent_payload,
    ok,
    open_case,
    parties_of,
    session,
)


async def test_expiring_consents_and_birthdays_are_reminded_and_mailed(client, mail_catcher):
    ola = await session(client, "body_member")
    # Turns 15 in ten days: the child's own consent begins to count for child welfare.
    case = ok(await open_case(ola, {}, age=15, days_after_birthday=-10), 201)
    assert case["subject"]["identity"]["age"] == 14
    expires = date.today() + timedelta(days=20)
    payload = consent_payload(
        case,
        categories=["health"],
        sources=[RUS_PSYK],
        recipients=[KOMMUNE],
        parties=parties_of(case),
        validTo=expires.isoformat(),
    )
    consent = ok(await ola.post(f"/api/cases/{case['id']}/consents", json=payload), 201)
    reminders = ok(await ola.get("/api/consents/reminders"))
    mine = {(r["kind"], r["turns"]): r for r in reminders if r["consentId"] == consent["id"]}
    assert mine[("expiring", None)]["dueOn"] == expires.isoformat()
    assert mine[("birthday", 15)]["reference"] == case["reference"]
    sent = ok(await ola.post("/api/consents/reminders"))
    assert sent["sent"] == len(reminders)
    texts = [m.message.get_body(("plain",)).get_content() for m in mail_catcher.caught]
    mail = next(t for t in texts if case["reference"] in t)
    assert "Barn Testesen" not in mail and "Testesen" not in mail
    # A withdrawn consent is not renewed: no reminder.
    party = consent["parties"][1]["id"]
    for kind, seq in (("given", 0), ("withdrawn", 1)):
        r = await ola.post(
            f"/api/consents/{consent['id']}/events",
            json={"partyId": party, "kind": kind, "method": "written", "expectedSeq": seq},
        )
        ok(r, 201)
    after = ok(await ola.get("/api/consents/reminders"))
    assert consent["id"] not in {r["consentId"] for r in after}
