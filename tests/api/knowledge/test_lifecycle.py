"""An import's life over HTTP: upload → preview (nothing written) → row errors as JSON and CSV →
commit → the same file again changes nothing → rollback (only the latest: 409 otherwise); a
machine with samordna:import.write uploads and polls; saved mappings apply by source."""

from __future__ import annotations

import csv
import io
import os
import time
from decimal import Decimal
from typing import Any

import httpx
from sqlalchemy import text

from tests.api.knowledge.support import (
    AREAS_CSV,
    INDICATOR,
    OBSERVATIONS_CSV,
    as_machine,
    as_person,
    commit,
    imported,
    ok,
    problem,
    run,
    settle,
    upload,
)

BAD_ROWS = (
    "indikator;område;periode;verdi;antall\n"
    "ungdata.alkohol;sentrum;2024;mye;1\n"  # not-a-number
    "ungdata.alkohol;nowhere;2024;1,5;2\n"  # unknown-area
    "ungdata.alkohol;sentrum;2024H3;2;-4\n"  # bad-period, negative
).encode()


async def observations(c: httpx.AsyncClient, h: dict[str, str]) -> list[dict[str, object]]:
    return ok(await c.get("/api/observations?limit=200", headers=h))["items"]  # type: ignore[no-any-return]


async def values(c: httpx.AsyncClient, h: dict[str, str]) -> set[Decimal]:
    return {Decimal(str(r["value"])) for r in await observations(c, h)}


