"""Security tests room: attacks on imports and TREND-A over real HTTP — odd filenames, formula
injection in the error report, identity numbers in rejected rows and logs, duplicate and ad-hoc
pull parameters, another district's and an unregistered caller's pulls, and no door that reads
event records one by one."""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from adapters.postgres.demo.data import DEMO_UNIT, OTHER_UNIT
from api.logs import JsonFormatter
from tests.api.knowledge.support import as_person, imported, run, upload
from tests.api.trends.conftest import events, last_half, released  # noqa: F401 (fixtures)
from tests.api.trends.support import TABLE, as_machine, problem

NUMBER = "17859300057"  # SYNTHETIC identity number (as tests/api/test_log_privacy.py)
FORMULAS = ("=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=1", "\r=1")
INDICATORS = "code;name;source;category;measure_unit\n"


async def test_odd_filenames_never_reach_the_disk(
    client: httpx.AsyncClient, tmp_path: Path
) -> None:
    h = await as_person(client, "coordinator")
    spool = Path(client._transport.app.state.container.settings.state_dir) / "imports"  # type: ignore[attr-defined]
    body = (INDICATORS + "a1;A;ungdata;school;percent\n").encode()
    r = await upload(client, h, "indicators", body, filename="x" * 10_000 + ".csv", format="csv")
    assert r.status_code in (202, 422), r.text  # a bounded multipart header, never a 500
    for name in ("../../etc/passwd", "..\\..\\x.csv", "/abs/olute.csv", "y" * 2_000 + ".csv"):
        r = await upload(client, h, "indicators", body, filename=name, format="csv")
        assert r.status_code == 202, (name[:20], r.text)
        job = r.json()
        assert "/" not in job["filename"] and "\\" not in job["filename"], job["filename"]
        assert len(job["filename"]) <= 255
    r = await upload(client, h, "indicators", body, filename="a\x00.csv", format="csv")
    assert r.status_code in (202, 422) and "\x00" not in r.text, r.text
    # Every spooled file (if any is still kept) is under a random 32-hex name of the spool.
    if spool.exists():
        assert all(len(p.name.split(".")[0]) == 32 for p in spool.iterdir()), list(spool.iterdir())


