"""Archive REST tests room: every archive route × every kind of caller (managers: coordinator and
unit admin; the archive's machine reads message status; the unit's readers see a record's status
only), anonymous 401, and another SLT unit sees nothing of this unit's messages or extracts."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.archive.support import PERIOD, archived_meeting, auth, finished, messages, ok

MANAGE, STATUS, BADGE = "manage", "status", "badge"
ALLOWED = {
    "unit_admin": {MANAGE, STATUS, BADGE},
    "coordinator": {MANAGE, STATUS, BADGE},
    "body_member": {BADGE},
    "police_contact": {BADGE},
    "steering_reader": {BADGE},
    "outsider": set(),
    "archive_system": {STATUS, BADGE},
    "police_system": set(),
}
STALE = {"If-Match": '"999"'}


def cases(dead: dict[str, Any], job: str) -> list[tuple[str, str, str, int, dict[str, Any]]]:
    """(method, path, policy, status when allowed, request keywords): allowed changes stop at a
    harmless rule (a stale version, a period ending before it starts): the matrix changes nothing."""
    one = f"/api/archive/messages/{dead['id']}"
    return [
        ("GET", "/api/archive/messages", STATUS, 200, {}),
        ("GET", one, STATUS, 200, {}),
        ("POST", f"{one}/retry", MANAGE, 412, {"headers": STALE}),
        ("GET", f"/api/archive/records/minutes/{dead['subjectId']}", BADGE, 200, {}),
        ("GET", "/api/archive/settings", MANAGE, 200, {}),
        ("PUT", "/api/archive/settings", MANAGE, 412, {"json": {"enabled": False}, "headers": STALE}),
        ("POST", "/api/archive/extracts", MANAGE, 422, {"json": {"from": "2026-02-01", "to": "2026-01-01"}}),
        ("GET", f"/api/archive/extracts/{job}", MANAGE, 200, {}),
        ("GET", f"/api/archive/extracts/{job}/download", MANAGE, 200, {}),
    ]  # fmt: skip


@pytest.fixture
async def world(app: Any, demo: None, admin_engine: AsyncEngine) -> tuple[dict[str, Any], str]:
    """A dead letter of approved minutes, and a finished extract, made in a browser of their own."""
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as c:
        h = await auth(c, "coordinator")
        await archived_meeting(c, h, admin_engine)
        (dead,) = await messages(c, h, "dead")
        job = ok(await c.post("/api/archive/extracts", json=PERIOD, headers=h), 202)
        assert (await finished(c, h, job["id"]))["status"] == "done"
        return dead, job["id"]


def test_every_archive_route_is_in_the_matrix(app: Any) -> None:
    routes = {
        (method.upper(), path)
        for path, ops in app.openapi()["paths"].items()
        if path.startswith("/api/archive")
        for method in ops
    }
    dead = {"id": "{id}", "subjectId": "{recordId}"}
    templated = {(m, p.replace("/minutes/", "/{kind}/")) for m, p, *_ in cases(dead, "{id}")}
    assert routes == templated


@pytest.mark.parametrize("who", list(ALLOWED))
async def test_role_matrix(
    client: httpx.AsyncClient, world: tuple[dict[str, Any], str], who: str
) -> None:
    h = await auth(client, who)
    wrong = []
    for method, path, policy, allowed, kw in cases(*world):
        r = await client.request(method, path, **{**kw, "headers": {**h, **kw.get("headers", {})}})
        expected = allowed if policy in ALLOWED[who] else 403
        if r.status_code != expected:
            wrong.append(f"{method} {path}: {r.status_code} != {expected} {r.text[:160]}")
        if r.status_code >= 400:
            assert r.headers["content-type"].startswith("application/problem+json"), path
    assert not wrong, "\n".join(wrong)


async def test_anonymous_gets_401(
    client: httpx.AsyncClient, world: tuple[dict[str, Any], str]
) -> None:
    for method, path, _, _, kw in cases(*world):
        r = await client.request(method, path, **kw)
        assert r.status_code == 401, (method, path, r.text)


async def test_another_unit_sees_nothing(
    client: httpx.AsyncClient, world: tuple[dict[str, Any], str]
) -> None:
    dead, job = world
    h = await auth(client, "other_unit_coordinator")
    assert ok(await client.get("/api/archive/messages", headers=h))["total"] == 0
    one = f"/api/archive/messages/{dead['id']}"
    for method, path in [
        ("GET", one),
        ("POST", f"{one}/retry"),
        ("GET", f"/api/archive/extracts/{job}"),
        ("GET", f"/api/archive/extracts/{job}/download"),
    ]:
        r = await client.request(method, path, headers={**h, "If-Match": f'"{dead["version"]}"'})
        assert r.status_code == 404, (method, path, r.text)
    status = ok(await client.get(f"/api/archive/records/minutes/{dead['subjectId']}", headers=h))
    assert status == {
        "state": "none",
        "saksnummer": None,
        "journalpostnummer": None,
        "messages": [],
    }
    # its own settings, not the demo unit's
    assert ok(await client.get("/api/archive/settings", headers=h))["classId"] != "026"
