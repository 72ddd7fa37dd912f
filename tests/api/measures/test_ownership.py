"""Measures REST tests room: the proposer and the owner over HTTP — the proposer edits while the
measure is proposed, the owner while it is decided or running and follows it up; removal only
while proposed; a registry's harmful rating shows as a warning; another unit's decision links
nothing."""

from __future__ import annotations

from tests.api.measures.support import OLA, active, decision, headers, move, ok, propose


def _tag(r) -> dict[str, str]:
    return {"If-Match": r.headers["ETag"]}


async def test_the_proposer_edits_while_proposed_only(client):
    ola = await headers(client, "body_member")
    r = await propose(client, ola, title="Foreldrekafé")
    assert r.json()["proposedBy"] == str(OLA)
    r = await client.patch(
        f"/api/measures/{r.json()['id']}",
        json={"description": "Hver tirsdag."},
        headers={**ola, **_tag(r)},
    )
    assert ok(r)["description"] == "Hver tirsdag."
    no = await move(client, ola, r, "assessed")
    assert no.status_code == 403  # transitions are the coordinator's
    h = await headers(client)
    assessed = await move(client, h, r, "assessed")
    ok(assessed)
    ola = await headers(client, "body_member")
    late = await client.patch(
        f"/api/measures/{r.json()['id']}",
        json={"description": "Endret."},
        headers={**ola, **_tag(assessed)},
    )
    assert late.status_code == 403 and late.json()["type"] == "/problems/forbidden"


async def test_the_owner_follows_up_a_running_measure(client):
    h = await headers(client)
    r = await active(client, h)
    mid = r.json()["id"]
    ola = await headers(client, "body_member")
    r = await client.patch(
        f"/api/measures/{mid}",
        json={
            "milestones": [{"title": "Første samling", "doneOn": "2026-03-01"}, {"title": "Andre"}]
        },
        headers={**ola, **_tag(r)},
    )
    assert ok(r)["progress"] == 0.5
    note = await client.post(
        f"/api/measures/{mid}/notes", json={"text": "God oppslutning."}, headers=ola
    )
    assert ok(note, 201)["authorName"] == "Ola Medlem"
    assert [n["text"] for n in ok(await client.get(f"/api/measures/{mid}/notes", headers=ola))] == [
        "God oppslutning."
    ]
    # The owner may not lift the evaluation duty, nor move the measure.
    assert (await move(client, ola, r, "stopped", reason="Nei")).status_code == 403


async def test_only_a_proposed_measure_is_removed(client):
    h = await headers(client)
    r = await propose(client, h)
    mid = r.json()["id"]
    assessed = await move(client, h, r, "assessed")
    ok(assessed)
    refused = await client.delete(f"/api/measures/{mid}", headers={**h, **_tag(assessed)})
    assert refused.status_code == 409 and refused.json()["type"] == "/problems/measure-in-lifecycle"
    other = await propose(client, h)
    gone = await client.delete(f"/api/measures/{other.json()['id']}", headers={**h, **_tag(other)})
    assert gone.status_code == 204
    assert (await client.get(f"/api/measures/{other.json()['id']}", headers=h)).status_code == 404


async def test_a_harmful_rating_warns(client):
    h = await headers(client)
    refs = [
        {
            "registry": "ungsinn",
            "rating": "Nivå 3",
            "verdict": "effective",
            "url": "https://ungsinn.no/x",
        },
        {
            "registry": "crimesolutions",
            "rating": "No Effects",
            "verdict": "harmful",
            "reviewedOn": "2024-05-01",
        },
    ]
    m = ok(await propose(client, h, evidence="documented", registryReferences=refs), 201)
    assert m["registryWarning"] is True
    assert [x["warns"] for x in m["registryReferences"]] == [False, True]
    bad = await client.post(
        "/api/measures",
        json={
            "title": "T",
            "problem": "P",
            "tier": "universal",
            "registryReferences": [{**refs[0], "url": "javascript:alert(1)"}],
        },
        headers=h,
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"].startswith(
        "registryReferences.0"
    ), bad.text


async def test_another_units_decision_decides_nothing(client):
    h = await headers(client)
    foreign = await decision(client, h)
    other = await headers(client, "other_unit_coordinator")
    r = await propose(client, other)
    r = await move(client, other, r, "assessed")
    ok(r)
    wrong = await move(client, other, r, "decided", decisionId=foreign)
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "decisionId", (
        wrong.text
    )
    assert ok(await client.get("/api/decisions", headers=other)) == []
