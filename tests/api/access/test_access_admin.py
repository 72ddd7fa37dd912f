"""Access administration over REST and GraphQL: grant, change, revoke, machine clients, the log,
the last-admin rule; only unit admins; the identity number is never stored, echoed or logged."""

from __future__ import annotations

import httpx
import pytest
import sqlalchemy as sa

from adapters.identity.personas import machine, persona
from adapters.postgres.demo import demo_id
from tests.support.auth import login, machine_token

ACCOUNTS = "/api/access/accounts"
CLIENTS = "/api/access/machine-clients"
# Synthetic identity numbers (month + 80) and an invented, checksum-valid organisation number.
NEW_PERSON = "17858800013"
NOT_A_NUMBER = "17858800014"
NEW_ORG = "991904018"


@pytest.fixture
async def admin(client):
    client.headers["X-CSRF-Token"] = await login(client, "unit_admin")
    return client


async def _account_of(admin: httpx.AsyncClient, name: str) -> dict:
    return next(a for a in (await admin.get(ACCOUNTS)).json() if a["personName"] == name)


def _problem(r: httpx.Response, status: int, code: str) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["type"] == f"/problems/{code}", body
    return body


async def test_the_admin_sees_every_account_with_roles(admin):
    accounts = (await admin.get(ACCOUNTS)).json()
    by_name = {a["personName"]: a["roles"] for a in accounts}
    assert by_name["Siri Systemansvarlig"] == ["unit_admin"]
    assert by_name["Kari Koordinator"] == ["coordinator"]
    assert by_name["Ola Medlem"] == []
    assert all("personKey" not in a and "identityNumber" not in a for a in accounts)


@pytest.mark.parametrize("who", ["coordinator", "police_contact", "body_member"])
async def test_only_a_unit_admin_administers_access(client, who):
    client.headers["X-CSRF-Token"] = await login(client, who)
    _problem(await client.get(ACCOUNTS), 403, "forbidden")
    _problem(await client.get(CLIENTS), 403, "forbidden")
    _problem(await client.get("/api/access/changes"), 403, "forbidden")
    r = await client.post(ACCOUNTS, json={"identityNumber": NEW_PERSON, "roles": ["unit_admin"]})
    _problem(r, 403, "forbidden")


async def test_a_machine_cannot_administer_access(client):
    token = await machine_token(client, "archive_system", ["samordna:organisation.read"])
    r = await client.get(ACCOUNTS, headers={"Authorization": f"Bearer {token}"})
    _problem(r, 403, "forbidden")


async def test_granted_access_works_at_the_next_request_and_is_logged(admin, app, admin_engine):
    outsider = persona("outsider").pid
    kari = demo_id("person/kari")
    r = await admin.post(
        ACCOUNTS,
        json={"identityNumber": outsider, "roles": ["steering_reader"], "personId": str(kari)},
    )
    assert r.status_code == 201, r.text
    created = r.json()
    assert r.headers["etag"] == '"1"'
    assert r.headers["location"] == f"{ACCOUNTS}/{created['id']}"
    assert created["roles"] == ["steering_reader"]
    assert created["personName"] == "Kari Koordinator"
    assert outsider not in r.text
    # Stored as the keyed hash only.
    async with admin_engine.connect() as conn:
        dump = await conn.execute(sa.text("SELECT user_account::text FROM user_account"))
        assert not any(outsider in row[0] for row in dump)
    # The outsider logs in and now has the role in the unit.
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as una:
        await login(una, "outsider")
        me = (await una.get("/api/me")).json()
        assert me["roles"] == ["steering_reader"]
    log = (await admin.get("/api/access/changes")).json()
    assert log[0]["action"] == "account_granted"
    assert log[0]["actorName"] == "Siri Systemansvarlig"
    assert log[0]["targetName"] == "Kari Koordinator"
    assert log[0]["roles"] == ["steering_reader"]


