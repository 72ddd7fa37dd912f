"""Parallel requests, several rounds: two commits of one preview (one wins, the other is 409 or
412, the rows are written once) and two creates of one indicator code (one 201, one 409)."""

from __future__ import annotations

import asyncio

import httpx

from tests.api.knowledge.support import (
    AREAS_CSV,
    INDICATOR,
    as_person,
    ok,
    run,
    settle,
)


async def test_two_commits_of_one_preview(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    for round_ in range(3):
        csv = AREAS_CSV.replace(b"Kjeller", f"Kjeller {round_}".encode())
        preview = await run(client, h, "areas", csv)
        assert preview["status"] == "previewed", preview
        url = f"/api/imports/{preview['id']}/commit"
        version = {**h, "If-Match": f'"{preview["version"]}"'}
        answers = await asyncio.gather(
            client.post(url, headers=version), client.post(url, headers=version)
        )
        statuses = sorted(r.status_code for r in answers)
        assert statuses[0] == 202 and statuses[1] in (409, 412), [r.text for r in answers]
        done = await settle(client, h, preview["id"])
        assert done["status"] == "committed", done
        assert len(ok(await client.get("/api/areas", headers=h))) == 3


async def test_two_creates_of_one_code(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    for round_ in range(4):
        body = {**INDICATOR, "code": f"kode-{round_}"}
        answers = await asyncio.gather(
            client.post("/api/indicators", json=body, headers=h),
            client.post("/api/indicators", json=body, headers=h),
        )
        statuses = sorted(r.status_code for r in answers)
        assert statuses == [201, 409], [r.text for r in answers]
        loser = next(r for r in answers if r.status_code == 409)
        assert loser.json()["type"] == "/problems/indicator-code-taken"
    assert ok(await client.get("/api/indicators", headers=h))["total"] == 4
