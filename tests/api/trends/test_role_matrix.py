"""Trends API tests room: the role matrix — every trends route × every kind of caller over real
HTTP (persona logins, the dev police system's and the import script's machine tokens, nobody),
and a check that no trends route is left out of it. A release by a manager of the latest
released period is 409 ``release-unchanged``: the matrix changes nothing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api.trends.conftest import last_half
from tests.api.trends.support import POLICE, TABLE, as_machine, as_person

pytestmark = pytest.mark.usefixtures("released")

READERS = ("unit_admin", "coordinator", "police_contact", "steering_reader")
MANAGERS = ("unit_admin", "coordinator")
CALLERS = (*READERS, "body_member", "outsider", POLICE, "import_script", "nobody")


def routes() -> list[tuple[str, str, str, set[str]]]:
    """(method, route template, concrete path, callers allowed)."""
    period = str(last_half())
    return [
        ("GET", "/api/trends", "/api/trends", {*READERS, POLICE}),
        ("GET", "/api/trends/{table}", f"/api/trends/{TABLE}?period={period}", {*READERS, POLICE}),
        ("GET", "/api/trends/releases", "/api/trends/releases", set(READERS)),
        ("POST", "/api/trends/releases", "/api/trends/releases", set(MANAGERS)),
        ("GET", "/api/trends/pulls", "/api/trends/pulls", set(MANAGERS)),
    ]


def test_every_trends_route_is_in_the_matrix(app: Any) -> None:
    found = {
        (method.upper(), path)
        for path, ops in app.openapi()["paths"].items()
        if path.startswith("/api/trends")
        for method in ops
    }
    assert found == {(m, r) for m, r, _, _ in routes()}


async def _headers(client: httpx.AsyncClient, who: str) -> dict[str, str]:
    client.cookies.clear()
    if who == "nobody":
        return {}
    if who == POLICE:
        return await as_machine(client)
    if who == "import_script":
        return await as_machine(client, "import_script", ["samordna:import.write"])
    return await as_person(client, who)


@pytest.mark.parametrize("who", CALLERS)
async def test_role_matrix(client: httpx.AsyncClient, who: str) -> None:
    headers = await _headers(client, who)
    wrong = []
    for method, route, path, allowed in routes():
        body = {"period": str(last_half())} if method == "POST" else None
        r = await client.request(method, path, json=body, headers=headers)
        if who == "nobody":
            expected = {401}
        elif who in allowed:
            expected = {409} if method == "POST" else {200}  # the latest release is unchanged
        elif who == "outsider":
            expected = {403, 404}  # no access in any unit
        else:
            expected = {403}
        if r.status_code not in expected:
            wrong.append(f"{method} {route}: {r.status_code} (expected {sorted(expected)})")
        if r.status_code == 409:
            assert r.json()["type"] == "/problems/release-unchanged", r.text
    assert not wrong, "\n".join(wrong)
