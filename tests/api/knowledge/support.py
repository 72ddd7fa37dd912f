"""Knowledge API tests room: log in as a persona or a machine, upload a file as multipart, poll a
job until it settles, and the small files every import test builds on."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx

from tests.support.auth import login, machine_token

SETTLED = ("previewed", "committed", "failed", "interrupted", "rolled_back")
IMPORTER = "import_script"  # the dev machine persona granted samordna:import.write
IMPORT_SCOPE = "samordna:import.write"

AREAS_CSV = (
    "kode;navn;kommune;type\n"
    "sentrum;Lillestrøm sentrum;3205;bydel\n"
    "kjeller;Kjeller;3205;bydel\n"
    "lillestrom;Lillestrøm kommune;3205;kommune\n"
).encode()
OBSERVATIONS_CSV = (
    "indikator;område;periode;kjønn;verdi;antall;nevner\n"
    "ungdata.alkohol;sentrum;2023;all;12,5;25;200\n"
    "ungdata.alkohol;sentrum;2024;all;14,0;28;200\n"
    "ungdata.alkohol;kjeller;2024;female;9.5;;\n"
).encode()
INDICATOR: dict[str, Any] = {
    "code": "ungdata.alkohol",
    "name": "Andel som har vært beruset siste år",
    "source": "ungdata",
    "category": "substance_use",
    "measureUnit": "percent",
    "factors": [],
    "higherIsBetter": False,
}


async def as_person(client: httpx.AsyncClient, who: str) -> dict[str, str]:
    client.cookies.clear()
    csrf = await login(client, who)
    return {"X-CSRF-Token": csrf} if csrf else {}


async def as_machine(
    client: httpx.AsyncClient, who: str = IMPORTER, scopes: list[str] | None = None
) -> dict[str, str]:
    client.cookies.clear()
    token = await machine_token(client, who, [IMPORT_SCOPE] if scopes is None else scopes)
    return {"Authorization": f"Bearer {token}"}


def ok(r: httpx.Response, status: int = 200) -> Any:
    assert r.status_code == status, r.text
    return r.json() if r.content else None


def etag(r: httpx.Response) -> dict[str, str]:
    return {"If-Match": r.headers["ETag"]}


def problem(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json"), r.text
    body: dict[str, Any] = r.json()
    assert body["type"] == f"/problems/{code}", r.text
    return body


async def upload(
    c: httpx.AsyncClient,
    h: dict[str, str],
    kind: str,
    content: bytes,
    filename: str = "data.csv",
    **fields: Any,
) -> httpx.Response:
    data = {"kind": kind, **{k: json.dumps(v) if k == "mapping" else v for k, v in fields.items()}}
    files = {"file": (filename, content, "application/octet-stream")}
    return await c.post("/api/imports", data=data, files=files, headers=h)


async def settle(
    c: httpx.AsyncClient, h: dict[str, str], job_id: str, seconds: float = 30
) -> dict[str, Any]:
    """The job once it has run (polled as the SPA does)."""
    deadline = asyncio.get_running_loop().time() + seconds
    while True:
        job: dict[str, Any] = ok(await c.get(f"/api/imports/{job_id}", headers=h))
        if job["status"] in SETTLED:
            break
        assert asyncio.get_running_loop().time() < deadline, job
        await asyncio.sleep(0.05)
    # The pipeline's transaction says "committed"; the runner then records the outcome (a new
    # version). Wait for the runner, so the test's next If-Match is the final version.
    await c._transport.app.state.container.import_runner.idle()  # type: ignore[attr-defined]
    return ok(await c.get(f"/api/imports/{job_id}", headers=h))  # type: ignore[no-any-return]


async def run(
    c: httpx.AsyncClient, h: dict[str, str], kind: str, content: bytes, **fields: Any
) -> dict[str, Any]:
    """Upload and wait: the settled job."""
    r = await upload(c, h, kind, content, **fields)
    job = ok(r, 202)
    assert r.headers["Location"] == f"/api/imports/{job['id']}"
    return await settle(c, h, job["id"])


async def commit(c: httpx.AsyncClient, h: dict[str, str], job: dict[str, Any]) -> dict[str, Any]:
    r = await c.post(
        f"/api/imports/{job['id']}/commit", headers={**h, "If-Match": f'"{job["version"]}"'}
    )
    return await settle(c, h, ok(r, 202)["id"])


async def imported(
    c: httpx.AsyncClient, h: dict[str, str], kind: str, content: bytes, **fields: Any
) -> dict[str, Any]:
    """Preview, then commit: the committed job."""
    job = await run(c, h, kind, content, **fields)
    assert job["status"] == "previewed", job
    done = await commit(c, h, job)
    assert done["status"] == "committed", done
    return done


async def knowledge_base(c: httpx.AsyncClient, h: dict[str, str]) -> dict[str, Any]:
    """The unit's areas, one indicator and three observations, each through its own import."""
    indicator = ok(await c.post("/api/indicators", json=INDICATOR, headers=h), 201)
    await imported(c, h, "areas", AREAS_CSV)
    obs = await imported(c, h, "observations", OBSERVATIONS_CSV)
    return {"indicator": indicator, "observations": obs}