async def test_a_grant_is_validated_without_echoing_the_number(admin):
    r = await admin.post(ACCOUNTS, json={"identityNumber": NOT_A_NUMBER, "roles": ["coordinator"]})
    body = _problem(r, 422, "validation-failed")
    assert [e["field"] for e in body["errors"]] == ["identityNumber"]
    assert NOT_A_NUMBER not in r.text
    r = await admin.post(ACCOUNTS, json={"identityNumber": NEW_PERSON, "roles": []})
    assert [e["field"] for e in _problem(r, 422, "validation-failed")["errors"]] == ["roles"]
    r = await admin.post(ACCOUNTS, json={"identityNumber": NEW_PERSON, "roles": ["root"]})
    _problem(r, 422, "validation-failed")
    unknown_person = str(demo_id("person/nobody"))
    r = await admin.post(
        ACCOUNTS,
        json={"identityNumber": NEW_PERSON, "roles": ["coordinator"], "personId": unknown_person},
    )
    assert [e["field"] for e in _problem(r, 422, "validation-failed")["errors"]] == ["personId"]


async def test_the_same_person_cannot_be_granted_twice(admin):
    kari = persona("coordinator").pid
    r = await admin.post(ACCOUNTS, json={"identityNumber": kari, "roles": ["unit_admin"]})
    _problem(r, 409, "account-exists")


