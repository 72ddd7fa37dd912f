"""Annual-wheel REST tests room: every wheel and feed route × every kind of caller, allowed or
denied as the wheel's policies say (reading: whoever sees the organisation; keeping the wheel:
the coordinator and the unit admin; a body's feeds: its members besides). Writes stop at a
harmless rule (a stale If-Match, a domain check) so the matrix changes no data it relies on."""

from __future__ import annotations

import pytest

from api.rest.annual_wheel import feeds, norms, tasks, templates
from tests.api.annual_wheel.matrix import BLANK, FEED, READ, WRITE, build, cases
from tests.api.organisation.test_role_matrix import _authenticate

# Politirådet: Per (police contact) is an observer, Stine (steering reader) a member; Ola (body
# member) has no seat on it. Machines never keep feeds (a feed belongs to a person or a body).
ALLOWED = {
    "unit_admin": {READ, WRITE, FEED},
    "coordinator": {READ, WRITE, FEED},
    "body_member": {READ},
    "police_contact": {READ, FEED},
    "steering_reader": {READ, FEED},
    "outsider": set(),
    "archive_system": {READ},  # samordna:organisation.read
    "police_system": set(),
}
MODULES = (templates, tasks, norms, feeds)
PUBLIC = (
    "GET",
    "/api/feeds/{token}.ics",
)  # the token is the credential: tests/api/annual_wheel/test_feeds.py


def test_every_wheel_route_is_in_the_matrix():
    routes = {
        (method, route.path_format)  # type: ignore[attr-defined]
        for module in MODULES
        for route in module.router.routes
        for method in route.methods  # type: ignore[attr-defined]
    }
    assert routes - {PUBLIC} == {(c.method, c.route) for c in cases(BLANK)}


@pytest.mark.parametrize("who", list(ALLOWED))
async def test_role_matrix(client, who):
    ids = await build(await _as_coordinator(client))
    client.cookies.clear()
    client.headers.pop("X-CSRF-Token", None)
    h = await _authenticate(client, who)
    wrong = []
    for case in cases(ids):
        r = await client.request(
            case.method, case.path, json=case.json, headers={**h, **(case.headers or {})}
        )
        expected = case.allowed_status if case.policy in ALLOWED[who] else 403
        if r.status_code != expected:
            wrong.append(f"{case.method} {case.path}: {r.status_code} != {expected} {r.text[:200]}")
        if r.status_code >= 400:
            assert r.headers["content-type"].startswith("application/problem+json"), case
    assert not wrong, "\n".join(wrong)


async def test_anonymous_gets_401_everywhere(client):
    ids = await build(await _as_coordinator(client))
    client.cookies.clear()
    client.headers.pop("X-CSRF-Token", None)
    for case in cases(ids):
        r = await client.request(case.method, case.path, json=case.json, headers=case.headers)
        assert r.status_code == 401, (case, r.text)
        assert r.json()["type"] == "/problems/unauthenticated"


async def _as_coordinator(client):  # type: ignore[no-untyped-def]
    from tests.api.annual_wheel.conftest import as_persona

    return await as_persona(client, "coordinator")
