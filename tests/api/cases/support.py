"""Cases REST tests room: the personas, bodies and organisations the case tests use, and helpers
that open a case, add a team member, register a consent and record its events over HTTP."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.demo import demo_id
from tests.api.organisation.test_role_matrix import _authenticate

TEAM_NORD = demo_id("body/team-nord")  # executive; Ola chairs it
TEAM_SOR = demo_id("body/team-sor")  # executive; Ola is a member
TEAM_SENTRUM = demo_id("body/team-sentrum")  # executive; no persona has a seat
KOORD = demo_id("body/koord-barn")  # coordinating; Kari chairs it
POLITIRAD = demo_id("body/politirad")  # steering
RUS_PSYK = demo_id("org/rus-psyk")  # Ola's organisation: the health regime
POLITI = demo_id("org/politi")  # Per's: the police regime
KOMMUNE = demo_id("org/kommune")  # Kari's: SLT's own
BARNEVERN = demo_id("org/barnevern")
OLA, PER, KARI = demo_id("person/ola"), demo_id("person/per"), demo_id("person/kari")
STINE = demo_id("person/stine")

# Synthetic identity numbers (month + 80): never a real person's.
NUMBER_A = "03851250017"
NUMBER_B = "11821050008"
NUMBER_C = "21880950069"
NOTICE = hashlib.sha256(b"Samtykkeerklaering versjon 3").hexdigest()


async def as_(client: httpx.AsyncClient, who: str) -> dict[str, str]:
    """Log ``who`` in (a persona or a machine) and return the headers its calls need."""
    client.cookies.clear()
    return await _authenticate(client, who)


async def session(client: httpx.AsyncClient, who: str) -> httpx.AsyncClient:
    """A second client of the same app with ``who`` logged in (its own cookie jar), so a test
    can act as two personas in turn without logging in again each time."""
    other = httpx.AsyncClient(transport=client._transport, base_url=client.base_url)
    other.headers.update(await _authenticate(other, who))
    return other


def ok(r: httpx.Response, status: int = 200) -> Any:
    assert r.status_code == status, r.text
    return r.json() if r.content else None


def etag(r: httpx.Response) -> dict[str, str]:
    return {"If-Match": r.headers["ETag"]}


def born(age: int, days_after_birthday: int = 40) -> str:
    """A birth date making the subject ``age`` today (their birthday ``days_after_birthday`` ago)."""
    today = date.today()
    day = today - timedelta(days=days_after_birthday)
    try:
        return day.replace(year=day.year - age).isoformat()
    except ValueError:  # 29 February
        return (day - timedelta(days=1)).replace(year=day.year - age).isoformat()


def subject(
    age: int = 14, number: str | None = NUMBER_A, guardians: int = 2, days_after_birthday: int = 40
) -> dict[str, Any]:
    names = [("Mor Testesen", "mother"), ("Far Testesen", "father"), ("Tante Testesen", "aunt")]
    return {
        "name": "Barn Testesen",
        "birthDate": born(age, days_after_birthday),
        "identityNumber": number,
        "guardians": [
            {"name": n, "parentalResponsibility": i < 2, "relation": rel}
            for i, (n, rel) in enumerate(names[:guardians])
        ],
    }


async def open_case(
    c: httpx.AsyncClient,
    h: dict[str, str],
    *,
    body: Any = TEAM_NORD,
    organisation: Any = RUS_PSYK,
    kind: str = "follow_up_team",
    **subject_args: Any,
) -> httpx.Response:
    payload = {
        "bodyId": str(body),
        "kind": kind,
        "startOn": date.today().isoformat(),
        "organisationId": str(organisation),
        "subject": subject(**subject_args),
    }
    return await c.post("/api/cases", json=payload, headers=h)


async def add_member(
    c: httpx.AsyncClient, h: dict[str, str], case_id: str, person: Any, organisation: Any
) -> dict[str, Any]:
    r = await c.post(
        f"/api/cases/{case_id}/members",
        json={"personId": str(person), "organisationId": str(organisation)},
        headers=h,
    )
    return ok(r, 201)  # type: ignore[no-any-return]


async def seat(c: httpx.AsyncClient, body: Any, person: Any, role: str = "member") -> None:
    """Give ``person`` a seat on ``body`` (as the coordinator), from today."""
    h = await as_(c, "coordinator")
    r = await c.post(
        "/api/memberships",
        json={
            "bodyId": str(body),
            "personId": str(person),
            "role": role,
            "validFrom": date.today().isoformat(),
        },
        headers=h,
    )
    ok(r, 201)


def consent_payload(
    case: dict[str, Any],
    *,
    categories: list[str],
    sources: list[Any],
    recipients: list[Any],
    parties: list[dict[str, Any]],
    **extra: Any,
) -> dict[str, Any]:
    return {
        "allowedCategories": categories,
        "sourceOrganisationIds": [str(s) for s in sources],
        "recipientOrganisationIds": [str(r) for r in recipients],
        "validFrom": date.today().isoformat(),
        "noticeVersion": "samtykke-v3",
        "noticeSha256": NOTICE,
        "parties": parties,
        "method": "written",
        "collectedByOrganisationId": str(case["myOrganisationId"]),
        **extra,
    }


def parties_of(case: dict[str, Any], *, subject_too: bool = True) -> list[dict[str, Any]]:
    """The subject (if ``subject_too``) and every guardian with parental responsibility."""
    guardians = case["subject"]["guardians"]["items"]
    out = [
        {"kind": "guardian", "guardianId": g["id"], "identityVerifiedBy": "Pass"}
        for g in guardians
        if g["parentalResponsibility"]
    ]
    if subject_too:
        out.insert(0, {"kind": "subject", "identityVerifiedBy": "Kjent for tjenesten"})
    return out


async def event(
    c: httpx.AsyncClient,
    h: dict[str, str],
    consent_id: str,
    party_id: str,
    kind: str = "given",
    expected_seq: int = 0,
) -> httpx.Response:
    return await c.post(
        f"/api/consents/{consent_id}/events",
        json={"partyId": party_id, "kind": kind, "method": "written", "expectedSeq": expected_seq},
        headers=h,
    )


async def log_rows(admin_engine: AsyncEngine, case_id: str, **where: Any) -> list[dict[str, Any]]:
    """The access log's entries of the case (through the owner's connection), oldest first."""
    sql = "SELECT * FROM access_log_entry WHERE case_id = :case"
    for k in where:
        sql += f" AND {k} = :{k}"
    async with admin_engine.connect() as conn:
        rows = await conn.execute(sa.text(sql + " ORDER BY id"), {"case": case_id, **where})
        return [dict(r._mapping) for r in rows]
