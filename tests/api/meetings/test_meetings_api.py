"""Meetings REST tests room: lists (filters, cursor pages), ETag/If-Match on changes, the agenda
closing up after a removal, substitutes in the quorum, action items' status and overdue flag."""

from __future__ import annotations

from adapters.postgres.demo import demo_id
from tests.api.meetings.support import BODY, KARI, MEMBER, drafting, etag, headers, plan

OLA = demo_id("person/ola")


async def test_a_bodys_meetings_by_filter_and_cursor(client):
    h = await headers(client)
    assert (await client.get("/api/meetings", params={"bodyId": str(BODY)}, headers=h)).json()[
        "total"
    ] == 0
    made = [(await plan(client, h, hours_from_now=24 * (n + 1))).json() for n in range(5)]
    c = await client.post(
        f"/api/meetings/{made[0]['id']}/cancel",
        json={"reason": "Flyttet"},
        headers={**h, "If-Match": '"1"'},
    )
    assert c.status_code == 200, c.text
    seen, cursor = [], None
    while True:
        params = {"bodyId": str(BODY), "limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/api/meetings", params=params, headers=h)).json()
        assert page["total"] == 5
        seen += [m["id"] for m in page["items"]]
        cursor = page["nextCursor"]
        if cursor is None:
            break
    assert seen == [m["id"] for m in made]  # by start time, each once
    planned = await client.get(
        "/api/meetings", params={"bodyId": str(BODY), "status": "planned"}, headers=h
    )
    assert planned.json()["total"] == 4
    year = int(made[0]["startsAt"][:4])
    r = await client.get("/api/meetings", params={"bodyId": str(BODY), "year": year - 1}, headers=h)
    assert r.json()["total"] == 0
    r = await client.get(
        "/api/meetings", params={"bodyId": str(demo_id("body/team-sentrum"))}, headers=h
    )
    assert r.status_code == 200 and r.json()["total"] == 0  # a body of the unit without meetings


async def test_changes_carry_etags_and_need_if_match(client):
    h = await headers(client)
    m = await plan(client, h, hours_from_now=24, link="https://meet.example.no/slt")
    assert m.headers["ETag"] == '"1"' and m.json()["link"] == "https://meet.example.no/slt"
    mid = m.json()["id"]
    got = await client.get(f"/api/meetings/{mid}", headers=h)
    assert got.headers["ETag"] == '"1"'
    r = await client.patch(f"/api/meetings/{mid}", json={"place": "Biblioteket"}, headers=h)
    assert r.status_code == 428 and r.json()["type"] == "/problems/version-required"
    r = await client.patch(
        f"/api/meetings/{mid}",
        json={"place": "Biblioteket", "archiveWorthy": True, "documentationStatus": "final"},
        headers={**h, **etag(got)},
    )
    assert r.status_code == 200 and r.headers["ETag"] == '"2"', r.text
    assert r.json()["place"] == "Biblioteket" and r.json()["archiveWorthy"] is True
    r = await client.patch(
        f"/api/meetings/{mid}", json={"place": "Rådhuset"}, headers={**h, **etag(got)}
    )
    assert r.status_code == 412 and r.json()["type"] == "/problems/stale-version"


async def test_the_agenda_closes_up_and_items_change_with_if_match(client):
    h = await headers(client)
    mid = (await plan(client, h, hours_from_now=24)).json()["id"]
    items = []
    for t in ("Én", "To", "Tre"):
        r = await client.post(f"/api/meetings/{mid}/agenda", json={"title": t}, headers=h)
        items.append(r)
    r = await client.patch(
        f"/api/agenda-items/{items[2].json()['id']}",
        json={"title": "Tre (endret)", "kind": "discussion", "ownerPersonId": str(MEMBER)},
        headers={**h, **etag(items[2])},
    )
    assert r.status_code == 200 and r.json()["kind"] == "discussion", r.text
    d = await client.delete(
        f"/api/agenda-items/{items[0].json()['id']}", headers={**h, **etag(items[0])}
    )
    assert d.status_code == 204, d.text
    agenda = (await client.get(f"/api/meetings/{mid}/agenda", headers=h)).json()
    assert [(i["position"], i["title"]) for i in agenda] == [(1, "To"), (2, "Tre (endret)")]
    r = await client.put(
        f"/api/meetings/{mid}/agenda/order", json={"order": [agenda[0]["id"]]}, headers=h
    )
    assert r.status_code == 422 and r.json()["errors"][0]["code"] == "not-a-permutation"