async def test_roles_change_with_if_match_and_are_logged(admin):
    kari = await _account_of(admin, "Kari Koordinator")
    path = f"{ACCOUNTS}/{kari['id']}"
    body = {"roles": ["coordinator", "unit_admin"]}
    _problem(await admin.patch(path, json=body), 428, "version-required")
    _problem(await admin.patch(path, json=body, headers={"If-Match": '"9"'}), 412, "stale-version")
    r = await admin.patch(path, json=body, headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.json()["roles"] == ["coordinator", "unit_admin"]
    assert r.headers["etag"] == '"2"'
    assert (await admin.get(path)).json()["version"] == 2
    entry = (await admin.get("/api/access/changes", params={"limit": 1})).json()[0]
    assert (entry["action"], entry["targetName"]) == ("roles_changed", "Kari Koordinator")


async def test_a_revoked_person_loses_access_at_once(admin, app):
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as kari:
        await login(kari, "coordinator")
        assert (await kari.get("/api/bodies")).status_code == 200
        account = await _account_of(admin, "Kari Koordinator")
        r = await admin.delete(f"{ACCOUNTS}/{account['id']}", headers={"If-Match": '"1"'})
        assert r.status_code == 204, r.text
        _problem(await kari.get("/api/bodies"), 403, "forbidden")
    assert "Kari Koordinator" not in [a["personName"] for a in (await admin.get(ACCOUNTS)).json()]
    entry = (await admin.get("/api/access/changes")).json()[0]
    assert (entry["action"], entry["targetName"]) == ("account_revoked", "Kari Koordinator")


async def test_the_last_unit_admin_cannot_remove_themselves(admin):
    siri = await _account_of(admin, "Siri Systemansvarlig")
    path = f"{ACCOUNTS}/{siri['id']}"
    r = await admin.patch(path, json={"roles": ["coordinator"]}, headers={"If-Match": '"1"'})
    _problem(r, 409, "last-unit-admin")
    _problem(await admin.delete(path, headers={"If-Match": '"1"'}), 409, "last-unit-admin")
    assert (await admin.get(path)).json()["roles"] == ["unit_admin"]


async def test_with_a_second_admin_the_first_may_step_down(admin):
    kari = await _account_of(admin, "Kari Koordinator")
    r = await admin.patch(
        f"{ACCOUNTS}/{kari['id']}", json={"roles": ["unit_admin"]}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200
    siri = await _account_of(admin, "Siri Systemansvarlig")
    r = await admin.patch(
        f"{ACCOUNTS}/{siri['id']}", json={"roles": ["coordinator"]}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    # No longer an admin: the next administration request is refused.
    _problem(await admin.get(ACCOUNTS), 403, "forbidden")


async def test_the_database_keeps_the_last_admin_too(demo, container, admin_engine):
    """Past the application check (a script, a future bug): the constraint trigger refuses."""
    siri = demo_id(f"account/{demo_id('unit/lillestrom')}/{persona('unit_admin').pid}")
    async with container.engine.connect() as conn:  # the app role, under row-level security
        await conn.begin()
        await conn.execute(
            sa.text("SELECT set_config('samordna.unit_id', :u, true)"),
            {"u": str(demo_id("unit/lillestrom"))},
        )
        gone = await conn.execute(sa.text("DELETE FROM user_account WHERE id = :id"), {"id": siri})
        assert gone.rowcount == 1
        with pytest.raises(sa.exc.IntegrityError, match="no unit admin"):
            await conn.commit()
    async with admin_engine.connect() as conn:
        left = await conn.execute(
            sa.text("SELECT count(*) FROM user_account WHERE id = :i"), {"i": siri}
        )
        assert left.scalar_one() == 1


async def test_machine_clients_register_and_revoke(admin, client):
    r = await admin.post(
        CLIENTS,
        json={
            "organisationNumber": NEW_ORG,
            "name": "Statistikkverktøy (fiktivt)",
            "scopes": ["samordna:trends.read"],
        },
    )
    assert r.status_code == 201, r.text
    assert r.headers["location"] == f"{CLIENTS}/{NEW_ORG}"
    assert r.json()["scopes"] == ["samordna:trends.read"]
    again = await admin.post(
        CLIENTS,
        json={"organisationNumber": NEW_ORG, "name": "X", "scopes": ["samordna:trends.read"]},
    )
    _problem(again, 409, "client-exists")
    bad = await admin.post(
        CLIENTS,
        json={"organisationNumber": "991904019", "name": "X", "scopes": ["samordna:trends.read"]},
    )
    assert [e["field"] for e in _problem(bad, 422, "validation-failed")["errors"]] == [
        "organisationNumber"
    ]
    numbers = [c["organisationNumber"] for c in (await admin.get(CLIENTS)).json()]
    assert NEW_ORG in numbers and machine("archive_system").org_number in numbers

    # Revoking the archive system's registration stops its tokens at once.
    token = await machine_token(client, "archive_system", ["samordna:organisation.read"])
    bearer = {"Authorization": f"Bearer {token}"}
    assert (await client.get("/api/bodies", headers=bearer)).status_code == 200
    archive = f"{CLIENTS}/{machine('archive_system').org_number}"
    _problem(await admin.delete(archive), 428, "version-required")
    assert (await admin.delete(archive, headers={"If-Match": '"1"'})).status_code == 204
    _problem(await client.get("/api/bodies", headers=bearer), 403, "forbidden")
    actions = [c["action"] for c in (await admin.get("/api/access/changes")).json()]
    assert actions[:2] == ["client_revoked", "client_registered"]


async def test_graphql_offers_the_same_with_typed_problems(admin):
    async def gql(query: str, **variables: object) -> dict:
        r = await admin.post("/graphql", json={"query": query, "variables": variables})
        assert r.status_code == 200, r.text
        assert "errors" not in r.json(), r.text
        return r.json()["data"]  # type: ignore[no-any-return]

    accounts = (await gql("{ accessAccounts { id personName roles version } }"))["accessAccounts"]
    siri = next(a for a in accounts if a["personName"] == "Siri Systemansvarlig")
    changed = await gql(
        "mutation($id: UUID!) { changeAccess(id: $id, version: 1, input: {roles: [COORDINATOR]})"
        " { __typename ... on Problem { code } } }",
        id=siri["id"],
    )
    assert changed["changeAccess"] == {"__typename": "ConflictProblem", "code": "last-unit-admin"}
    granted = await gql(
        "mutation($n: String!) { grantAccess(input: {identityNumber: $n, roles: [POLICE_CONTACT]})"
        " { __typename ... on AccessAccount { roles version } } }",
        n=NEW_PERSON,
    )
    assert granted["grantAccess"] == {
        "__typename": "AccessAccount",
        "roles": ["POLICE_CONTACT"],
        "version": 1,
    }
    registered = await gql(
        'mutation { registerMachineClient(input: {organisationNumber: "991904019", name: "X",'
        " scopes: [TRENDS_READ]}) { __typename ... on ValidationProblem { fieldErrors { field } } } }"
    )
    assert registered["registerMachineClient"]["fieldErrors"] == [{"field": "organisationNumber"}]
    log = await gql("{ accessChanges(limit: 5) { action actorName } }")
    assert log["accessChanges"][0] == {
        "action": "ACCOUNT_GRANTED",
        "actorName": "Siri Systemansvarlig",
    }


async def test_graphql_refuses_a_coordinator_like_rest(client):
    client.headers["X-CSRF-Token"] = await login(client, "coordinator")
    r = await client.post("/graphql", json={"query": "{ accessAccounts { id } }"})
    assert r.json()["errors"][0]["extensions"]["code"] == "forbidden"