async def test_the_error_report_neutralises_formulas(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    rows = "".join(f'"f{i}";"N";ungdata;"{v}";percent\n' for i, v in enumerate(FORMULAS))
    # A hostile header in the file is echoed as ``kildekolonne`` too.
    content = ('code;name;source;"=HYPERLINK(""x"")";measure_unit\n' + rows).encode()
    job = await run(
        client, h, "indicators", content, format="csv", mapping={"category": '=HYPERLINK("x")'}
    )
    assert job["status"] == "failed" and job["result"]["errorCount"] >= len(FORMULAS), job
    r = await client.get(f"/api/imports/{job['id']}/errors.csv", headers=h)
    assert r.status_code == 200, r.text
    cells = [c for row in csv.reader(io.StringIO(r.text.lstrip("\ufeff")), delimiter=";")
             for c in row]  # fmt: skip
    dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert not dangerous, dangerous
    assert "'=1+1" in cells and r.headers["content-disposition"].startswith("attachment")


async def test_a_carriage_return_in_a_cell_is_a_row_error_not_an_interrupted_job(
    client: httpx.AsyncClient,
) -> None:
    h = await as_person(client, "coordinator")
    for content in (INDICATORS + 'f;N;ungdata;"\r=1";percent\n', INDICATORS.replace(";", ",")
                    + 'g,"multi\r\nline",ungdata,school,percent\n'):  # fmt: skip
        job = await run(client, h, "indicators", content.encode(), format="csv")
        assert job["status"] in ("failed", "previewed"), job  # not "interrupted": a retry fails too
    line = {"code": "j", "name": "a\rb", "source": "fhi", "category": "school", "measure_unit": "%"}
    job = await run(client, h, "indicators", json.dumps(line).encode() + b"\n", format="jsonl")
    assert job["status"] in ("failed", "previewed"), job


async def test_identity_numbers_are_never_echoed_nor_logged(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    h = await as_person(client, "coordinator")
    await imported(client, h, "areas", b"code;name;municipality\nsentrum;S;3205\n", format="csv")
    content = (
        "external_id;category;area;age_band;occurred_on;subject_key\n"
        f"e1;theft;sentrum;14-15;2024-02-01;{NUMBER}\n"
        f"e2;theft;sentrum;14-15;2024-02-01;abc{NUMBER}xyz\n"
        f"e3;theft;sentrum;14-15;2024-02-01;{NUMBER[:6]}-{NUMBER[6:]}\n"
    ).encode()
    with caplog.at_level(logging.DEBUG):
        job = await run(client, h, "events", content, format="csv")
        page = await client.get(f"/api/imports/{job['id']}/errors", headers=h)
        report = await client.get(f"/api/imports/{job['id']}/errors.csv", headers=h)
        whole = await client.get(f"/api/imports/{job['id']}", headers=h)
    codes = [e["code"] for e in page.json()["items"]]
    assert codes.count("not-pseudonymous") == 3, page.text  # also as written: DDMMYY-NNNNN
    for text in (page.text, report.text, whole.text):
        assert NUMBER not in text and NUMBER[6:] not in text.replace(NUMBER[:6] + "-", "")
    formatter = JsonFormatter()
    logged = "\n".join(formatter.format(r) for r in caplog.records)
    assert NUMBER not in logged and NUMBER[6:] not in logged


async def test_the_wrong_callers_cannot_touch_an_import(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    job = await run(client, h, "indicators", (INDICATORS + "b;B;fhi;school;percent\n").encode())
    urls = [f"/api/imports/{job['id']}{s}" for s in ("", "/errors", "/errors.csv")]
    ifm = {"If-Match": f'"{job["version"]}"'}
    h = await as_person(client, "other_unit_coordinator")
    for url in urls:
        problem(await client.get(url, headers=h), 404)
    for verb in ("commit", "rollback", "retry"):
        r = await client.post(f"/api/imports/{job['id']}/{verb}", headers={**h, **ifm})
        problem(r, 404)
    h = await as_machine(client)  # samordna:trends.read only
    r = await upload(client, h, "indicators", b"code;name\n", format="csv")
    problem(r, 403)
    for url in urls:
        problem(await client.get(url, headers=h), 403)


@pytest.mark.usefixtures("released")
async def test_duplicate_and_ad_hoc_pull_parameters_are_refused(client: httpx.AsyncClient) -> None:
    h = await as_machine(client)
    p = last_half()
    url = f"/api/trends/{TABLE}"
    assert (await client.get(f"{url}?period={p}", headers=h)).status_code == 200
    for q in (f"period={p}&period={p.previous()}", f"period={p}&format=json&format=csv",
              f"period={p}&unit={DEMO_UNIT}&unit={OTHER_UNIT}", f"period={p}&revision=1&revision=2",
              f"period={p}&category=theft", f"period={p}&area=sentrum", f"period={p}&ageBand=14-15",
              f"period={p}&PERIOD={p}"):  # fmt: skip
        r = await client.get(f"{url}?{q}", headers=h)
        assert r.status_code in (400, 422), (q, r.status_code, r.text[:200])
    problem(await client.get(f"{url}?period={p}&revision=99", headers=h), 404)


@pytest.mark.usefixtures("released")
async def test_not_released_and_not_yours_look_alike(client: httpx.AsyncClient) -> None:
    p = last_half()
    h = await as_machine(client)
    mine = await client.get(f"/api/trends/{TABLE}?period={p}&unit={DEMO_UNIT}", headers=h)
    assert mine.status_code == 200
    unreleased = await client.get(f"/api/trends/{TABLE}?period=2001H1&unit={DEMO_UNIT}", headers=h)
    foreign = await client.get(f"/api/trends/{TABLE}?period={p}&unit={OTHER_UNIT}", headers=h)
    assert unreleased.status_code == foreign.status_code == 404
    a, b = unreleased.json(), foreign.json()
    assert (a["type"], a["title"], a["status"]) == (b["type"], b["title"], b["status"])
    h = await as_person(client, "other_unit_coordinator")
    r = await client.get(f"/api/trends/{TABLE}?period={p}&unit={DEMO_UNIT}", headers=h)
    assert r.status_code == 404 and r.json()["type"] == a["type"]
    catalogue = (await client.get("/api/trends", headers=h)).json()
    assert str(DEMO_UNIT) not in json.dumps(catalogue)


def _contracts() -> str:
    return "".join(
        Path(f"openapi/{n}").read_text().lower() for n in ("openapi.json", "schema.graphql")
    )


async def test_no_door_reads_event_records(client: httpx.AsyncClient) -> None:
    text = _contracts()
    for word in ("subject_key", "subjectkey", "external_id", "externalid", "eventrecord",
                 "/api/events"):  # fmt: skip
        assert word not in text, word
    # A committed events import previews no rows and its job carries no sample of them.
    h = await as_person(client, "coordinator")
    await imported(client, h, "areas", b"code;name;municipality\nsentrum;S;3205\n", format="csv")
    content = (
        b"external_id;category;area;age_band;occurred_on;subject_key\n"
        b"ext-secret-1;theft;sentrum;14-15;2024-02-01;key-abcdefgh\n"
    )
    job = await imported(client, h, "events", content, format="csv")
    for url in (f"/api/imports/{job['id']}", "/api/imports", "/api/observations", "/api/areas"):
        body = (await client.get(url, headers=h)).text
        assert "ext-secret-1" not in body and "key-abcdefgh" not in body, (url, body[:300])
    q = '{ importJob(id: "' + job["id"] + '") { id status } }'
    r = await client.post("/graphql", json={"query": q}, headers=h)
    assert "key-abcdefgh" not in r.text


def _margins(doc: dict[str, Any]) -> list[tuple[int | None, list[Any]]]:
    """Each municipality's published total with its cells."""
    out = []
    for total in doc["totals"]:
        cells = [c for c in doc["cells"] if c["municipality"] == total["municipality"]]
        out.append((total["value"], cells))
    return out


@pytest.mark.usefixtures("events")
async def test_a_crafted_release_publishes_nothing_small_nor_pinnable(
    client: httpx.AsyncClient,
) -> None:
    # Crafted records in the last ended half-year: one child alone in a tiny area and age band,
    # a lone threats child, and eight theft children, so totals minus cells would pin them.
    period = last_half()
    day = period.start.isoformat()
    rows = ["external_id;category;area;age_band;occurred_on;subject_key"]
    rows.append(f"x-lone;violence;blaker;10-13;{day};lone-child-001")
    rows.append(f"x-threat;threats;sentrum;18-24;{day};lone-child-002")
    rows += [f"x-theft-{i};theft;sentrum;16-17;{day};theft-child-{i:03}" for i in range(8)]
    h = await as_person(client, "coordinator")
    await imported(client, h, "events", "\n".join(rows).encode() + b"\n", format="csv")
    r = await client.post("/api/trends/releases", json={"period": str(period)}, headers=h)
    assert r.status_code == 201, r.text
    assert r.json()["audit"]["passed"]
    for table in ("offences-by-category", "offences-by-age", "offences-by-area"):
        pulled = await client.get(f"/api/trends/{table}?period={period}", headers=h)
        assert pulled.status_code == 200, pulled.text
        doc = pulled.json()
        published = [c["value"] for c in (*doc["cells"], *doc["totals"]) if c["value"] is not None]
        assert not [v for v in published if 1 <= v <= 7 or v % 5], (table, published)
        csv_body = await client.get(f"/api/trends/{table}?period={period}&format=csv", headers=h)
        numbers = [int(x) for x in re.findall(r"(?<=;)\d+(?=;|\n|$)", csv_body.text)]
        assert numbers and not [v for v in numbers if 1 <= v <= 7 or v % 5], (table, numbers)
        for total, cells in _margins(doc):
            hidden = [c for c in cells if c["value"] is None]
            if total is None or len(hidden) != 1:
                continue
            shown = [c["value"] for c in cells if c["value"]]  # published zeros are exact
            lo = max(0, total - 2 - sum(v + 2 for v in shown))
            hi = total + 2 - sum(v - 2 for v in shown)
            assert hi - lo >= 4, (table, total, cells)  # totals minus cells pins the hidden one


@pytest.mark.usefixtures("released")
async def test_graphql_pulls_obey_the_same_rules_and_each_is_logged(
    client: httpx.AsyncClient,
) -> None:
    p = last_half()
    one = f'trendTable(table: "{TABLE}", period: "{p}") {{ revision cells {{ value }} }}'
    h = await as_machine(client)
    r = await client.post(
        "/graphql", json={"query": f"{{ a: {one} b: {one} c: {one} }}"}, headers=h
    )
    assert r.status_code == 200 and "errors" not in r.json(), r.text
    values = [c["value"] for k in "abc" for c in r.json()["data"][k]["cells"]]
    assert not [v for v in values if v is not None and (1 <= v <= 7 or v % 5)], values
    for args in (f'unit: "{OTHER_UNIT}", period: "{p}"', 'period: "2001H1"',
                 f'period: "{p}", revision: 99', f'period: "{p}", revision: -1',
                 f'period: "{p}", revision: 2147483647'):  # fmt: skip
        q = f'{{ trendTable(table: "{TABLE}", {args}) {{ revision }} }}'
        r = await client.post("/graphql", json={"query": q}, headers=h)
        assert r.status_code in (200, 400) and r.json().get("errors"), (args, r.text)
        assert not (r.json().get("data") or {}).get("trendTable"), (args, r.text)
    h = await as_person(client, "coordinator")
    log = (await client.get("/api/trends/pulls", headers=h)).json()
    assert log["total"] == 3, log  # every aliased pull is logged; refused ones are not pulls


async def test_an_undeclared_body_over_the_limit_is_cut_and_leaves_nothing(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = await as_person(client, "coordinator")
    container = client._transport.app.state.container  # type: ignore[attr-defined]
    monkeypatch.setattr(container.settings, "import_max_bytes", 1024 * 1024)
    monkeypatch.delitem(container.__dict__, "knowledge", raising=False)  # rebuilt with the limit
    spool = Path(container.settings.state_dir) / "imports"
    before = set(spool.iterdir()) if spool.exists() else set()
    head = (
        b'--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nindicators\r\n'
        b'--x\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n'
        + INDICATORS.encode()
    )

    async def body() -> Any:  # chunked: no Content-Length to refuse it early
        yield head
        for i in range(48):
            yield b"".join(b"c%d-%d;N;fhi;school;percent\n" % (i, j) for j in range(4000))
        yield b"\r\n--x--\r\n"

    r = await client.post(
        "/api/imports",
        content=body(),
        headers={**h, "Content-Type": "multipart/form-data; boundary=x"},
    )
    assert r.status_code in (413, 422), r.text
    assert (set(spool.iterdir()) if spool.exists() else set()) == before
    assert (await client.get("/api/imports", headers=h)).json()["total"] == 0
