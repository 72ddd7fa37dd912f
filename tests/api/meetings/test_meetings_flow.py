"""Meetings REST tests room: the whole flow over HTTP — plan, agenda, attendance, hold, minutes,
decision and action item, approval by the chair, numbering, versions, open minutes."""

from __future__ import annotations

from tests.api.meetings.support import (
    BODY,
    KARI,
    MEMBER,
    etag,
    headers,
    meeting_etag,
    plan,
)


async def test_the_whole_flow(client):
    h = await headers(client)
    m = await plan(client, h)
    meeting = m.json()
    assert meeting["status"] == "planned" and meeting["bodyId"] == str(BODY)
    assert m.headers["Location"] == f"/api/meetings/{meeting['id']}"
    mid = meeting["id"]

    titles = ["Velkommen", "Handlingsplanen", "Eventuelt"]
    ids = []
    for t in titles:
        r = await client.post(f"/api/meetings/{mid}/agenda", json={"title": t}, headers=h)
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    r = await client.put(f"/api/meetings/{mid}/agenda/order", json={"order": ids[::-1]}, headers=h)
    assert r.status_code == 200, r.text
    assert [i["title"] for i in r.json()] == titles[::-1]
    assert [i["position"] for i in r.json()] == [1, 2, 3]
    r = await client.get(f"/api/meetings/{mid}/agenda", headers=h)
    assert [i["title"] for i in r.json()] == titles[::-1]

    r = await client.put(
        f"/api/meetings/{mid}/attendance/{KARI}", json={"presence": "present"}, headers=h
    )
    assert r.status_code == 200, r.text
    r = await client.put(
        f"/api/meetings/{mid}/attendance/{MEMBER}",
        json={"presence": "absent_with_notice"},
        headers=h,
    )
    assert r.status_code == 200, r.text
    att = await client.get(f"/api/meetings/{mid}/attendance", headers=h)
    assert {a["presence"] for a in att.json()} == {"present", "absent_with_notice"}
    q = (await client.get(f"/api/meetings/{mid}/quorum", headers=h)).json()
    assert q["present"] == 1 and q["votingMembers"] >= 4 and q["reached"] is False

    held = await client.post(f"/api/meetings/{mid}/hold", headers={**h, **etag(m)})
    assert held.status_code == 200 and held.json()["status"] == "held", held.text
    draft = await client.post(f"/api/meetings/{mid}/minutes", headers={**h, **etag(held)})
    assert draft.status_code == 201, draft.text
    assert draft.json()["number"] == 1 and draft.json()["approved"] is False

    w = await client.put(
        f"/api/meetings/{mid}/minutes/items/{ids[1]}",
        json={"openText": "Planen ble gjennomgått.", "restrictedText": "Intern vurdering."},
        headers={**h, **etag(draft)},
    )
    assert w.status_code == 200, w.text
    d = await client.post(
        f"/api/meetings/{mid}/decisions",
        json={"agendaItemId": ids[1], "text": "Handlingsplanen vedtas."},
        headers=h,
    )
    assert d.status_code == 201 and d.json()["number"] is None, d.text
    a = await client.post(
        f"/api/meetings/{mid}/action-items",
        json={
            "agendaItemId": ids[1],
            "text": "Send planen ut",
            "ownerPersonId": str(KARI),
            "due": "2020-01-31",
        },
        headers=h,
    )
    assert a.status_code == 201, a.text
    assert a.json()["overdue"] is True

    ap = await client.post(
        f"/api/meetings/{mid}/minutes/approve",
        json={"kind": "chair"},
        headers={**h, **(await meeting_etag(client, h, mid))},
    )
    assert ap.status_code == 200, ap.text
    assert ap.json()["approved"] is True and ap.json()["approval"]["kind"] == "chair"
    ds = (await client.get(f"/api/meetings/{mid}/decisions", headers=h)).json()
    assert ds[0]["sequence"] == 1 and ds[0]["number"].endswith("1/" + meeting["startsAt"][:4])

    mine = (await client.get("/api/me/action-items", headers=h)).json()
    assert [x["id"] for x in mine] == [a.json()["id"]] and mine[0]["overdue"] is True
    listed = (await client.get(f"/api/meetings/{mid}/action-items", headers=h)).json()
    assert [x["id"] for x in listed] == [a.json()["id"]]

    op = await client.get(f"/api/meetings/{mid}/minutes/open", headers=h)
    assert op.status_code == 200, op.text
    text = op.text
    assert "Planen ble gjennomgått." in text and "Intern vurdering." not in text

    versions = (await client.get(f"/api/meetings/{mid}/minutes", headers=h)).json()
    assert len(versions) == 1 and versions[0]["items"][0]["restrictedText"] == "Intern vurdering."
