"""Archive REST tests room: logging in as a persona, the demo's dead letter and delivered plan,
and waiting for an extract job."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.demo.archive import DEAD, DELIVERED
from tests.integration.archive.support import approvable, approve, outbox
from tests.support.auth import login, machine_token

MACHINE_SCOPES = {
    "archive_system": ["samordna:archive.read"],
    "police_system": ["samordna:trends.read"],
}
PERIOD = {"from": "2020-01-01", "to": "2029-12-31"}
RECEIPT = {
    "saksnummer": "2026/123",
    "journalpostnummer": "45",
    "mappe_system_id": "f1a7e3c2-0000-4000-8000-000000000001",
    "registrering_system_id": "f1a7e3c2-0000-4000-8000-000000000002",
    "existing": False,
}


async def auth(client: httpx.AsyncClient, who: str) -> dict[str, str]:
    """Headers acting as ``who``: a machine's bearer token, or a person's session and CSRF token."""
    if who in MACHINE_SCOPES:
        token = await machine_token(client, who, MACHINE_SCOPES[who])
        return {"Authorization": f"Bearer {token}"}
    csrf = await login(client, who)
    return {"X-CSRF-Token": csrf} if csrf else {}


def ok(r: httpx.Response, status: int = 200) -> Any:
    assert r.status_code == status, r.text
    return r.json()


async def messages(client: httpx.AsyncClient, h: dict[str, str], status: str) -> list[Any]:
    page = ok(await client.get("/api/archive/messages", params={"status": status}, headers=h))
    return page["items"]  # type: ignore[no-any-return]


async def finished(client: httpx.AsyncClient, h: dict[str, str], job: str) -> Any:
    """Poll the job until it is done or failed (the extract runs as a task of its own)."""
    for _ in range(600):
        j = ok(await client.get(f"/api/archive/extracts/{job}", headers=h))
        if j["status"] in ("done", "failed"):
            return j
        await asyncio.sleep(0.1)
    raise AssertionError(f"extract job still {j['status']}: {j}")


async def archived_meeting(client: httpx.AsyncClient, h: dict[str, str], admin: AsyncEngine) -> str:
    """A meeting approved over HTTP (migration 0013's trigger enqueues one message per agenda
    item), then, as the worker would have left them: the first item delivered with the archive's
    receipt (sak 2026/123, journalpost 45), the second a dead letter the archive rejected."""
    mid, _ = await approvable(client, h)
    ok(await approve(client, h, mid))
    first, second = await outbox(admin, subject_id=UUID(mid))
    async with admin.begin() as conn:
        await conn.execute(DELIVERED, {"id": first["id"], "r": json.dumps(RECEIPT)})
        await conn.execute(DEAD, {"id": second["id"]})
    return mid
