"""Cases REST tests room: concurrency over real HTTP — two consent events for the same party at
once: exactly one is appended (the database's UNIQUE (consent, party, seq) decides), the other
is a 409 consent-conflict or a 412; two changes of one case with the same ETag: one 200, one
412; a missing If-Match is 428, a stale one 412."""

from __future__ import annotations

import asyncio
from collections import Counter

from tests.api.cases.flows import setting
from tests.api.cases.support import etag, event, ok, open_case, session


async def test_two_parallel_consent_events_for_one_party_have_one_winner(client):
    s = await setting(client, age=14)
    party = s.party("guardian", 0)
    pair = ("given", "refused")
    for round_ in range(2):
        answers = await asyncio.gather(
            *(event(s.ola, {}, s.consent["id"], party, kind, round_) for kind in pair)
        )
        statuses = Counter(a.status_code for a in answers)
        assert statuses[201] == 1 and set(statuses) <= {201, 409, 412}, [a.text for a in answers]
        loser = next(a for a in answers if a.status_code != 201)
        assert loser.json()["type"] in ("/problems/consent-conflict", "/problems/stale-version")
        # Either may win the first round; the second races two events that may follow the winner
        # (what was given is withdrawn; a refusal may be followed by consent).
        won = next(kind for kind, a in zip(pair, answers, strict=True) if a.status_code == 201)
        pair = ("withdrawn", "withdrawn") if won == "given" else ("given", "given")
    read = ok(await s.ola.get(f"/api/consents/{s.consent['id']}"))["consent"]
    events = [e for e in read["events"] if e["partyId"] == party]
    assert [e["seq"] for e in events] == [1, 2] and read["chainOk"] is True
    assert events[1]["prevHash"] == events[0]["hash"]


async def test_many_parallel_events_append_exactly_one(client):
    s = await setting(client, age=14)
    party = s.party("guardian", 1)
    answers = await asyncio.gather(
        *(event(s.ola, {}, s.consent["id"], party, "given", 0) for _ in range(6))
    )
    assert Counter(a.status_code for a in answers)[201] == 1, [a.text for a in answers]
    read = ok(await s.ola.get(f"/api/consents/{s.consent['id']}"))["consent"]
    assert len([e for e in read["events"] if e["partyId"] == party]) == 1


async def test_two_changes_of_one_case_with_the_same_etag(client):
    ola = await session(client, "body_member")
    r = await open_case(ola, {})
    cid = ok(r, 201)["id"]
    answers = await asyncio.gather(
        ola.patch(f"/api/cases/{cid}", json={"kind": "other"}, headers=etag(r)),
        ola.post(f"/api/cases/{cid}/closure", json={"reason": "moved"}, headers=etag(r)),
    )
    assert sorted(a.status_code for a in answers) == [200, 412], [a.text for a in answers]
    assert ok(await ola.get(f"/api/cases/{cid}"))["version"] == 2


async def test_missing_if_match_is_428_and_stale_is_412(client):
    ola = await session(client, "body_member")
    r = await open_case(ola, {})
    case = ok(r, 201)
    cid = case["id"]
    commitment = ok(
        await ola.post(
            f"/api/cases/{cid}/commitments",
            json={
                "kind": "course",
                "description": "Sinnemestringskurs",
                "responsibleOrganisationId": case["organisationId"],
            },
        ),
        201,
    )
    for method, path, body in (
        ("PATCH", f"/api/cases/{cid}", {"kind": "other"}),
        ("POST", f"/api/cases/{cid}/closure", {"reason": "moved"}),
        ("PATCH", f"/api/subjects/{case['subject']['id']}", {"name": "Nytt Navn"}),
        ("PATCH", f"/api/commitments/{commitment['id']}", {"status": "active"}),
        ("DELETE", f"/api/cases/{cid}", None),
    ):
        missing = await ola.request(method, path, json=body)
        assert missing.status_code == 428, (path, missing.text)
        assert missing.json()["type"] == "/problems/version-required"
        stale = await ola.request(method, path, json=body, headers={"If-Match": '"7"'})
        assert stale.status_code == 412, (path, stale.text)
    # The ETag of a change is the next version to send.
    changed = await ola.patch(f"/api/cases/{cid}", json={"kind": "other"}, headers=etag(r))
    assert ok(changed)["version"] == 2 and changed.headers["ETag"] == '"2"'
    again = await ola.patch(f"/api/cases/{cid}", json={"kind": "other"}, headers=etag(r))
    assert again.status_code == 412
