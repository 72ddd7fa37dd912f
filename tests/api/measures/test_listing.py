"""Measures REST tests room: the list's filters (stage repeated, tier, owner, without owner,
focus area, words of the title) and its cursor pages; the board with the same filters; the
timeline in time order."""

from __future__ import annotations

from tests.api.measures.support import OLA, active, decided, headers, ok, propose


async def test_filters_and_pages(client):
    h = await headers(client)
    a = ok(await propose(client, h, title="Aktivitetsskolen", tier="universal"), 201)
    b = ok(await propose(client, h, title="Basketball om natta", tier="selective"), 201)
    c = (await decided(client, h, title="Chill-kveld", tier="indicated")).json()  # nobody owns it
    d = (await active(client, h, title="Dialogmøter", tier="indicated")).json()  # Ola owns it

    async def ids(**params) -> list[str]:
        return [
            m["id"]
            for m in ok(await client.get("/api/measures", params=params, headers=h))["items"]
        ]

    assert await ids() == [a["id"], b["id"], c["id"], d["id"]]  # by title
    assert await ids(tier="indicated") == [c["id"], d["id"]]
    assert await ids(stage=["proposed", "active"]) == [a["id"], b["id"], d["id"]]
    assert await ids(ownerId=str(OLA)) == [d["id"]]
    assert await ids(withoutOwner="true") == [c["id"]]
    assert await ids(q="basketball") == [b["id"]]
    assert await ids(focusAreaId="00000000-0000-0000-0000-000000000001") == []
    seen, cursor = [], None
    while True:
        page = ok(
            await client.get(
                "/api/measures",
                params={"limit": 3, **({"cursor": cursor} if cursor else {})},
                headers=h,
            )
        )
        assert page["total"] == 4
        seen += [m["id"] for m in page["items"]]
        cursor = page["nextCursor"]
        if cursor is None:
            break
    assert seen == [a["id"], b["id"], c["id"], d["id"]]
    board = ok(await client.get("/api/measures/board", params={"tier": "indicated"}, headers=h))
    assert [m["id"] for m in board] == [c["id"], d["id"]]
    assert [m["stage"] for m in board] == ["decided", "active"]
    attention = ok(await client.get("/api/measures/attention", headers=h))
    assert [m["id"] for m in attention["withoutOwner"]] == [c["id"]]
    assert (
        await client.get("/api/measures", params={"withoutOwner": "maybe"}, headers=h)
    ).status_code == 422


async def test_the_timeline_is_in_time_order(client):
    h = await headers(client)
    m = (await active(client, h)).json()
    ok(
        await client.post(f"/api/measures/{m['id']}/notes", json={"text": "Oppstart."}, headers=h),
        201,
    )
    timeline = ok(await client.get(f"/api/measures/{m['id']}/timeline", headers=h))
    entries = timeline["entries"]
    assert {e["kind"] for e in entries} == {"decision", "stage", "evaluation", "note"}
    days = [e["at"][:10] for e in entries]
    assert days == sorted(days)
    stage = next(e for e in entries if e["kind"] == "stage")
    assert stage["stageChange"]["toStage"] == "proposed" and stage["note"] is None
    decision = next(e for e in entries if e["kind"] == "decision")
    assert decision["decision"]["id"] == m["decisionId"] and decision["decision"]["label"]
    note = next(e for e in entries if e["kind"] == "note")
    assert note["note"]["text"] == "Oppstart."
    assert timeline["measure"]["stage"] == "active"
