"""Archive REST tests room: a dead letter retried over HTTP (pending, attempts from zero; stale
If-Match 412, none 428, a second retry 409), the record's badge with the archive's references,
settings changed at the version read, and a deposit extract that reaches done and downloads a zip
whose arkivstruktur.xml validates against Noark 5 v5.0."""

from __future__ import annotations

import io
import zipfile

import httpx
import pytest
from lxml import etree
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.archive.schemas import ARKIVSTRUKTUR_XSD, validate
from tests.api.archive.support import PERIOD, archived_meeting, auth, finished, messages, ok


@pytest.fixture
async def coordinator(client: httpx.AsyncClient) -> dict[str, str]:
    return await auth(client, "coordinator")


async def test_retry_a_dead_letter(
    client: httpx.AsyncClient, coordinator: dict[str, str], admin_engine: AsyncEngine
) -> None:
    h = coordinator
    mid = await archived_meeting(client, h, admin_engine)
    (dead,) = await messages(client, h, "dead")
    assert dead["lastError"].startswith("rejected")
    one = f"/api/archive/messages/{dead['id']}"
    r = await client.get(one, headers=h)
    assert r.headers["ETag"] == f'"{dead["version"]}"'
    assert (await client.post(f"{one}/retry", headers=h)).status_code == 428
    stale = await client.post(f"{one}/retry", headers={**h, "If-Match": '"1"'})
    assert stale.status_code == 412
    assert stale.json()["type"].endswith("/stale-version")
    r = await client.post(f"{one}/retry", headers={**h, "If-Match": r.headers["ETag"]})
    retried = ok(r)
    assert (retried["status"], retried["attempts"]) == ("pending", 0)
    assert r.headers["ETag"] == f'"{retried["version"]}"'
    again = await client.post(f"{one}/retry", headers={**h, "If-Match": r.headers["ETag"]})
    assert again.status_code == 409, again.text
    assert await messages(client, h, "dead") == []
    # the badge: the delivered item's references; the retried one waits (the test unit's archive
    # is off, so it waits as "not configured")
    badge = ok(await client.get(f"/api/archive/records/minutes/{mid}", headers=h))
    assert (badge["state"], badge["saksnummer"], badge["journalpostnummer"]) == (
        "not_configured",
        "2026/123",
        "45",
    )
    reader = await auth(client, "steering_reader")
    assert ok(await client.get(f"/api/archive/records/minutes/{mid}", headers=reader)) == badge


async def test_settings_change_at_the_version_read(
    client: httpx.AsyncClient, coordinator: dict[str, str]
) -> None:
    h = coordinator
    r = await client.get("/api/archive/settings", headers=h)
    s = ok(r)
    change = {"enabled": True, "classificationSystem": "ARKNOKKEL", "classId": "026",
              "archivePart": "SLT", "administrativeUnit": "Oppvekst", "caseOfficer": None}  # fmt: skip
    assert (await client.put("/api/archive/settings", json=change, headers=h)).status_code == 428
    r = await client.put(
        "/api/archive/settings", json=change, headers={**h, "If-Match": r.headers["ETag"]}
    )
    saved = ok(r)
    assert saved == {**change, "version": s["version"] + 1}
    assert r.headers["ETag"] == f'"{saved["version"]}"'
    assert ok(await client.get("/api/archive/settings", headers=h)) == saved
    blank = await client.put(
        "/api/archive/settings",
        json={"classId": "  "},
        headers={**h, "If-Match": r.headers["ETag"]},
    )
    assert ok(blank)["classId"] is None
    stale = await client.put(
        "/api/archive/settings",
        json={"enabled": False},
        headers={**h, "If-Match": r.headers["ETag"]},
    )
    assert stale.status_code == 412  # fmt: skip


async def test_extract_reaches_done_and_downloads_a_valid_zip(
    client: httpx.AsyncClient, coordinator: dict[str, str], admin_engine: AsyncEngine
) -> None:
    h = coordinator
    await archived_meeting(client, h, admin_engine)
    r = await client.post("/api/archive/extracts", json=PERIOD, headers=h)
    job = ok(r, 202)
    assert r.headers["Location"] == f"/api/archive/extracts/{job['id']}"
    assert (job["from"], job["to"], job["status"]) == (PERIOD["from"], PERIOD["to"], "queued")
    done = await finished(client, h, job["id"])
    assert done["status"] == "done", done
    assert done["done"] == done["total"] >= 2
    r = await client.get(f"/api/archive/extracts/{job['id']}/download", headers=h)
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/zip"
    assert done["filename"] in r.headers["content-disposition"]
    assert len(r.content) == done["size"]
    z = zipfile.ZipFile(io.BytesIO(r.content))
    names = set(z.namelist())
    assert {"arkivstruktur.xml", "arkivuttrekk.xml", "endringslogg.xml"} <= names
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    validate(ARKIVSTRUKTUR_XSD, etree.fromstring(z.read("arkivstruktur.xml"), parser))
    assert any(n.startswith("DOKUMENT/") for n in names)
