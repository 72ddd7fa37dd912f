"""Meetings REST tests room: parallel requests — decision numbers stay gapless and unique when
several meetings of one body are approved at once; concurrent transitions of one meeting end with
one winner and a 412/409 for the rest, never a 500."""

from __future__ import annotations

import asyncio
from collections import Counter

import sqlalchemy as sa

from tests.api.meetings.support import BODY, drafting, etag, headers, meeting_etag, plan

MEETINGS = 6
DECISIONS = 3


async def test_parallel_approvals_number_decisions_gapless_and_unique(client, admin_engine):
    h = await headers(client)
    ready = []
    for n in range(MEETINGS):
        # Same year for all: hours apart, in the past, so each can be held.
        mid, item, _ = await drafting(client, h, hours_from_now=-3 - 3 * n)
        for k in range(DECISIONS):
            r = await client.post(
                f"/api/meetings/{mid}/decisions",
                json={"agendaItemId": item, "text": f"Vedtak {k + 1} i møte {n + 1}."},
                headers=h,
            )
            assert r.status_code == 201, r.text
        ready.append((mid, await meeting_etag(client, h, mid)))
    answers = await asyncio.gather(
        *(
            client.post(
                f"/api/meetings/{mid}/minutes/approve", json={"kind": "chair"}, headers={**h, **tag}
            )
            for mid, tag in ready
        )
    )
    assert [a.status_code for a in answers] == [200] * MEETINGS, [a.text for a in answers]
    numbers: list[int] = []
    for mid, _ in ready:
        ds = (await client.get(f"/api/meetings/{mid}/decisions", headers=h)).json()
        seqs = [d["sequence"] for d in ds]
        assert seqs == sorted(seqs)  # each meeting's decisions in recorded order
        assert seqs == list(range(seqs[0], seqs[0] + DECISIONS))  # and consecutive
        numbers += seqs
    assert sorted(numbers) == list(range(1, MEETINGS * DECISIONS + 1))
    async with admin_engine.connect() as conn:
        dupes = await conn.execute(
            sa.text("SELECT count(DISTINCT number_sequence) FROM decision WHERE body_id = :b"),
            {"b": BODY},
        )
        assert dupes.scalar_one() == MEETINGS * DECISIONS


async def test_concurrent_transitions_of_one_meeting_have_one_winner(client):
    h = await headers(client)
    for _ in range(3):
        m = await plan(client, h)
        mid = m.json()["id"]
        answers = await asyncio.gather(
            client.post(f"/api/meetings/{mid}/hold", headers={**h, **etag(m)}),
            client.post(f"/api/meetings/{mid}/hold", headers={**h, **etag(m)}),
            client.post(
                f"/api/meetings/{mid}/cancel", json={"reason": "Avlyst"}, headers={**h, **etag(m)}
            ),
            client.patch(
                f"/api/meetings/{mid}", json={"place": "Biblioteket"}, headers={**h, **etag(m)}
            ),
        )
        statuses = Counter(a.status_code for a in answers)
        assert statuses[200] == 1, [a.text for a in answers]
        assert set(statuses) <= {200, 409, 412}, [a.text for a in answers]
        final = (await client.get(f"/api/meetings/{mid}", headers=h)).json()
        assert final["version"] == 2


async def test_concurrent_writes_to_one_draft_item_keep_one(client):
    h = await headers(client)
    mid, item, draft = await drafting(client, h)
    url = f"/api/meetings/{mid}/minutes/items/{item}"
    answers = await asyncio.gather(
        *(
            client.put(url, json={"openText": f"Versjon {n}"}, headers={**h, **etag(draft)})
            for n in range(5)
        )
    )
    statuses = Counter(a.status_code for a in answers)
    assert statuses[200] == 1 and set(statuses) <= {200, 409, 412}, [a.text for a in answers]
