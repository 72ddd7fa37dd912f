"""Meetings REST tests room: the free-text guard's block and override, immutability of approved
minutes, corrections as versions, the restricted layer for members only, approval rules."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.postgres.demo import demo_id
from tests.api.meetings.support import drafting, etag, headers, meeting_etag, plan

# A synthetic identity number (checksum-valid; no real person has it).
FNR = "02831150087"
TEXT = f"Eleven med fnr {FNR} ble drøftet."


async def test_the_guard_blocks_with_spans_then_an_override_saves_and_is_recorded(
    client, admin_engine
):
    h = await headers(client)
    mid, item, draft = await drafting(client, h)
    url = f"/api/meetings/{mid}/minutes/items/{item}"
    r = await client.put(url, json={"openText": TEXT}, headers={**h, **etag(draft)})
    assert r.status_code == 422, r.text
    p = r.json()
    assert p["type"] == "/problems/personal-data-found"
    assert r.headers["content-type"].startswith("application/problem+json")
    assert p["findings"] == [
        {"field": "openText", "kind": "identity_number", "start": 15, "end": 26}
    ]
    assert TEXT[15:26] == FNR
    assert p["rule"]["code"] == "no-individual-cases"
    assert p["errors"][0]["field"] == "openText"
    assert p["errors"][0]["params"] == {"count": 1, "kinds": "identity_number"}
    assert p["overrideField"] == "overrideReason"
    assert FNR not in r.text  # spans only, never the matched text
    # Nothing was written: the draft is unchanged.
    versions = (await client.get(f"/api/meetings/{mid}/minutes", headers=h)).json()
    assert versions[-1]["items"] == [] and versions[-1]["version"] == draft.json()["version"]

    ok = await client.put(
        url,
        json={"openText": TEXT, "overrideReason": "Nummeret er fiktivt, brukt i opplæring."},
        headers={**h, **etag(draft)},
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["items"][0]["openText"] == TEXT
    async with admin_engine.connect() as conn:
        rows = (
            await conn.execute(
                sa.text(
                    "SELECT field, reason, rule, counts FROM guard_override WHERE meeting_id = :m"
                ),
                {"m": mid},
            )
        ).all()
    assert [(r.field, r.rule, r.counts) for r in rows] == [
        ("openText", "no-individual-cases", {"identity_number": 1})
    ]
    assert rows[0].reason == "Nummeret er fiktivt, brukt i opplæring."


async def test_the_guard_screens_agenda_titles_decisions_and_action_items(client):
    h = await headers(client)
    mid, item, _ = await drafting(client, h)
    for path, body, field in [
        (f"/api/meetings/{mid}/agenda", {"title": f"Sak om {FNR}"}, "title"),
        (f"/api/meetings/{mid}/decisions", {"agendaItemId": item, "text": TEXT}, "text"),
        (
            f"/api/meetings/{mid}/action-items",
            {"agendaItemId": item, "text": TEXT, "ownerPersonId": str(demo_id("person/kari"))},
            "text",
        ),
    ]:
        r = await client.post(path, json=body, headers=h)
        assert r.status_code == 422, (path, r.text)
        assert r.json()["type"] == "/problems/personal-data-found"
        assert r.json()["findings"][0]["field"] == field
    assert len((await client.get(f"/api/meetings/{mid}/agenda", headers=h)).json()) == 1
    assert (await client.get(f"/api/meetings/{mid}/decisions", headers=h)).json() == []
    assert (await client.get(f"/api/meetings/{mid}/action-items", headers=h)).json() == []
    r = await client.post(
        f"/api/meetings/{mid}/decisions",
        json={"agendaItemId": item, "text": TEXT, "overrideReason": "Fiktivt eksempel."},
        headers=h,
    )
    assert r.status_code == 201, r.text


async def _approved(client, h):
    mid, item, draft = await drafting(client, h)
    w = await client.put(
        f"/api/meetings/{mid}/minutes/items/{item}",
        json={"openText": "Åpen tekst.", "restrictedText": "Lukket tekst."},
        headers={**h, **etag(draft)},
    )
    assert w.status_code == 200, w.text
    d = await client.post(
        f"/api/meetings/{mid}/decisions", json={"agendaItemId": item, "text": "Vedtatt."}, headers=h
    )
    assert d.status_code == 201, d.text
    ap = await client.post(
        f"/api/meetings/{mid}/minutes/approve",
        json={"kind": "chair"},
        headers={**h, **(await meeting_etag(client, h, mid))},
    )
    assert ap.status_code == 200, ap.text
    return mid, item, w, d


async def test_approved_minutes_are_immutable_and_a_correction_is_a_new_version(client):
    h = await headers(client)
    mid, item, written, decision = await _approved(client, h)
    r = await client.put(
        f"/api/meetings/{mid}/minutes/items/{item}",
        json={"openText": "Endret i ettertid."},
        headers={**h, "If-Match": f'"{written.json()["version"] + 1}"'},
    )
    assert r.status_code == 409, r.text
    assert r.json()["type"] == "/problems/illegal-transition"
    assert "writing minutes" in r.json()["precondition"]
    r = await client.patch(
        f"/api/decisions/{decision.json()['id']}",
        json={"text": "Annet vedtak."},
        headers={**h, "If-Match": '"2"'},
    )
    assert r.status_code == 409, r.text
    r = await client.post(
        f"/api/meetings/{mid}/minutes/approve",
        json={"kind": "chair"},
        headers={**h, **(await meeting_etag(client, h, mid))},
    )
    assert r.status_code == 409, r.text

    c = await client.post(
        f"/api/meetings/{mid}/minutes/corrections",
        json={
            "reason": "Skrivefeil i sammendraget.",
            "items": [{"agendaItemId": item, "openText": "Åpen tekst, rettet."}],
        },
        headers=h,
    )
    assert c.status_code == 201, c.text
    assert c.json()["number"] == 2 and c.json()["correctionReason"] == "Skrivefeil i sammendraget."
    versions = (await client.get(f"/api/meetings/{mid}/minutes", headers=h)).json()
    assert [v["number"] for v in versions] == [1, 2]
    assert versions[0]["items"][0]["openText"] == "Åpen tekst."  # the original stays
    assert versions[1]["items"][0]["openText"] == "Åpen tekst, rettet."
    assert all(v["approved"] for v in versions)
    op = await client.get(f"/api/meetings/{mid}/minutes/open", params={"number": 1}, headers=h)
    assert op.status_code == 200 and op.json()["version"] == 1, op.text
    op = await client.get(f"/api/meetings/{mid}/minutes/open", headers=h)
    assert op.json()["version"] == 2 and op.json()["correctionReason"]
    assert "Lukket tekst." not in op.text


async def test_only_the_chair_approves_or_corrects(client):
    h = await headers(client)
    mid, _, _ = await drafting(client, h)
    admin = await headers(client, "unit_admin")  # manages meetings, but chairs nothing
    r = await client.post(
        f"/api/meetings/{mid}/minutes/approve",
        json={"kind": "chair"},
        headers={**admin, **(await meeting_etag(client, admin, mid))},
    )
    assert r.status_code == 403 and r.json()["type"] == "/problems/not-chair", r.text
    h = await headers(client)
    mid2, item2, _, _ = await _approved(client, h)
    admin = await headers(client, "unit_admin")
    r = await client.post(
        f"/api/meetings/{mid2}/minutes/corrections",
        json={"reason": "Rettelse.", "items": [{"agendaItemId": item2, "openText": "Ny."}]},
        headers=admin,
    )
    assert r.status_code == 403 and r.json()["type"] == "/problems/not-chair", r.text
    assert len((await client.get(f"/api/meetings/{mid2}/minutes", headers=admin)).json()) == 1


async def test_approval_at_the_next_meeting(client):
    h = await headers(client)
    mid, _, _ = await drafting(client, h, hours_from_now=-30)
    later = await plan(client, h, hours_from_now=-3)
    r = await client.post(
        f"/api/meetings/{mid}/minutes/approve",
        json={"kind": "next_meeting", "approvingMeetingId": later.json()["id"]},
        headers={**h, **(await meeting_etag(client, h, mid))},
    )
    assert r.status_code == 409, r.text  # the later meeting has not been held
    assert r.json()["precondition"] == "the approving meeting has not been held"
    held = await client.post(
        f"/api/meetings/{later.json()['id']}/hold", headers={**h, **etag(later)}
    )
    assert held.status_code == 200
    r = await client.post(
        f"/api/meetings/{mid}/minutes/approve",
        json={"kind": "next_meeting"},
        headers={**h, **(await meeting_etag(client, h, mid))},
    )
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "approvingMeetingId"
    r = await client.post(
        f"/api/meetings/{mid}/minutes/approve",
        json={"kind": "next_meeting", "approvingMeetingId": later.json()["id"]},
        headers={**h, **(await meeting_etag(client, h, mid))},
    )
    assert r.status_code == 200, r.text
    assert r.json()["approval"]["approvingMeetingId"] == later.json()["id"]


async def test_the_restricted_layer_is_for_the_bodys_members_only(client):
    h = await headers(client)
    mid, _, _, _ = await _approved(client, h)
    for who, sees in [
        ("coordinator", True),  # Kari chairs the body
        ("police_contact", True),  # Per is a member of it
        ("unit_admin", False),  # manages, no seat
        ("steering_reader", False),
    ]:
        hh = await headers(client, who)
        versions = (await client.get(f"/api/meetings/{mid}/minutes", headers=hh)).json()
        text = versions[0]["items"][0]["restrictedText"]
        assert (text == "Lukket tekst.") is sees, who
        assert versions[0]["items"][0]["openText"] == "Åpen tekst."


async def test_illegal_transitions_name_their_precondition(client):
    h = await headers(client)
    m = await plan(client, h, hours_from_now=48)
    mid = m.json()["id"]
    r = await client.post(f"/api/meetings/{mid}/hold", headers={**h, **etag(m)})
    assert r.status_code == 409 and r.json()["precondition"] == "the meeting has not begun yet"
    r = await client.post(f"/api/meetings/{mid}/minutes", headers={**h, **etag(m)})
    assert r.status_code == 409, r.text
    assert r.json()["currentStatus"] == "planned" and r.json()["targetStatus"] == "minutes_draft"
    c = await client.post(
        f"/api/meetings/{mid}/cancel", json={"reason": "Sykdom"}, headers={**h, **etag(m)}
    )
    assert c.status_code == 200 and c.json()["cancelReason"] == "Sykdom", c.text
    r = await client.post(
        f"/api/meetings/{mid}/cancel", json={"reason": "Igjen"}, headers={**h, **etag(c)}
    )
    assert r.status_code == 409 and r.json()["type"] == "/problems/illegal-transition"
    r = await client.post(f"/api/meetings/{mid}/hold", headers={**h, **etag(m)})
    assert r.status_code == 412, r.text  # the version read before the cancellation
    r = await client.post(f"/api/meetings/{mid}/hold", headers=h)
    assert r.status_code == 428, r.text
