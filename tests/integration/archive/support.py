"""Archive integration tests room: a meeting walked to approved minutes over HTTP (the real doors,
adapters and triggers), and the outbox read as the owner."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.demo import DEMO_UNIT
from tests.api.meetings.support import etag, meeting_etag, plan

UNIT = DEMO_UNIT
# Text of the restricted layer: it must never reach the outbox, a message or a document.
RESTRICTED = "LUKKET-ARKIV-Z9Q-KUN-MEDLEMMER"


async def approvable(
    client: httpx.AsyncClient, h: dict[str, str], *, worthy: bool = True, items: int = 2
) -> tuple[str, list[str]]:
    """A held, archive-worthy meeting with ``items`` agenda items and written draft minutes (the
    first item with a restricted text and a decision): (meeting id, agenda item ids)."""
    m = await plan(client, h)
    mid = m.json()["id"]
    if worthy:
        m = await client.patch(
            f"/api/meetings/{mid}", json={"archiveWorthy": True}, headers={**h, **etag(m)}
        )
        assert m.status_code == 200, m.text
    ids = []
    for n in range(items):
        r = await client.post(
            f"/api/meetings/{mid}/agenda",
            json={"title": f"Sak {n + 1} om oppfølging", "kind": "decision"},
            headers=h,
        )
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    held = await client.post(f"/api/meetings/{mid}/hold", headers={**h, **etag(m)})
    assert held.status_code == 200, held.text
    draft = await client.post(f"/api/meetings/{mid}/minutes", headers={**h, **etag(held)})
    assert draft.status_code == 201, draft.text
    w = await client.put(
        f"/api/meetings/{mid}/minutes/items/{ids[0]}",
        json={"openText": "Gruppa drøftet status.", "restrictedText": RESTRICTED},
        headers={**h, **etag(draft)},
    )
    assert w.status_code == 200, w.text
    d = await client.post(
        f"/api/meetings/{mid}/decisions",
        json={"agendaItemId": ids[0], "text": "Planen videreføres."},
        headers=h,
    )
    assert d.status_code == 201, d.text
    return mid, ids


async def approve(client: httpx.AsyncClient, h: dict[str, str], mid: str) -> httpx.Response:
    return await client.post(
        f"/api/meetings/{mid}/minutes/approve",
        json={"kind": "chair"},
        headers={**h, **(await meeting_etag(client, h, mid))},
    )


async def outbox(admin: AsyncEngine, **where: Any) -> list[dict[str, Any]]:
    """The outbox rows matching ``where`` (column = value), oldest first, as the owner sees them."""
    conditions = " AND ".join(f"{k} = :{k}" for k in where) or "true"
    async with admin.connect() as conn:
        rows = await conn.execute(
            sa.text(f"SELECT * FROM archive_message WHERE {conditions} ORDER BY created_at, key"),
            where,
        )
        return [dict(r._mapping) for r in rows]


async def enable(admin: AsyncEngine, unit: UUID = UNIT, enabled: bool = True) -> None:
    async with admin.begin() as conn:
        await conn.execute(
            sa.text(
                "INSERT INTO archive_settings (unit_id, enabled, classification_system, class_id)"
                " VALUES (:u, :e, 'ARKNOKKEL', '026')"
                " ON CONFLICT (unit_id) DO UPDATE SET enabled = :e"
            ),
            {"u": unit, "e": enabled},
        )
