"""Measures REST tests room: the free-text guard over measure texts — a national identity number
or a phone number blocks the save with 422 personal-data-found (spans, never the text), and a
reason saves it anyway, recorded in the measures' own override log without the text."""

from __future__ import annotations

import sqlalchemy as sa

from domain.shared.identity_number import first_synthetic
from tests.api.measures.support import active, headers, move, ok, propose

GOOD = {"title": "Oppfølging i friminuttene", "problem": "Utenforskap.", "tier": "indicated"}


def _personal() -> str:
    from datetime import date

    return f"Gjelder eleven med fødselsnummer {first_synthetic(date(2011, 5, 17))}."


async def test_personal_data_blocks_and_an_override_saves(client, admin_engine):
    h = await headers(client)
    text = _personal()
    before = ok(await client.get("/api/measures", headers=h))["total"]
    r = await client.post("/api/measures", json={**GOOD, "description": text}, headers=h)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["type"] == "/problems/personal-data-found"
    assert (
        body["overrideField"] == "overrideReason" and body["findings"][0]["field"] == "description"
    )
    assert text not in r.text
    assert ok(await client.get("/api/measures", headers=h))["total"] == before
    r = await client.post(
        "/api/measures",
        json={**GOOD, "description": text, "overrideReason": "Syntetisk nummer i en øvelse."},
        headers=h,
    )
    saved = ok(r, 201)
    async with admin_engine.connect() as conn:
        tables = (
            (
                await conn.execute(
                    sa.text(
                        "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'measure%override%'"
                    )
                )
            )
            .scalars()
            .all()
        )
        assert tables, "the measures context keeps its own override log"
        rows = (
            (
                await conn.execute(
                    sa.text(f"SELECT * FROM {tables[0]} WHERE measure_id = :m"), {"m": saved["id"]}
                )
            )
            .mappings()
            .all()
        )
    assert len(rows) == 1 and text not in str(dict(rows[0]))


async def test_the_guard_screens_notes_transitions_and_findings(client):
    h = await headers(client)
    text = _personal()
    r = await propose(client, h)
    blocked = await move(client, h, r, "rejected", reason=text)
    assert blocked.status_code == 422 and blocked.json()["type"] == "/problems/personal-data-found"
    m = (await active(client, h)).json()
    note = await client.post(f"/api/measures/{m['id']}/notes", json={"text": text}, headers=h)
    assert note.status_code == 422 and note.json()["type"] == "/problems/personal-data-found"
    assert ok(await client.get(f"/api/measures/{m['id']}/notes", headers=h)) == []
    saved = await client.post(
        f"/api/measures/{m['id']}/notes",
        json={"text": "Oppstart gikk fint.", "overrideReason": "Ingen personopplysninger."},
        headers=h,
    )
    note = ok(saved, 201)
    assert note["text"] == "Oppstart gikk fint." and note["authorName"]
    e = ok(await client.get(f"/api/measures/{m['id']}/evaluations", headers=h))[0]
    findings = await client.patch(
        f"/api/evaluations/{e['id']}",
        json={"findings": text},
        headers={**h, "If-Match": f'"{e["version"]}"'},
    )
    assert (
        findings.status_code == 422 and findings.json()["type"] == "/problems/personal-data-found"
    )
