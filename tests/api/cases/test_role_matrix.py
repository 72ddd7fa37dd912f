"""Cases REST tests room: every cases route × every kind of caller. The case's lead gets what
the decision point and the policies allow; the coordinator (not on the team), the police
contact, the steering reader and the unit admin (outside access control) get 404 on every id —
the case does not exist for them — and empty lists; the other unit's coordinator too; machines
and a person without a unit are refused everywhere; anonymous is 401."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from adapters.postgres.demo import OTHER_UNIT, demo_id
from tests.api.cases.matrix import Ids, Row, build, routes, rows
from tests.api.cases.support import as_

PERSONS = (
    "body_member",  # Ola: the case's lead
    "unit_admin",
    "coordinator",
    "police_contact",
    "steering_reader",
    "other_unit_coordinator",
)
REFUSED = ("outsider", "archive_system", "police_system")


@pytest.fixture
async def nils_is_a_person(admin_engine):
    """The other unit's coordinator, linked to his staff person there (the demo leaves him
    without one): a person of another SLT unit, the strongest tenant-isolation probe."""
    async with admin_engine.begin() as conn:
        await conn.execute(
            sa.text("UPDATE user_account SET person_id = :p WHERE unit_id = :u"),
            {"p": demo_id("other/person/nils"), "u": OTHER_UNIT},
        )


def test_every_cases_route_is_in_the_matrix():
    assert routes() == {(r.method, r.route) for r in rows(Ids(*(["x"] * 8)))}


def expected(row: Row, who: str) -> int:
    if who == "body_member":
        return row.lead
    return row.others.get(who, row.nobody)


async def _call(client, row: Row, h: dict[str, str]):
    return await client.request(
        row.method, row.path, json=row.json, headers={**h, **(row.headers or {})}
    )


@pytest.mark.parametrize("who", PERSONS)
async def test_role_matrix(client, nils_is_a_person, who):
    ids = await build(client)
    h = await as_(client, who)
    wrong = []
    for row in rows(ids):
        r = await _call(client, row, h)
        if r.status_code != expected(row, who):
            wrong.append(
                f"{row.method} {row.path}: {r.status_code} != {expected(row, who)} {r.text[:160]}"
            )
        if r.status_code >= 400:
            assert r.headers["content-type"].startswith("application/problem+json"), row
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("who", PERSONS[1:])
async def test_off_the_team_lists_are_empty(client, nils_is_a_person, who):
    ids = await build(client)
    h = await as_(client, who)
    assert (await client.get("/api/cases", headers=h)).json() == []
    assert (await client.get("/api/consents/reminders", headers=h)).json() == []
    found = await client.post(
        "/api/subjects/search", json={"identityNumber": "03851250017"}, headers=h
    )
    assert found.json() == {"subjectId": None, "cases": []}
    assert ids.case not in (await client.get("/api/cases/retention", headers=h)).text


@pytest.mark.parametrize("who", REFUSED)
async def test_machines_and_persons_without_a_unit_are_refused_everywhere(client, who):
    ids = await build(client)
    h = await as_(client, who)
    wrong = []
    for row in rows(ids):
        r = await _call(client, row, h)
        answer = {k: v for k, v in r.json().items() if k != "instance"}  # the path we sent
        if r.status_code not in (403, 404) or ids.case in json.dumps(answer):
            wrong.append(f"{row.method} {row.path}: {r.status_code} {r.text[:160]}")
    assert not wrong, "\n".join(wrong)


async def test_anonymous_gets_401_everywhere(client):
    ids = await build(client)
    client.cookies.clear()
    for row in rows(ids):
        r = await _call(client, row, {})
        assert r.status_code == 401, (row, r.text)
