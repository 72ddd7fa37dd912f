"""Cases REST tests room: the youth plan (commitments with ETags, breaches turning a commitment
breached, the category following the kind), the subject's changes (the lead, If-Match), and
legal bases besides consent (recorded by the lead with a justification; the recipient then sees
what the basis covers, and why)."""

from __future__ import annotations

from datetime import date

from tests.api.cases.flows import note_of, read_as, setting
from tests.api.cases.support import KOMMUNE, RUS_PSYK, etag, ok, open_case, session

JUSTIFICATION = "Samme formål: oppfølgingen skolen og kommunen gjør sammen."


async def test_commitments_and_breaches(client):
    ola = await session(client, "body_member")
    case = ok(await open_case(ola, {}, age=16), 201)
    r = await ola.post(
        f"/api/cases/{case['id']}/commitments",
        json={
            "kind": "drug_testing",
            "description": "Urinprøve hver fjortende dag",
            "responsibleOrganisationId": str(RUS_PSYK),
            "status": "active",
        },
    )
    c = ok(r, 201)
    assert c["category"] == "substance_use" and c["regime"] == "health"
    assert r.headers["ETag"] == f'"{c["version"]}"'
    assert c["commitment"]["access"]["basis"] == "own_service"
    assert c["description"]["text"] == "Urinprøve hver fjortende dag"
    b = await ola.post(
        f"/api/commitments/{c['id']}/breaches",
        json={
            "occurredOn": date.today().isoformat(),
            "description": "Møtte ikke til prøve.",
            "consequence": "warning",
        },
    )
    breached = ok(b, 201)
    assert breached["commitment"]["status"] == "breached"
    assert [x["consequence"] for x in breached["commitment"]["breaches"]] == ["warning"]
    future = await ola.post(
        f"/api/commitments/{c['id']}/breaches",
        json={"occurredOn": "2999-01-01", "description": "x", "consequence": "warning"},
    )
    assert future.status_code == 422
    changed = await ola.patch(
        f"/api/commitments/{c['id']}", json={"status": "met"}, headers=etag(b)
    )
    assert ok(changed)["commitment"]["status"] == "met"
    stale = await ola.patch(
        f"/api/commitments/{c['id']}", json={"status": "ended"}, headers=etag(b)
    )
    assert stale.status_code == 412
    null = await ola.patch(
        f"/api/commitments/{c['id']}", json={"status": None}, headers=etag(changed)
    )
    assert null.status_code == 422


async def test_the_lead_changes_the_subject_with_if_match(client):
    ola = await session(client, "body_member")
    case = ok(await open_case(ola, {}), 201)
    sid, version = case["subject"]["id"], case["subject"]["version"]
    guardians = case["subject"]["guardians"]["items"]
    r = await ola.patch(
        f"/api/subjects/{sid}",
        json={"name": "Barn Nyttnavn", "guardians": [{**guardians[0], "phone": "40000000"}]},
        headers={"If-Match": f'"{version}"'},
    )
    s = ok(r)
    assert s["identity"]["name"] == "Barn Nyttnavn" and s["version"] == version + 1
    assert [g["phone"] for g in s["guardians"]["items"]] == ["40000000"]
    assert r.headers["ETag"] == f'"{version + 1}"'
    bad = await ola.patch(
        f"/api/subjects/{sid}", json={"identityNumber": "12345678901"}, headers=etag(r)
    )
    assert bad.status_code == 422
    seen = ok(await ola.get(f"/api/cases/{case['id']}"))
    assert seen["subject"]["identity"]["name"] == "Barn Nyttnavn"


async def test_a_recorded_legal_basis_opens_what_it_covers_and_says_so(client):
    s = await setting(client, age=14, recipients=(KOMMUNE,))
    kari = await read_as(client, s, "coordinator")
    assert note_of(kari, s.note["id"])["withheld"] is True
    body = {
        "basis": "same_purpose",
        "recipientOrganisationId": str(KOMMUNE),
        "categories": ["health"],
        "justification": JUSTIFICATION,
        "validFrom": date.today().isoformat(),
    }
    recorded = ok(await s.ola.post(f"/api/cases/{s.id}/legal-bases", json=body), 201)
    assert recorded["basis"] == "same_purpose" and recorded["categories"] == ["health"]
    kari = await read_as(client, s, "coordinator")
    note = note_of(kari, s.note["id"])
    assert note["withheld"] is False and note["access"]["basis"] == "same_purpose"
    assert note["access"]["legalBasisId"] == recorded["id"]
    assert kari["subject"]["identity"]["withheld"] is True  # identity is not covered
    listed = ok(await s.ola.get(f"/api/cases/{s.id}/legal-bases"))
    assert [b["id"] for b in listed] == [recorded["id"]]
    # Only the lead records one; the basis must be one a lead may record.
    member = await session(client, "coordinator")  # on the team, not its lead
    r = await member.post(f"/api/cases/{s.id}/legal-bases", json=body)
    assert r.status_code == 403 and r.json()["type"] == "/problems/forbidden", r.text
    wrong = await s.ola.post(f"/api/cases/{s.id}/legal-bases", json={**body, "basis": "consent"})
    assert wrong.status_code == 422
