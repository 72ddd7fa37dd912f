"""Domain rules under parallel requests: the database constraints hold where the application check
races, and a request the constraint refuses gets the same problem type as one the check refuses."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import date

import pytest
import sqlalchemy as sa

from adapters.postgres.demo import demo_id
from tests.support.auth import login

ROUNDS = 10

# Demo staff who are not members of Ungdomsteam Sør, so any of them may be appointed its chair.
CANDIDATES = [
    "kari",
    "per",
    "stine",
    "ordforer",
    "kdir",
    "stasjonssjef",
    "helse",
    "rektor",
    "bv-leder",
    "ppt-leder",
]


@pytest.fixture
async def coordinator(client):
    client.headers["X-CSRF-Token"] = await login(client, "coordinator")
    return client


def _year(n: int) -> dict[str, str]:
    """Round ``n`` works in its own past year, clear of the demo memberships and of other rounds."""
    return {"validFrom": str(date(2001 + n, 1, 1)), "validTo": str(date(2001 + n, 12, 31))}


async def _count(admin_engine, sql: str, **params) -> int:
    async with admin_engine.connect() as conn:
        return int((await conn.execute(sa.text(sql), params)).scalar_one())


async def test_parallel_identical_memberships_store_exactly_one(coordinator, admin_engine):
    body, person = demo_id("body/team-sentrum"), demo_id("person/rektor")
    for n in range(ROUNDS):
        payload = {"bodyId": str(body), "personId": str(person), "role": "member", **_year(n)}
        answers = await asyncio.gather(
            *(coordinator.post("/api/memberships", json=payload) for _ in range(20))
        )
        statuses = Counter(a.status_code for a in answers)
        assert statuses == {201: 1, 409: 19}, (n, statuses, [a.text for a in answers])
        assert {a.json()["type"] for a in answers if a.status_code == 409} == {
            "/problems/membership-overlap"
        }
    stored = await _count(
        admin_engine,
        "SELECT count(*) FROM membership WHERE body_id = :b AND person_id = :p",
        b=body,
        p=person,
    )
    assert stored == ROUNDS


async def test_parallel_chair_appointments_leave_one_chair(coordinator, admin_engine):
    body = demo_id("body/team-sor")
    for n in range(ROUNDS):
        answers = await asyncio.gather(
            *(
                coordinator.post(
                    "/api/memberships",
                    json={
                        "bodyId": str(body),
                        "personId": str(demo_id(f"person/{who}")),
                        "role": "chair",
                        **_year(n),
                    },
                )
                for who in CANDIDATES
            )
        )
        statuses = Counter(a.status_code for a in answers)
        assert statuses == {201: 1, 409: 9}, (n, statuses, [a.text for a in answers])
        assert {a.json()["type"] for a in answers if a.status_code == 409} == {
            "/problems/chair-overlap"
        }
    chairs = await _count(
        admin_engine,
        "SELECT count(*) FROM membership WHERE body_id = :b AND role = 'chair'"
        " AND valid_from < '2020-01-01'",
        b=body,
    )
    assert chairs == ROUNDS


async def test_graphql_losers_get_the_same_typed_error(coordinator):
    mutation = """mutation($input: NewMembershipInput!) { addMembership(input: $input) {
        __typename ... on ConflictProblem { code } } }"""
    body, person = demo_id("body/team-nord"), demo_id("person/rektor")
    for n in range(ROUNDS // 2):
        variables = {
            "input": {"bodyId": str(body), "personId": str(person), "role": "MEMBER", **_year(n)}
        }
        answers = await asyncio.gather(
            *(
                coordinator.post("/graphql", json={"query": mutation, "variables": variables})
                for _ in range(20)
            )
        )
        results = Counter(
            (r["__typename"], r.get("code"))
            for r in (a.json()["data"]["addMembership"] for a in answers)
        )
        one_stored = {("Membership", None): 1, ("ConflictProblem", "membership-overlap"): 19}
        assert results == one_stored, (n, results)


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        ("/api/bodies", {"level": "executive"}),
        ("/api/organisations", {"type": "volunteer"}),
    ],
)
async def test_parallel_creates_with_one_name_store_exactly_one(coordinator, path, payload):
    for n in range(ROUNDS // 2):  # an old constraint; the rounds check its mapping
        # the names differ in case only: unique per unit, case-insensitively
        names = [
            f"Nabolagsgruppe {n}".upper() if i % 2 else f"Nabolagsgruppe {n}" for i in range(20)
        ]
        answers = await asyncio.gather(
            *(coordinator.post(path, json={"name": name, **payload}) for name in names)
        )
        statuses = Counter(a.status_code for a in answers)
        assert statuses == {201: 1, 409: 19}, (n, statuses)
        assert {a.json()["type"] for a in answers if a.status_code == 409} == {
            "/problems/duplicate-name"
        }


async def test_parallel_chair_handovers_leave_one_chair(coordinator, admin_engine):
    """Ten coordinators hand the chair of one body to ten different people at the same moment:
    one hand-over wins, the others are refused (the outgoing chair's term was already ended, or
    the one-chair constraint fires), and the body has exactly one current chair afterwards."""
    body = demo_id("body/team-sor")
    on = str(date.today())
    answers = await asyncio.gather(
        *(
            coordinator.post(
                f"/api/bodies/{body}/chair-handover",
                json={"personId": str(demo_id(f"person/{who}")), "on": on},
            )
            for who in CANDIDATES
        )
    )
    statuses = Counter(a.status_code for a in answers)
    assert statuses[200] == 1 and statuses[200] + statuses[409] + statuses[412] == 10, (
        statuses,
        [a.text for a in answers],
    )
    assert all(
        a.headers["content-type"] == "application/problem+json"
        for a in answers
        if a.status_code != 200
    )
    chairs = await _count(
        admin_engine,
        "SELECT count(*) FROM membership WHERE body_id = :b AND role = 'chair'"
        " AND valid_from <= current_date AND (valid_to IS NULL OR valid_to >= current_date)",
        b=body,
    )
    assert chairs == 1
