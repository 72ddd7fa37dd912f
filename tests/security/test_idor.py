"""Security tests room: ids from a case the caller is not on, used through the routes of a case
they lead — every id-taking route answers 404 (or refuses the foreign id as unknown), nothing is
written and nothing is logged as permitted; and a lead cannot seat someone "for" another
organisation to open its information to them."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.cases.support import (
    KARI,
    KOMMUNE,
    NUMBER_B,
    PER,
    RUS_PSYK,
    TEAM_SOR,
    as_,
    consent_payload,
    log_rows,
    ok,
    open_case,
    parties_of,
    seat,
    session,
)

TABLES = (
    "follow_up_case",
    "case_subject",
    "case_guardian",
    "case_member",
    "case_commitment",
    "case_breach",
    "case_note",
    "case_duty_answer",
    "consent",
    "consent_party",
    "consent_event",
    "legal_basis_record",
    "break_glass_grant",
)


async def counts(admin_engine: AsyncEngine) -> dict[str, int]:
    async with admin_engine.connect() as conn:
        return {
            t: (await conn.execute(sa.text(f"SELECT count(*) FROM {t}"))).scalar_one()
            for t in TABLES
        }


async def _olas_case(ola: httpx.AsyncClient) -> dict[str, Any]:
    case = ok(await open_case(ola, {}), 201)
    cid = case["id"]
    note = ok(
        await ola.post(
            f"/api/cases/{cid}/notes",
            json={"category": "health", "text": "Hemmelig notat.", "dutyTags": ["suspected_abuse"]},
        ),
        201,
    )
    commitment = ok(
        await ola.post(
            f"/api/cases/{cid}/commitments",
            json={
                "kind": "course",
                "description": "Kurs hver uke",
                "responsibleOrganisationId": str(RUS_PSYK),
            },
        ),
        201,
    )
    consent = ok(
        await ola.post(
            f"/api/cases/{cid}/consents",
            json=consent_payload(
                case,
                categories=["health"],
                sources=[RUS_PSYK],
                recipients=[KOMMUNE],
                parties=parties_of(case),
            ),
        ),
        201,
    )
    return {"case": case, "note": note, "commitment": commitment, "consent": consent}


async def test_another_cases_ids_through_a_case_the_caller_leads(client, admin_engine) -> None:
    ola = await session(client, "body_member")
    a = await _olas_case(ola)
    case, aid = a["case"], a["case"]["id"]
    await seat(client, TEAM_SOR, KARI)
    kari = await session(client, "coordinator")
    own = ok(await open_case(kari, {}, body=TEAM_SOR, organisation=KOMMUNE, number=NUMBER_B), 201)
    kid = own["id"]
    theirs = ok(
        await kari.post(
            f"/api/cases/{kid}/consents",
            json=consent_payload(
                own,
                categories=["identity"],
                sources=[KOMMUNE],
                recipients=[KOMMUNE],
                parties=parties_of(own),
            ),
        ),
        201,
    )
    before = await counts(admin_engine)
    one = {"If-Match": '"1"'}
    other_party = a["consent"]["parties"][0]["id"]
    other_guardian = case["subject"]["guardians"]["items"][0]["id"]
    probes: list[tuple[str, str, dict[str, Any] | None, dict[str, str], tuple[int, ...]]] = [
        ("GET", f"/api/cases/{aid}", None, {}, (404,)),
        ("PATCH", f"/api/cases/{aid}", {"kind": "other"}, one, (404,)),
        ("DELETE", f"/api/cases/{aid}", None, one, (404,)),
        ("POST", f"/api/cases/{aid}/closure", {"reason": "moved"}, one, (404,)),
        ("PATCH", f"/api/subjects/{case['subject']['id']}", {"name": "X Y"}, one, (404,)),
        ("DELETE", f"/api/cases/{kid}/members/{case['team'][0]['id']}", None, {}, (404,)),
        ("POST", f"/api/cases/{aid}/members", {"personId": str(KARI)}, {}, (404,)),
        ("PATCH", f"/api/commitments/{a['commitment']['id']}", {"status": "met"}, one, (404,)),
        (
            "POST",
            f"/api/commitments/{a['commitment']['id']}/breaches",
            {
                "occurredOn": date.today().isoformat(),
                "description": "Brudd",
                "consequence": "warning",
            },
            {},
            (404,),
        ),
        ("GET", f"/api/cases/{aid}/notes", None, {}, (404,)),
        (
            "POST",
            f"/api/case-notes/{a['note']['id']}/duty-answers",
            {"duty": "report_to_child_welfare", "answer": "unsure"},
            {},
            (404,),
        ),
        ("GET", f"/api/cases/{aid}/consents", None, {}, (404,)),
        ("GET", f"/api/consents/{a['consent']['id']}", None, {}, (404,)),
        (
            "POST",
            f"/api/consents/{a['consent']['id']}/events",
            {"partyId": other_party, "kind": "withdrawn", "method": "written", "expectedSeq": 0},
            {},
            (404,),
        ),
        (
            "POST",
            f"/api/consents/{theirs['id']}/events",
            {"partyId": other_party, "kind": "given", "method": "written", "expectedSeq": 0},
            {},
            (422,),
        ),
        (
            "POST",
            f"/api/cases/{kid}/consents",
            consent_payload(
                own,
                categories=["identity"],
                sources=[KOMMUNE],
                recipients=[KOMMUNE],
                parties=[
                    {"kind": "guardian", "guardianId": other_guardian, "identityVerifiedBy": "Pass"}
                ],
            ),
            {},
            (422,),
        ),
        ("GET", f"/api/cases/{aid}/legal-bases", None, {}, (404,)),
        ("GET", f"/api/cases/{aid}/access-report", None, {}, (404,)),
    ]
    wrong = []
    for method, path, body, headers, allowed in probes:
        r = await kari.request(method, path, json=body, headers=headers)
        if r.status_code not in allowed or "Barn Testesen" in r.text or "Mor Testesen" in r.text:
            wrong.append(f"{method} {path}: {r.status_code} {r.text[:200]}")
        elif not r.headers["content-type"].startswith("application/problem+json"):
            wrong.append(f"{method} {path}: not a problem")
    assert not wrong, "\n".join(wrong)
    assert await counts(admin_engine) == before
    permitted = await log_rows(admin_engine, aid, actor_person_id=KARI, decision="permit")
    assert permitted == []
    denied = await log_rows(admin_engine, aid, actor_person_id=KARI, decision="deny")
    assert denied and {d["deny_reason"] for d in denied} == {"not-on-team"}


async def test_a_lead_cannot_seat_someone_for_another_organisation(client, admin_engine) -> None:
    """Seated "for" the health service, the police contact would read the health service's
    notes as his own service's information — no consent, no police minimisation."""
    ola = await session(client, "body_member")
    a = await _olas_case(ola)
    aid = a["case"]["id"]
    before = await counts(admin_engine)
    r = await ola.post(
        f"/api/cases/{aid}/members", json={"personId": str(PER), "organisationId": str(RUS_PSYK)}
    )
    assert r.status_code == 422, r.text
    assert [e["field"] for e in r.json()["errors"]] == ["organisationId"]
    assert await counts(admin_engine) == before
    h = await as_(client, "police_contact")
    assert (await client.get(f"/api/cases/{aid}", headers=h)).status_code == 404
