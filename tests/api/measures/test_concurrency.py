"""Measures REST tests room: optimistic concurrency — two transitions of one measure at once end
with one winner and one 412, the history gains exactly one entry; a missing If-Match is 428, a
stale one 412."""

from __future__ import annotations

import asyncio
from collections import Counter

from tests.api.measures.support import KOMMUNE, etag, fresh, headers, move, ok, propose


async def test_parallel_transitions_have_one_winner(client):
    h = await headers(client)
    for _ in range(3):
        r = await propose(client, h)
        mid = r.json()["id"]
        answers = await asyncio.gather(
            client.post(
                f"/api/measures/{mid}/transitions",
                json={"target": "assessed"},
                headers={**h, **etag(r)},
            ),
            client.post(
                f"/api/measures/{mid}/transitions",
                json={"target": "rejected", "reason": "Ikke prioritert."},
                headers={**h, **etag(r)},
            ),
        )
        statuses = Counter(a.status_code for a in answers)
        assert statuses == Counter({200: 1, 412: 1}), [a.text for a in answers]
        loser = next(a for a in answers if a.status_code == 412)
        assert loser.json()["type"] == "/problems/stale-version"
        history = ok(await client.get(f"/api/measures/{mid}/history", headers=h))
        assert len(history) == 2 and [c["sequence"] for c in history] == [1, 2]
        final = ok(await fresh(client, h, mid))
        assert final["version"] == 2
        assert final["stage"] == history[-1]["toStage"]


async def test_parallel_same_transition_writes_one_history_entry(client):
    h = await headers(client)
    r = await propose(client, h)
    mid = r.json()["id"]
    answers = await asyncio.gather(
        *(
            client.post(
                f"/api/measures/{mid}/transitions",
                json={"target": "assessed"},
                headers={**h, **etag(r)},
            )
            for _ in range(4)
        )
    )
    statuses = Counter(a.status_code for a in answers)
    assert statuses[200] == 1 and set(statuses) <= {200, 412}, [a.text for a in answers]
    assert len(ok(await client.get(f"/api/measures/{mid}/history", headers=h))) == 2


async def test_an_edit_and_a_transition_at_once(client):
    h = await headers(client)
    r = await propose(client, h)
    mid = r.json()["id"]
    answers = await asyncio.gather(
        client.post(
            f"/api/measures/{mid}/transitions",
            json={"target": "assessed"},
            headers={**h, **etag(r)},
        ),
        client.patch(
            f"/api/measures/{mid}",
            json={"responsibleOrganisationIds": [str(KOMMUNE)]},
            headers={**h, **etag(r)},
        ),
    )
    assert sorted(a.status_code for a in answers) == [200, 412], [a.text for a in answers]


async def test_missing_if_match_is_428_and_stale_is_412(client):
    h = await headers(client)
    r = await propose(client, h)
    mid = r.json()["id"]
    missing = await client.post(
        f"/api/measures/{mid}/transitions", json={"target": "assessed"}, headers=h
    )
    assert missing.status_code == 428 and missing.json()["type"] == "/problems/version-required"
    for method, path, body in (
        ("PATCH", f"/api/measures/{mid}", {"title": "Nytt navn"}),
        ("DELETE", f"/api/measures/{mid}", None),
    ):
        no = await client.request(method, path, json=body, headers=h)
        assert no.status_code == 428, no.text
        stale = await client.request(method, path, json=body, headers={**h, "If-Match": '"7"'})
        assert stale.status_code == 412, stale.text
    stale = await move(client, h, r, "assessed")
    ok(stale)
    again = await move(client, h, r, "rejected", reason="For sent.")  # the old ETag
    assert again.status_code == 412
    assert len(ok(await client.get(f"/api/measures/{mid}/history", headers=h))) == 2