async def test_a_substitute_fills_an_absent_members_seat(client):
    h = await headers(client)
    mid = (await plan(client, h)).json()["id"]
    q0 = (await client.get(f"/api/meetings/{mid}/quorum", headers=h)).json()
    for person, body in [
        (KARI, {"presence": "present"}),
        (MEMBER, {"presence": "absent_with_notice"}),
        (OLA, {"presence": "present", "substituteForPersonId": str(MEMBER)}),
    ]:
        r = await client.put(f"/api/meetings/{mid}/attendance/{person}", json=body, headers=h)
        assert r.status_code == 200, r.text
    q = (await client.get(f"/api/meetings/{mid}/quorum", headers=h)).json()
    assert q["votingMembers"] == q0["votingMembers"] and q["present"] == 2
    assert q["required"] == q["votingMembers"] // 2 + 1
    again = await client.put(
        f"/api/meetings/{mid}/attendance/{OLA}",
        json={"presence": "absent_without_notice"},
        headers=h,
    )
    assert again.status_code == 200 and again.json()["version"] == 2  # replaced, one row
    rows = (await client.get(f"/api/meetings/{mid}/attendance", headers=h)).json()
    assert len(rows) == 3


async def test_action_items_move_on_after_approval_by_their_owner(client):
    h = await headers(client)
    mid, item, _ = await drafting(client, h)
    a = await client.post(
        f"/api/meetings/{mid}/action-items",
        json={
            "agendaItemId": item,
            "text": "Lag oversikt",
            "ownerPersonId": str(OLA),
            "due": "2099-01-01",
        },
        headers=h,
    )
    assert a.status_code == 201 and a.json()["overdue"] is False, a.text
    u = await client.patch(
        f"/api/action-items/{a.json()['id']}",
        json={"due": "2000-01-01", "text": "Lag en oversikt"},
        headers={**h, **etag(a)},
    )
    assert u.status_code == 200 and u.json()["overdue"] is True, u.text
    ola = await headers(client, "body_member")
    mine = (await client.get("/api/me/action-items", headers=ola)).json()
    assert [x["text"] for x in mine] == ["Lag en oversikt"] and mine[0]["overdue"] is True
    done = await client.post(
        f"/api/action-items/{mine[0]['id']}/status",
        json={"status": "done"},
        headers={**ola, "If-Match": f'"{mine[0]["version"]}"'},
    )
    assert done.status_code == 200 and done.json()["status"] == "done", done.text
    assert done.json()["overdue"] is False
    r = await client.post(
        f"/api/action-items/{mine[0]['id']}/status",
        json={"status": "cancelled"},
        headers={**ola, **etag(done)},
    )
    assert r.status_code == 409 and r.json()["type"] == "/problems/illegal-transition", r.text
    h = await headers(client)
    r = await client.delete(f"/api/action-items/{mine[0]['id']}", headers={**h, **etag(done)})
    assert r.status_code == 204, r.text


async def test_the_demo_has_a_planned_and_a_held_meeting(client):
    h = await headers(client)
    team = demo_id("body/team-sor")
    page = (await client.get("/api/meetings", params={"bodyId": str(team)}, headers=h)).json()
    assert [m["status"] for m in page["items"]] == ["held", "planned"]
    held, planned = (m["id"] for m in page["items"])
    assert len((await client.get(f"/api/meetings/{planned}/agenda", headers=h)).json()) == 3
    assert len((await client.get(f"/api/meetings/{held}/attendance", headers=h)).json()) == 3
    got = await client.get(f"/api/meetings/{held}", headers=h)
    draft = await client.post(f"/api/meetings/{held}/minutes", headers={**h, **etag(got)})
    assert draft.status_code == 201, draft.text  # the coordinator can go on from there