async def test_preview_commit_again_and_roll_back(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    ok(await client.post("/api/indicators", json=INDICATOR, headers=h), 201)
    areas = await imported(client, h, "areas", AREAS_CSV)
    assert areas["result"]["inserted"] == 3
    preview = await run(client, h, "observations", OBSERVATIONS_CSV)
    assert preview["status"] == "previewed" and preview["mode"] == "preview"
    assert preview["result"]["inserted"] == 3 and preview["error"] is None
    assert preview["mapping"]["value"] == "verdi" and preview["ignoredColumns"] == []
    assert preview["sample"][0]["indicator"] == "ungdata.alkohol"
    assert await observations(client, h) == []  # a preview writes nothing

    done = await commit(client, h, preview)
    assert done["status"] == "committed" and done["result"]["inserted"] == 3
    rows = await observations(client, h)
    assert len(rows) == 3 and {r["importId"] for r in rows} == {done["id"]}
    assert await values(client, h) == {Decimal("12.5"), Decimal("14"), Decimal("9.5")}

    again = await imported(client, h, "observations", OBSERVATIONS_CSV)
    assert again["result"] == {
        "inserted": 0,
        "updated": 0,
        "unchanged": 3,
        "rejectedRows": 0,
        "errorCount": 0,
    }
    changed = OBSERVATIONS_CSV.replace(b"14,0", b"15,0")
    third = await imported(client, h, "observations", changed)
    assert third["result"]["updated"] == 1 and third["result"]["unchanged"] == 2
    assert await values(client, h) == {Decimal("12.5"), Decimal("15"), Decimal("9.5")}

    r = await client.post(
        f"/api/imports/{done['id']}/rollback", headers={**h, "If-Match": f'"{done["version"]}"'}
    )
    assert third["id"] in problem(r, 409, "import-not-latest")["detail"]
    latest = ok(await client.get(f"/api/imports/{third['id']}", headers=h))
    r = await client.post(
        f"/api/imports/{third['id']}/rollback",
        headers={**h, "If-Match": f'"{latest["version"]}"'},
    )
    undone = ok(r)
    assert undone["status"] == "rolled_back" and undone["rolledBackAt"]
    assert await values(client, h) == {Decimal("12.5"), Decimal("14"), Decimal("9.5")}
    history = ok(await client.get("/api/imports", headers=h))
    assert [j["kind"] for j in history["items"]][:2] == ["observations", "observations"]
    assert history["total"] == 4


async def test_row_errors_report(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    ok(await client.post("/api/indicators", json=INDICATOR, headers=h), 201)
    await imported(client, h, "areas", AREAS_CSV)
    job = await run(client, h, "observations", BAD_ROWS)
    assert job["status"] == "failed" and job["error"]["code"] == "import-rows-rejected"
    assert job["result"]["rejectedRows"] == 3
    page = ok(await client.get(f"/api/imports/{job['id']}/errors", headers=h))
    codes = {(e["row"], e["code"]) for e in page["items"]}
    assert {(1, "not-a-number"), (2, "unknown-area"), (3, "bad-period"), (3, "negative")} <= codes
    assert page["errorCount"] == job["result"]["errorCount"] == page["total"]
    r = await client.get(f"/api/imports/{job['id']}/errors.csv", headers=h)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    text = r.content.decode("utf-8-sig")
    assert "not-a-number" in text and "mye" in text
    assert len(list(csv.reader(io.StringIO(text), delimiter=";"))) >= 5
    r = await client.post(
        f"/api/imports/{job['id']}/commit", headers={**h, "If-Match": f'"{job["version"]}"'}
    )
    problem(r, 409, "import-not-ready")
    assert await observations(client, h) == []


async def test_a_machine_imports_and_polls_but_edits_no_indicator(
    client: httpx.AsyncClient,
) -> None:
    coordinator = await as_person(client, "coordinator")
    ok(await client.post("/api/indicators", json=INDICATOR, headers=coordinator), 201)
    h = await as_machine(client)
    r = await client.post("/api/indicators", json={**INDICATOR, "code": "x"}, headers=h)
    problem(r, 403, "forbidden")
    job = await run(client, h, "areas", AREAS_CSV, mode="commit")
    assert job["status"] == "committed" and job["result"]["inserted"] == 3, job
    assert job["startedByName"] and job["machineOrg"]
    listed = ok(await client.get("/api/imports", headers=h))
    assert listed["items"][0]["id"] == job["id"]


async def test_commit_mode_and_saved_mapping(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    odd = "Områdenavn;Nr;Komm\nSentrum;sentrum;3205\n".encode()
    r = await upload(client, h, "areas", odd)
    problem(r, 422, "import-columns")
    mapping = {"name": "Områdenavn", "code": "Nr", "municipality": "Komm"}
    r = await client.put(
        "/api/import-mappings/areas/Kommunens%20GIS",
        json={"mapping": mapping},
        headers={**h, "If-Match": '"0"'},
    )
    saved = ok(r)
    assert saved["version"] == 1 and r.headers["ETag"] == '"1"'
    listed = ok(await client.get("/api/import-mappings?kind=areas", headers=h))
    assert [m["sourceName"] for m in listed] == ["Kommunens GIS"]
    r = await upload(client, h, "areas", odd, source="Kommunens GIS", mode="commit")
    job = await settle(client, h, ok(r, 202)["id"])
    assert job["status"] == "committed", job
    assert [a["code"] for a in ok(await client.get("/api/areas", headers=h))] == ["sentrum"]
    r = await client.put(
        "/api/import-mappings/areas/Kommunens%20GIS",
        json={"mapping": mapping},
        headers={**h, "If-Match": '"0"'},
    )
    assert r.status_code in (409, 412), r.text
    r = await client.put(
        "/api/import-mappings/areas/Kommunens%20GIS", json={"mapping": mapping}, headers=h
    )
    problem(r, 428, "version-required")


async def test_event_records_are_never_shown_and_no_identity_number_is_echoed(
    client: httpx.AsyncClient,
) -> None:
    h = await as_person(client, "coordinator")
    await imported(client, h, "areas", AREAS_CSV)
    events = (
        b"external_id;category;area;age_band;occurred_on;subject_key\n"
        b"e1;violence;sentrum;14-15;2025-03-01;abcdefgh12\n"
        b"e2;theft;sentrum;14-15;01.04.2025;01019912345\n"  # a synthetic identity number
    )
    job = await run(client, h, "events", events)
    assert job["status"] == "failed" and job["sample"] == []
    r = await client.get(f"/api/imports/{job['id']}/errors", headers=h)
    [error] = ok(r)["items"]
    assert (error["row"], error["column"], error["code"]) == (2, "subject_key", "not-pseudonymous")
    report = await client.get(f"/api/imports/{job['id']}/errors.csv", headers=h)
    assert b"01019912345" not in r.content + report.content
    clean = await imported(client, h, "events", events.rsplit(b"\n", 2)[0] + b"\n")
    assert clean["result"]["inserted"] == 1 and clean["sample"] == []


async def test_an_interrupted_import_runs_again(
    client: httpx.AsyncClient, admin_engine: Any
) -> None:
    h = await as_person(client, "coordinator")
    preview = await run(client, h, "areas", AREAS_CSV)
    async with admin_engine.begin() as conn:  # as the sweeper leaves a job whose server died
        await conn.execute(
            text(
                "UPDATE knowledge_import_jobs SET status = 'interrupted', version = version + 1"
                " WHERE id = :id"
            ),
            {"id": preview["id"]},
        )
    stale = {**h, "If-Match": f'"{preview["version"]}"'}
    problem(
        await client.post(f"/api/imports/{preview['id']}/retry", headers=stale),
        412,
        "stale-version",
    )
    version = {**h, "If-Match": f'"{preview["version"] + 1}"'}
    r = await client.post(f"/api/imports/{preview['id']}/retry", headers=version)
    assert ok(r, 202)["status"] == "queued"
    again = await settle(client, h, preview["id"])
    assert again["status"] == "previewed" and again["result"]["inserted"] == 3, again
    r = await client.post(
        f"/api/imports/{preview['id']}/retry", headers={**h, "If-Match": f'"{again["version"]}"'}
    )
    problem(r, 409, "import-not-ready")


async def test_a_preview_gives_up_its_file_after_a_day(
    client: httpx.AsyncClient, admin_engine: Any, container: Any
) -> None:
    h = await as_person(client, "coordinator")
    spool = container.settings.state_dir / "imports"
    before = set(spool.iterdir()) if spool.is_dir() else set()
    preview = await run(client, h, "areas", AREAS_CSV)
    assert preview["fileKept"] is True
    spooled = set(spool.iterdir()) - before  # earlier tests' previews stay: they are recent
    assert len(spooled) == 1  # the upload is on disk until committed or given up
    async with admin_engine.begin() as conn:  # as if it were read 25 hours ago
        await conn.execute(
            text(
                "UPDATE knowledge_import_jobs SET finished_at = now() - interval '25 hours'"
                " WHERE id = :id"
            ),
            {"id": preview["id"]},
        )
    await container.import_runner.sweep()
    gone = ok(await client.get(f"/api/imports/{preview['id']}", headers=h))
    assert gone["fileKept"] is False and gone["status"] == "previewed"
    assert gone["result"] == preview["result"] and gone["version"] == preview["version"] + 1
    assert not spooled & set(spool.iterdir())
    query = "query($id: UUID!) { importJob(id: $id) { fileKept status } }"
    r = await client.post(
        "/graphql", json={"query": query, "variables": {"id": preview["id"]}}, headers=h
    )
    assert ok(r)["data"]["importJob"] == {"fileKept": False, "status": "PREVIEWED"}
    r = await client.post(
        f"/api/imports/{preview['id']}/commit", headers={**h, "If-Match": f'"{gone["version"]}"'}
    )
    assert "upload it again" in problem(r, 409, "import-not-ready")["detail"]


async def test_the_sweeper_deletes_day_old_files_no_job_names(
    client: httpx.AsyncClient, container: Any
) -> None:
    h = await as_person(client, "coordinator")
    spool = container.settings.state_dir / "imports"
    before = set(spool.iterdir()) if spool.is_dir() else set()  # earlier tests' jobs are gone
    preview = await run(client, h, "areas", AREAS_CSV)
    named = set(spool.iterdir()) - before  # its file, named by its job
    assert len(named) == 1
    orphan, young = spool / ("a" * 32), spool / ("b" * 32)  # processes killed before the job
    for path in (orphan, young):
        path.write_bytes(AREAS_CSV)
    day_ago = time.time() - 25 * 3600
    os.utime(orphan, (day_ago, day_ago))
    for path in named:  # as old, but a job names it
        os.utime(path, (day_ago, day_ago))
    await container.import_runner.sweep()
    assert not orphan.exists() and young.exists()
    assert named <= set(spool.iterdir())
    assert ok(await client.get(f"/api/imports/{preview['id']}", headers=h))["fileKept"] is True
    young.unlink()
