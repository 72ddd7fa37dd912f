"""Meetings REST tests room: helpers that walk a meeting through its states over HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from adapters.postgres.demo import demo_id
from tests.support.auth import login

# Chaired by the coordinator (Kari): the coordinator may plan, hold, write and approve.
BODY = demo_id("body/koord-barn")
MEMBER = demo_id("person/ppt-leder")  # a member of that body
KARI = demo_id("person/kari")
OTHER_BODY = demo_id("other/body/koord")


async def headers(client: httpx.AsyncClient, who: str = "coordinator") -> dict[str, str]:
    csrf = await login(client, who)
    return {"X-CSRF-Token": csrf} if csrf else {}


def etag(r: httpx.Response) -> dict[str, str]:
    return {"If-Match": r.headers["ETag"]}


def when(hours_from_now: float, length_hours: float = 2) -> dict[str, str]:
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=hours_from_now)
    return {
        "startsAt": start.isoformat(),
        "endsAt": (start + timedelta(hours=length_hours)).isoformat(),
    }


async def plan(
    client: httpx.AsyncClient, h: dict[str, str], hours_from_now: float = -3, **extra: Any
) -> httpx.Response:
    body = {"bodyId": str(BODY), "place": "Rådhuset, møterom 2", **when(hours_from_now), **extra}
    r = await client.post("/api/meetings", json=body, headers=h)
    assert r.status_code == 201, r.text
    return r


async def drafting(
    client: httpx.AsyncClient, h: dict[str, str], hours_from_now: float = -3
) -> tuple[str, str, httpx.Response]:
    """A held meeting with one decision item on its agenda and its draft minutes started:
    (meeting id, agenda item id, the start's answer with the draft's ETag)."""
    m = await plan(client, h, hours_from_now)
    mid = m.json()["id"]
    item = await client.post(
        f"/api/meetings/{mid}/agenda",
        json={"title": "Oppfølging av handlingsplanen", "kind": "decision"},
        headers=h,
    )
    assert item.status_code == 201, item.text
    held = await client.post(f"/api/meetings/{mid}/hold", headers={**h, **etag(m)})
    assert held.status_code == 200, held.text
    draft = await client.post(f"/api/meetings/{mid}/minutes", headers={**h, **etag(held)})
    assert draft.status_code == 201, draft.text
    return mid, item.json()["id"], draft


async def meeting_etag(client: httpx.AsyncClient, h: dict[str, str], mid: str) -> dict[str, str]:
    r = await client.get(f"/api/meetings/{mid}", headers=h)
    assert r.status_code == 200, r.text
    return etag(r)
