"""Cases REST tests room: every read of case information leaves access-log rows in the same
transaction — with the reader, their organisation and role, the pseudonymous subject reference,
the category and regime, the basis and consent (or the deny reason) — and a probe by someone off
the team is logged as denied; the access report shows the lead who has seen what."""

from __future__ import annotations

from tests.api.cases.flows import give, read_as, setting
from tests.api.cases.support import KARI, KOMMUNE, OLA, as_, log_rows, ok


async def test_every_read_is_logged_with_its_basis_and_decision(client, admin_engine):
    s = await setting(client, age=14)
    await read_as(client, s, "coordinator")  # nothing consented yet
    denied = await log_rows(admin_engine, s.id, actor_person_id=KARI, action="read")
    first = [r for r in denied if r["object_type"] in ("subject", "note")]
    assert first and {(r["decision"], r["deny_reason"]) for r in first} == {
        ("deny", "consent-pending")
    }
    # What she may see without consent is her own service's (her own seat on the team).
    assert {r["basis"] for r in denied if r["decision"] == "permit"} <= {"own_service"}
    for n in (0, 1):
        await give(client, s, s.party("guardian", n))
    await read_as(client, s, "coordinator")
    rows = await log_rows(admin_engine, s.id, actor_person_id=KARI, action="read")
    new = rows[len(denied) :]
    subject = [r for r in new if r["object_type"] == "subject"]
    assert subject and subject[0]["decision"] == "permit" and subject[0]["basis"] == "consent"
    assert str(subject[0]["consent_id"]) == s.consent["id"]
    assert str(subject[0]["subject_ref"]) == s.case["subject"]["id"]
    assert subject[0]["category"] == "identity" and subject[0]["regime"] == "health"
    assert subject[0]["actor_organisation_id"] == KOMMUNE and subject[0]["actor_role"] == "member"
    note = [r for r in new if r["object_type"] == "note"]
    assert note and note[0]["basis"] == "consent" and note[0]["category"] == "health"
    assert all(r["purpose"] == "follow_up" for r in new)
    # Nothing personal in the log: a pseudonymous reference only.
    assert "Barn Testesen" not in str(rows) and "03851250017" not in str(rows)


async def test_the_authors_own_reads_are_logged_as_own_service(client, admin_engine):
    s = await setting(client, age=14)
    before = len(await log_rows(admin_engine, s.id, actor_person_id=OLA, action="read"))
    ok(await s.ola.get(f"/api/cases/{s.id}/notes"))
    rows = (await log_rows(admin_engine, s.id, actor_person_id=OLA, action="read"))[before:]
    assert [r["basis"] for r in rows if r["object_type"] == "note"] == ["own_service"]


async def test_a_probe_from_off_the_team_is_logged_as_denied(client, admin_engine):
    s = await setting(client, age=14)
    h = await as_(client, "steering_reader")
    r = await client.get(f"/api/cases/{s.id}", headers=h)
    assert r.status_code == 404
    rows = await log_rows(admin_engine, s.id, decision="deny", deny_reason="not-on-team")
    assert rows and rows[-1]["action"] == "read"


async def test_writes_are_logged_too(client, admin_engine):
    s = await setting(client, age=14)
    writes = await log_rows(admin_engine, s.id, actor_person_id=OLA, action="write")
    assert {"note", "consent"} <= {r["object_type"] for r in writes}


async def test_the_access_report_shows_who_has_seen_it(client):
    s = await setting(client, age=14)
    for n in (0, 1):
        await give(client, s, s.party("guardian", n))
    await read_as(client, s, "coordinator")
    report = ok(await s.ola.get(f"/api/cases/{s.id}/access-report"))
    assert report["subjectRef"] == s.case["subject"]["id"]
    kari = [r for r in report["rows"] if r["actorName"] == "Kari Koordinator"]
    assert kari and "consent" in {r["basis"] for r in kari if r["decision"] == "permit"}
    assert "consent-pending" not in {r["denyReason"] for r in kari}  # read after the consent
    # A team member who is not the lead may not see it (but knows the case exists): 403.
    h = await as_(client, "coordinator")
    r = await client.get(f"/api/cases/{s.id}/access-report", headers=h)
    assert r.status_code == 403, r.text
