"""Every REST endpoint × every kind of caller: allowed or denied, as the policies say.

Writes are sent so that an *allowed* caller gets past authorisation and stops at a harmless rule
(a stale If-Match -> 412, a duplicate -> 409), while a *denied* caller gets 403: the matrix proves
authorisation without changing data. A route missing from the matrix fails the suite.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx
import pytest

from adapters.identity.personas import machine, persona
from adapters.postgres.demo import DEMO_UNIT, demo_id
from tests.api.meetings.matrix import routes as meetings_routes
from tests.support.auth import login, machine_token

BODY = demo_id("body/koord-barn")  # chaired by the coordinator; no other persona leads it
ORG = demo_id("org/kultur")
PERSON = demo_id("person/ppt-leder")
MEMBERSHIP = demo_id("membership/koord-barn/ppt-leder")
STALE = {"If-Match": '"999"'}

READ, WRITE, ADMIN, ME = "read", "write", "admin", "me"
PEOPLE = "people"  # any person with a unit, never a machine
ACCOUNT = demo_id(f"account/{DEMO_UNIT}/{persona('coordinator').pid}")
CLIENTS = "/api/access/machine-clients"
CLIENT = machine("archive_system").org_number


@dataclass(frozen=True)
class Case:
    method: str
    path: str
    route: str
    policy: str
    allowed_status: int
    json: dict | None = None
    headers: dict | None = None


CASES = [
    Case("GET", "/api/me", "/api/me", ME, 200),
    Case("GET", "/api/unit", "/api/unit", READ, 200),
    Case("PATCH", "/api/unit", "/api/unit", ADMIN, 412, {"name": "X"}, STALE),
    Case("GET", "/api/unit/establishment", "/api/unit/establishment", READ, 200),
    Case("PATCH", "/api/unit/establishment", "/api/unit/establishment", WRITE, 412, {}, STALE),
    Case("GET", "/api/unit/health", "/api/unit/health", READ, 200),
    Case("GET", "/api/unit/picture", "/api/unit/picture", READ, 200),
    Case("GET", "/api/reference/municipalities", "/api/reference/municipalities", READ, 200),
    Case("GET", "/api/reference/police-districts", "/api/reference/police-districts", READ, 200),
    Case("GET", "/api/organisations", "/api/organisations", READ, 200),
    Case(
        "POST",
        "/api/organisations",
        "/api/organisations",
        WRITE,
        409,
        {"name": "Kultur og fritid", "type": "culture_and_leisure"},
    ),
    Case("GET", f"/api/organisations/{ORG}", "/api/organisations/{id}", READ, 200),
    Case(
        "PATCH",
        f"/api/organisations/{ORG}",
        "/api/organisations/{id}",
        WRITE,
        412,
        {"active": False},
        STALE,
    ),
    Case("DELETE", f"/api/organisations/{ORG}", "/api/organisations/{id}", WRITE, 412, None, STALE),
    Case("GET", "/api/persons", "/api/persons", READ, 200),
    Case(
        "POST",
        "/api/persons",
        "/api/persons",
        WRITE,
        422,
        {"name": "Ny Person", "email": "ikke-epost"},
    ),
    Case("GET", f"/api/persons/{PERSON}", "/api/persons/{id}", READ, 200),
    Case(
        "PATCH",
        f"/api/persons/{PERSON}",
        "/api/persons/{id}",
        WRITE,
        412,
        {"title": "Rektor"},
        STALE,
    ),
    Case("DELETE", f"/api/persons/{PERSON}", "/api/persons/{id}", WRITE, 412, None, STALE),
    Case("GET", "/api/bodies", "/api/bodies", READ, 200),
    Case(
        "POST",
        "/api/bodies",
        "/api/bodies",
        WRITE,
        409,
        {"name": "Politirådet", "level": "steering"},
    ),
    Case("GET", f"/api/bodies/{BODY}", "/api/bodies/{id}", READ, 200),
    Case("GET", f"/api/bodies/{BODY}/members.csv", "/api/bodies/{id}/members.csv", READ, 200),
    Case("GET", f"/api/bodies/{BODY}/members.xlsx", "/api/bodies/{id}/members.xlsx", READ, 200),
    Case("PATCH", f"/api/bodies/{BODY}", "/api/bodies/{id}", WRITE, 412, {"mandate": "Ny"}, STALE),
    Case("DELETE", f"/api/bodies/{BODY}", "/api/bodies/{id}", WRITE, 412, None, STALE),
    Case("GET", "/api/memberships", "/api/memberships", READ, 200),
    Case(
        "POST",
        "/api/memberships",
        "/api/memberships",
        WRITE,
        409,
        {"bodyId": str(BODY), "personId": str(PERSON), "role": "member"},
    ),
    Case("GET", f"/api/memberships/{MEMBERSHIP}", "/api/memberships/{id}", READ, 200),
    Case(
        "PATCH",
        f"/api/memberships/{MEMBERSHIP}",
        "/api/memberships/{id}",
        WRITE,
        412,
        {"role": "observer"},
        STALE,
    ),
    Case(
        "POST",
        f"/api/memberships/{MEMBERSHIP}/end",
        "/api/memberships/{id}/end",
        WRITE,
        412,
        {},
        STALE,
    ),
    Case(
        "DELETE", f"/api/memberships/{MEMBERSHIP}", "/api/memberships/{id}", WRITE, 412, None, STALE
    ),
    Case(
        "POST",
        f"/api/memberships/{MEMBERSHIP}/role-change",
        "/api/memberships/{id}/role-change",
        WRITE,
        412,
        {"role": "observer"},
        STALE,
    ),
    # Handing the chair to the sitting chair stops at a rule (422) without writing anything.
    Case(
        "POST",
        f"/api/bodies/{BODY}/chair-handover",
        "/api/bodies/{id}/chair-handover",
        WRITE,
        422,
        {"personId": str(demo_id("person/kari"))},
    ),
    # Switching to the unit one is in: harmless for a person, refused to machines.
    Case("POST", "/api/me/unit", "/api/me/unit", PEOPLE, 200, {"unitId": str(DEMO_UNIT)}),
    Case("GET", "/api/access/accounts", "/api/access/accounts", ADMIN, 200),
    Case(
        "POST",
        "/api/access/accounts",
        "/api/access/accounts",
        ADMIN,
        409,
        {"identityNumber": persona("coordinator").pid, "roles": ["coordinator"]},
    ),
    Case("GET", f"/api/access/accounts/{ACCOUNT}", "/api/access/accounts/{id}", ADMIN, 200),
    Case(
        "PATCH",
        f"/api/access/accounts/{ACCOUNT}",
        "/api/access/accounts/{id}",
        ADMIN,
        412,
        {"roles": ["coordinator"]},
        STALE,
    ),
    Case(
        "DELETE",
        f"/api/access/accounts/{ACCOUNT}",
        "/api/access/accounts/{id}",
        ADMIN,
        412,
        None,
        STALE,
    ),
    Case("GET", "/api/access/machine-clients", "/api/access/machine-clients", ADMIN, 200),
    Case(
        "POST",
        "/api/access/machine-clients",
        "/api/access/machine-clients",
        ADMIN,
        409,
        {"organisationNumber": CLIENT, "name": "Arkiv", "scopes": ["samordna:archive.read"]},
    ),
    Case("GET", f"{CLIENTS}/{CLIENT}", f"{CLIENTS}/{{organisation_number}}", ADMIN, 200),
    Case(
        "DELETE",
        f"{CLIENTS}/{CLIENT}",
        f"{CLIENTS}/{{organisation_number}}",
        ADMIN,
        412,
        None,
        STALE,
    ),
    Case("GET", "/api/access/changes", "/api/access/changes", ADMIN, 200),
]

# Who passes which policy. Machines: archive_system has samordna:organisation.read,
# police_system only samordna:trends.read.
ALLOWED = {
    "unit_admin": {READ, WRITE, ADMIN, ME, PEOPLE},
    "coordinator": {READ, WRITE, ME, PEOPLE},
    "body_member": {READ, ME, PEOPLE},
    "police_contact": {READ, ME, PEOPLE},
    "steering_reader": {READ, ME, PEOPLE},
    "outsider": set(),
    "archive_system": {READ, ME},
    "police_system": {ME},
}
MACHINE_SCOPES = {
    "archive_system": ["samordna:organisation.read"],
    "police_system": ["samordna:trends.read"],
}


# Routes whose context walks them in its own matrix (tests/api/<context>/test_role_matrix.py).
ELSEWHERE = ("/api/annual-wheel/", "/api/calendar-feeds", "/api/feeds/", "/api/agreements")
ELSEWHERE += ("/api/measures", "/api/measure-", "/api/evaluations", "/api/action-plans")
ELSEWHERE += ("/api/decisions",)  # measures' GET; meetings' matrix walks /api/decisions/{id}
ELSEWHERE += ("/api/cases", "/api/case-", "/api/subjects", "/api/commitments", "/api/consents")
ELSEWHERE += ("/api/break-glass",)  # tests/api/cases walks the cases context's routes
ELSEWHERE += ("/api/archive/",)  # tests/api/archive/test_role_matrix.py walks the archive's
ELSEWHERE += ("/api/indicators", "/api/areas", "/api/observations", "/api/picture")
ELSEWHERE += ("/api/import", "/api/trends")  # knowledge's test_access.py, trends' matrix


def test_every_api_route_is_in_the_matrix(app):
    routes = {
        (method.upper(), path)
        for path, ops in app.openapi()["paths"].items()
        if path.startswith("/api") and not path.startswith(ELSEWHERE)
        for method in ops
    }
    covered = {(c.method, c.route) for c in CASES}
    assert routes - meetings_routes() == covered  # the meetings matrix covers its own


async def _authenticate(client: httpx.AsyncClient, who: str) -> dict[str, str]:
    if who in MACHINE_SCOPES:
        token = await machine_token(client, who, MACHINE_SCOPES[who])
        return {"Authorization": f"Bearer {token}"}
    csrf = await login(client, who)
    return {"X-CSRF-Token": csrf} if csrf else {}


@pytest.mark.parametrize("who", list(ALLOWED))
async def test_role_matrix(client, who):
    headers = await _authenticate(client, who)
    wrong = []
    for case in CASES:
        r = await client.request(
            case.method, case.path, json=case.json, headers={**headers, **(case.headers or {})}
        )
        expected = case.allowed_status if case.policy in ALLOWED[who] else 403
        if r.status_code != expected:
            wrong.append(f"{case.method} {case.path}: {r.status_code} != {expected} {r.text[:160]}")
        if r.status_code >= 400:
            assert r.headers["content-type"].startswith("application/problem+json"), case
    assert not wrong, "\n".join(wrong)


async def test_anonymous_gets_401_everywhere(client):
    for case in CASES:
        r = await client.request(case.method, case.path, json=case.json, headers=case.headers)
        assert r.status_code == 401, (case, r.text)
        assert r.json()["type"] == "/problems/unauthenticated"
        assert "stack" not in r.text.lower() and "traceback" not in r.text.lower()


async def test_chair_may_manage_own_body_memberships_only(client):
    csrf = await login(client, "body_member")  # Ola: chair of Ungdomsteam Nord
    h = {"X-CSRF-Token": csrf}
    own = demo_id("membership/team-nord/miljo1")
    r = await client.patch(
        f"/api/memberships/{own}", json={"role": "observer"}, headers={**h, **STALE}
    )
    assert r.status_code == 412  # authorised; stopped by the version check
    other = demo_id("membership/team-sor/miljo2")  # Ola is only a member of Ungdomsteam Sør
    r = await client.patch(
        f"/api/memberships/{other}", json={"role": "observer"}, headers={**h, **STALE}
    )
    assert r.status_code == 403


async def test_cookie_session_change_without_csrf_is_refused(client):
    await login(client, "coordinator")
    r = await client.patch(f"/api/bodies/{BODY}", json={"mandate": "x"}, headers=STALE)
    assert r.status_code == 403
    assert r.json()["type"] == "/problems/csrf-failed"
