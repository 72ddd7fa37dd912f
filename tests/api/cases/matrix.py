"""Cases REST tests room: the fixtures the role matrix walks — a case Ola opened on Ungdomsteam
Nord (he is its lead) with a note, a commitment, a consent and a break-glass grant — and one
row per route: what the lead gets, and what everyone off the team gets (404: the case does not
exist for them; lists empty)."""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from api.rest.cases.routes import MODULES
from tests.api.cases.support import (
    KOMMUNE,
    OLA,
    RUS_PSYK,
    TEAM_NORD,
    as_,
    consent_payload,
    ok,
    open_case,
    parties_of,
    subject,
)


@dataclass(frozen=True)
class Ids:
    case: str
    subject: str
    member: str  # Ola's own seat (the only lead)
    commitment: str
    note: str  # tagged suspected_abuse: it prompted duties
    consent: str
    party: str
    grant: str  # Ola's break-glass grant (for the review route)


async def build(client: httpx.AsyncClient) -> Ids:
    """Made by Ola (body_member) before the persona under test logs in."""
    h = await as_(client, "body_member")
    case = ok(await open_case(client, h), 201)
    cid = case["id"]
    commitment = ok(
        await client.post(
            f"/api/cases/{cid}/commitments",
            json={
                "kind": "school_attendance",
                "description": "Møte på skolen hver dag",
                "responsibleOrganisationId": str(RUS_PSYK),
            },
            headers=h,
        ),
        201,
    )
    note = ok(
        await client.post(
            f"/api/cases/{cid}/notes",
            json={
                "category": "health",
                "text": "Samtale om søvn og skole.",
                "dutyTags": ["suspected_abuse"],
            },
            headers=h,
        ),
        201,
    )
    consent = ok(
        await client.post(
            f"/api/cases/{cid}/consents",
            json=consent_payload(
                case,
                categories=["identity", "health"],
                sources=[RUS_PSYK],
                recipients=[KOMMUNE],
                parties=parties_of(case),
            ),
            headers=h,
        ),
        201,
    )
    grant = ok(
        await client.post(
            f"/api/cases/{cid}/break-glass",
            json={"reason": "Akutt situasjon, trenger oversikt nå.", "basis": "same_purpose"},
            headers=h,
        ),
        201,
    )
    return Ids(
        case=cid,
        subject=case["subject"]["id"],
        member=case["team"][0]["id"],
        commitment=commitment["id"],
        note=note["id"],
        consent=consent["id"],
        party=consent["parties"][0]["id"],
        grant=grant["id"],
    )


STALE = {"If-Match": '"999"'}


@dataclass(frozen=True)
class Row:
    method: str
    path: str
    route: str
    lead: int  # Ola, the case's lead
    nobody: int = 404  # on the unit, off the team
    others: dict[str, int] = field(default_factory=dict)  # persona -> status, where it differs
    json: dict | None = None
    headers: dict | None = None


ADMIN_ONLY = {"unit_admin": 200}


