"""Meetings REST tests room: the status machine over HTTP against a model — seeded random
sequences of hold, cancel, start minutes and approve; each answer is the model's (2xx when the
transition table allows it, 409 illegal-transition naming the precondition otherwise), never 5xx."""

from __future__ import annotations

import random

from domain.meetings.status import MeetingStatus, allowed
from tests.api.meetings.support import headers, meeting_etag, plan

S = MeetingStatus
# action → (method, path suffix, JSON body, the status it leads to, its success status)
ACTIONS = {
    "hold": ("/hold", None, S.HELD, 200),
    "cancel": ("/cancel", {"reason": "Avlyst"}, S.CANCELLED, 200),
    "start": ("/minutes", None, S.MINUTES_DRAFT, 201),
    "approve": ("/minutes/approve", {"kind": "chair"}, S.MINUTES_APPROVED, 200),
}
SEQUENCES = 24
LENGTH = 4


async def test_random_sequences_follow_the_transition_table(client):
    h = await headers(client)
    rng = random.Random(20261130)
    for n in range(SEQUENCES):
        mid = (await plan(client, h, hours_from_now=-3 - n)).json()["id"]
        state = S.PLANNED
        steps = [rng.choice(list(ACTIONS)) for _ in range(LENGTH)]
        for step in steps:
            suffix, body, target, ok = ACTIONS[step]
            tag = await meeting_etag(client, h, mid)
            r = await client.post(f"/api/meetings/{mid}{suffix}", json=body, headers={**h, **tag})
            if allowed(state, target):
                assert r.status_code == ok, (steps, step, r.text)
                state = target
            else:
                assert r.status_code == 409, (steps, step, r.text)
                problem = r.json()
                assert problem["type"] == "/problems/illegal-transition"
                assert problem["precondition"] and problem["currentStatus"] == state
        got = (await client.get(f"/api/meetings/{mid}", headers=h)).json()
        assert got["status"] == state, steps
