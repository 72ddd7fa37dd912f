"""Security tests room: opening a case with the identity number of a subject another service
registered must neither show the opener what that service registered (name, guardians and their
contacts) nor tell them that the child is already followed up (ADR 0017, "a new case registers
its own subject")."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.api.cases.support import (
    KARI,
    KOMMUNE,
    NUMBER_A,
    RUS_PSYK,
    TEAM_SOR,
    add_member,
    as_,
    born,
    ok,
    open_case,
    seat,
    session,
)


def _subject(name: str, guardians: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "name": name,
        "birthDate": born(14),
        "identityNumber": NUMBER_A,
        "guardians": guardians,
    }


GUARDIAN = {
    "name": "Verge Hemmeligsen",
    "parentalResponsibility": True,
    "relation": "mother",
    "phone": "91234567",
    "email": "verge@example.org",
}


async def _second_opening(client) -> tuple[dict[str, Any], dict[str, Any]]:
    """Ola (health) registers the child with a guardian; Kari (the municipality), with a seat on
    another executive body and on neither team, opens a case with the same number."""
    ola = await session(client, "body_member")
    first = ok(await open_case(ola, {}), 201)
    await seat(client, TEAM_SOR, KARI)
    h = await as_(client, "coordinator")
    payload = {
        "bodyId": str(TEAM_SOR),
        "kind": "follow_up_team",
        "startOn": date.today().isoformat(),
        "organisationId": str(KOMMUNE),
        "subject": _subject("Gjett Navnesen", []),
    }
    r = await client.post("/api/cases", json=payload, headers=h)
    return first, ok(r, 201)


async def test_a_second_opening_shows_only_what_its_opener_registered(client) -> None:
    first, second = await _second_opening(client)
    text = str(second)
    assert "Barn Testesen" not in text and "Mor Testesen" not in text
    assert "Far Testesen" not in text
    identity = second["subject"]["identity"]
    assert identity["name"] == "Gjett Navnesen"
    assert second["subject"]["guardians"]["items"] == []
    # The two cases do not share a subject record: neither team reaches the other's.
    assert second["subject"]["id"] != first["subject"]["id"]


async def test_the_second_opener_cannot_change_the_first_services_subject(client) -> None:
    first, second = await _second_opening(client)
    h = await as_(client, "coordinator")
    r = await client.get(f"/api/cases/{second['id']}", headers=h)
    change = {"name": "Overskrevet Navn", "guardians": [GUARDIAN]}
    patched = await client.patch(
        f"/api/subjects/{second['subject']['id']}", json=change, headers={**h, **etag_of(r)}
    )
    ok(patched)
    ola = await session(client, "body_member")
    mine = ok(await ola.get(f"/api/cases/{first['id']}"))
    assert mine["subject"]["identity"]["name"] == "Barn Testesen"
    names = [g["name"] for g in mine["subject"]["guardians"]["items"]]
    assert "Verge Hemmeligsen" not in names


def etag_of(r) -> dict[str, str]:
    """The subject's version as If-Match (the case read carries the subject's version)."""
    return {"If-Match": f'"{r.json()["subject"]["version"]}"'}


async def test_a_duplicate_number_on_a_subject_change_says_nothing_of_the_other(client) -> None:
    """Kari registers a child without a number, then types in the number Ola's child has: a
    409 "duplicate" would confirm that this child is followed up elsewhere in the unit."""
    ola = await session(client, "body_member")
    ok(await open_case(ola, {}), 201)
    await seat(client, TEAM_SOR, KARI)
    h = await as_(client, "coordinator")
    own = ok(
        await open_case(client, h, body=TEAM_SOR, organisation=KOMMUNE, number=None),
        201,
    )
    r = await client.get(f"/api/cases/{own['id']}", headers=h)
    patched = await client.patch(
        f"/api/subjects/{own['subject']['id']}",
        json={"identityNumber": NUMBER_A},
        headers={**h, **etag_of(r)},
    )
    assert patched.status_code == 200, patched.text
    assert ok(patched)["identity"]["identityNumber"] == NUMBER_A


async def test_a_team_member_cannot_reopen_the_subject_as_their_own(client) -> None:
    """Kari sits on Ola's case for the municipality (the child's identity withheld from her
    without a consent); opening a case of her own for that subject's id would make the health
    service's identity and guardians her own service's information. Refused as unknown."""
    ola = await session(client, "body_member")
    first = ok(await open_case(ola, {}), 201)
    await add_member(ola, {}, first["id"], KARI, KOMMUNE)
    await seat(client, TEAM_SOR, KARI)
    h = await as_(client, "coordinator")
    payload = {
        "bodyId": str(TEAM_SOR),
        "kind": "follow_up_team",
        "startOn": date.today().isoformat(),
        "organisationId": str(KOMMUNE),
        "subject": first["subject"]["id"],
    }
    r = await client.post("/api/cases", json=payload, headers=h)
    assert r.status_code == 422, r.text
    assert "Barn Testesen" not in r.text
    assert [e["field"] for e in r.json()["errors"]] == ["subject"]
    mine = ok(await client.get("/api/cases", headers=h))
    assert [c["id"] for c in mine] == [first["id"]]


async def test_a_case_is_opened_for_the_openers_own_organisation(client) -> None:
    """Claiming the health service's name would file Kari's notes under the health regime."""
    await seat(client, TEAM_SOR, KARI)
    h = await as_(client, "coordinator")
    r = await open_case(client, h, body=TEAM_SOR, organisation=RUS_PSYK, number=None)
    assert r.status_code == 403, r.text
    assert ok(await client.get("/api/cases", headers=h)) == []