def rows(i: Ids) -> list[Row]:
    c = f"/api/cases/{i.case}"
    # Ungdomsoppfølging for a 10-year-old: the lead stops at the age rule; a seat-less caller
    # is refused before it; the other unit does not know the body.
    young = {
        "bodyId": str(TEAM_NORD),
        "kind": "youth_follow_up",
        "startOn": "2026-01-05",
        "organisationId": str(RUS_PSYK),
        "subject": subject(age=10, number=None),
    }
    consent = {
        **consent_payload(
            {"myOrganisationId": str(RUS_PSYK)},
            categories=["health"],
            sources=[RUS_PSYK],
            recipients=[KOMMUNE],
            parties=[{"kind": "subject", "identityVerifiedBy": "Pass"}],
        ),
        "validFrom": "2026-06-01",
        "validTo": "2026-01-01",
    }
    reason = {"reason": "Akutt situasjon, trenger oversikt nå.", "basis": "same_purpose"}
    return [
        Row("GET", "/api/cases", "/api/cases", 200, 200),
        Row("POST", "/api/cases", "/api/cases", 422, 403, {"other_unit_coordinator": 422}, young),
        Row("GET", "/api/cases/retention", "/api/cases/retention", 200, 200),
        Row("GET", c, "/api/cases/{id}", 200),
        Row("PATCH", c, "/api/cases/{id}", 412, json={"kind": "other"}, headers=STALE),
        Row("DELETE", c, "/api/cases/{id}", 412, others={"unit_admin": 412}, headers=STALE),
        Row(
            "POST",
            f"{c}/closure",
            "/api/cases/{id}/closure",
            412,
            json={"reason": "moved"},
            headers=STALE,
        ),
        Row(
            "PATCH",
            f"/api/subjects/{i.subject}",
            "/api/subjects/{id}",
            412,
            json={"name": "Nytt Navn"},
            headers=STALE,
        ),
        Row(
            "POST",
            "/api/subjects/search",
            "/api/subjects/search",
            200,
            200,
            json={"identityNumber": "03851250017"},
        ),
        Row(
            "POST",
            f"{c}/members",
            "/api/cases/{id}/members",
            409,
            json={"personId": str(OLA), "organisationId": str(RUS_PSYK)},
        ),
        Row("DELETE", f"{c}/members/{i.member}", "/api/cases/{id}/members/{member_id}", 409),
        Row(
            "POST",
            f"{c}/commitments",
            "/api/cases/{id}/commitments",
            422,
            json={"kind": "course", "description": " ", "responsibleOrganisationId": str(RUS_PSYK)},
        ),
        Row(
            "PATCH",
            f"/api/commitments/{i.commitment}",
            "/api/commitments/{id}",
            412,
            json={"status": "active"},
            headers=STALE,
        ),
        Row(
            "POST",
            f"/api/commitments/{i.commitment}/breaches",
            "/api/commitments/{id}/breaches",
            422,
            json={"occurredOn": "2020-01-01", "description": " ", "consequence": "warning"},
        ),
        Row("GET", f"{c}/notes", "/api/cases/{id}/notes", 200),
        Row(
            "POST",
            f"{c}/notes",
            "/api/cases/{id}/notes",
            422,
            json={"category": "health", "text": " "},
        ),
        Row(
            "POST",
            f"/api/case-notes/{i.note}/duty-answers",
            "/api/case-notes/{id}/duty-answers",
            200,
            json={"duty": "report_to_child_welfare", "answer": "unsure"},
        ),
        Row("GET", f"{c}/consents", "/api/cases/{id}/consents", 200),
        Row("POST", f"{c}/consents", "/api/cases/{id}/consents", 422, json=consent),
        Row("GET", f"/api/consents/{i.consent}", "/api/consents/{id}", 200),
        Row(
            "POST",
            f"/api/consents/{i.consent}/events",
            "/api/consents/{id}/events",
            412,
            json={"partyId": i.party, "kind": "given", "method": "written", "expectedSeq": 99},
        ),
        Row("GET", "/api/consents/reminders", "/api/consents/reminders", 200, 200),
        Row("POST", "/api/consents/reminders", "/api/consents/reminders", 200, 200),
        Row("GET", f"{c}/legal-bases", "/api/cases/{id}/legal-bases", 200),
        Row(
            "POST",
            f"{c}/legal-bases",
            "/api/cases/{id}/legal-bases",
            422,
            json={
                "basis": "report_offence",
                "recipientOrganisationId": str(KOMMUNE),
                "categories": ["health"],
                "justification": "Anmeldelse er besluttet av etaten.",
                "validFrom": "2026-01-01",
            },
        ),
        Row("POST", f"{c}/break-glass", "/api/cases/{id}/break-glass", 201, json=reason),
        Row(
            "GET",
            "/api/break-glass/reviews",
            "/api/break-glass/reviews",
            403,
            403,
            others=ADMIN_ONLY,
        ),
        Row(
            "POST",
            f"/api/break-glass/{i.grant}/review",
            "/api/break-glass/{id}/review",
            403,
            403,
            others={"unit_admin": 422},
            json={"note": " "},
        ),
        Row("GET", f"{c}/access-report", "/api/cases/{id}/access-report", 200, others=ADMIN_ONLY),
        Row(
            "GET",
            "/api/case-settings",
            "/api/case-settings",
            403,
            403,
            others={"unit_admin": 200, "coordinator": 200, "other_unit_coordinator": 200},
        ),
        Row(
            "PUT",
            "/api/case-settings",
            "/api/case-settings",
            403,
            403,
            others=ADMIN_ONLY,
            json={"retentionDays": 1825},
        ),
        Row("GET", "/api/case-policy", "/api/case-policy", 200, 200),
    ]


def routes() -> set[tuple[str, str]]:
    """Every route of the cases door, as (method, path): the matrix covers them all."""
    return {
        (method, route.path_format.replace(":uuid", ""))  # type: ignore[attr-defined]
        for module in MODULES
        for route in module.router.routes
        for method in route.methods  # type: ignore[attr-defined]
    }
