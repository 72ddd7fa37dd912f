"""Measures REST tests room: the exports — the measure list as CSV (Norwegian Excel, the list's
filters, formulas defused), an action plan as XLSX and as PDF/A; readers may export, another
unit gets nothing of this one's."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import openpyxl
from pypdf import PdfReader

from tests.api.measures.support import KOMMUNE, OLA, active, headers, ok, propose
from tests.api.organisation.test_role_matrix import _authenticate

PLAN = {
    "title": "Handlingsplan for Lillestrøm 2026–2029",
    "periodStart": "2026-01-01",
    "periodEnd": "2029-12-31",
    "focusAreas": [
        {
            "title": "Trygge oppvekstmiljø",
            "strategies": ["Tidlig innsats i skolen"],
            "goals": [{"title": "Færre skoleavbrudd"}, {"title": "Flere i fritidsaktivitet"}],
        },
        {"title": "Rus og kriminalitet", "goals": [{"title": "Senere rusdebut"}]},
    ],
}
INJECTION = '=HYPERLINK("http://angriper.invalid","Klikk")'
PROBLEM = "Uro-FRITEKST-Q3 blant ungdom i sentrum"


def _csv(r: httpx.Response) -> list[list[str]]:
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    assert r.content.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))


async def _setting(client: httpx.AsyncClient) -> dict[str, Any]:
    """A plan; a running measure under its first goal (owner Ola, the municipality responsible,
    a budget); a proposal whose title would be a formula in a spreadsheet."""
    h = await headers(client)
    plan = ok(await client.post("/api/action-plans", json=PLAN, headers=h), 201)
    goal = plan["focusAreas"][0]["goals"][0]
    running = ok(
        await active(
            client,
            h,
            title="Sommerjobb for ungdom – Årvoll",
            goalIds=[goal["id"]],
            budgetNok=1_250_000,
            staffHours=300,
            targetAgeMin=15,
            targetAgeMax=18,
            milestones=[{"title": "Avtaler", "doneOn": "2026-02-01"}, {"title": "Oppstart"}],
            problem=PROBLEM,
        )
    )
    proposal = ok(await propose(client, h, title=INJECTION), 201)
    ola = ok(await client.get(f"/api/persons/{OLA}", headers=h))["name"]
    kommune = ok(await client.get(f"/api/organisations/{KOMMUNE}", headers=h))["name"]
    return {"h": h, "plan": plan, "running": running, "proposal": proposal, "ola": ola,
            "kommune": kommune}  # fmt: skip


async def test_the_measure_list_as_csv_one_row_per_measure(client):
    s = await _setting(client)
    h = s["h"]
    r = await client.get("/api/measures/export.csv", headers=h)
    rows = _csv(r)
    disposition = r.headers["content-disposition"]
    assert disposition == "attachment; filename=\"Tiltak.csv\"; filename*=UTF-8''Tiltak.csv"
    assert r.headers["cache-control"] == "no-store"
    assert rows[0][:4] == ["Tiltak", "Fase", "Forebyggingsnivå", "Innsatsområder"]
    assert all(len(row) == len(rows[0]) == 19 for row in rows)
    total = ok(await client.get("/api/measures", params={"limit": 100}, headers=h))["total"]
    assert len(rows) - 1 == total
    [row] = [x for x in rows if x[0] == "Sommerjobb for ungdom – Årvoll"]
    by = dict(zip(rows[0], row, strict=True))
    assert by["Fase"] == "Aktiv" and by["Forebyggingsnivå"] == "Selektivt (forebyggende)"
    assert by["Innsatsområder"] == "Trygge oppvekstmiljø"  # the goal implies its focus area
    assert by["Mål"] == "Færre skoleavbrudd"
    assert by["Ansvarlige"] == s["kommune"] and by["Eier"] == s["ola"]
    assert by["Alder"] == "15–18" and by["Budsjett (kr)"] == "1250000"
    assert by["Timeverk"] == "300" and by["Framdrift (%)"] == "50"
    assert by["Start"].count(".") == 2  # dd.mm.yyyy
    assert by["Evaluering påkrevd"] == "Ja (kostnad)"  # above the 500 000 default threshold
    assert by["Vedtak"] and by["Registervarsel"] == ""
    # The proposal's title would run as a formula: the apostrophe keeps it text.
    assert [x[0] for x in rows if INJECTION in x[0]] == ["'" + INJECTION]
    assert not [x for x in rows[1:] if x[0][:1] in "=+-@"]


async def test_the_csv_takes_the_list_filters_and_a_language(client):
    s = await _setting(client)
    h = s["h"]
    rows = _csv(await client.get("/api/measures/export.csv", params={"stage": "active"}, headers=h))
    assert {x[1] for x in rows[1:]} == {"Aktiv"}
    listed = ok(await client.get("/api/measures", params={"stage": "active"}, headers=h))
    assert len(rows) - 1 == listed["total"]
    goal = s["plan"]["focusAreas"][0]["goals"][0]["id"]
    rows = _csv(await client.get("/api/measures/export.csv", params={"goalId": goal}, headers=h))
    assert [x[0] for x in rows[1:]] == ["Sommerjobb for ungdom – Årvoll"]
    rows = _csv(
        await client.get(
            "/api/measures/export.csv", params={"lang": "en", "stage": "proposed"}, headers=h
        )
    )
    assert rows[0][:3] == ["Measure", "Stage", "Tier"]
    assert {x[1] for x in rows[1:]} == {"Proposed"}
    nn = _csv(await client.get("/api/measures/export.csv", params={"lang": "nn"}, headers=h))
    assert nn[0][2] == "Førebyggingsnivå"
    for bad in ({"stage": "bogus"}, {"lang": "de"}, {"tier": "x"}, {"goalId": "nope"}):
        r = await client.get("/api/measures/export.csv", params=bad, headers=h)
        assert r.status_code == 422, (bad, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")


async def test_the_plan_as_xlsx_one_row_per_measure_under_each_goal(client):
    s = await _setting(client)
    r = await client.get(f"/api/action-plans/{s['plan']['id']}/export.xlsx", headers=s["h"])
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert (
        "filename*=UTF-8''Handlingsplan%20%E2%80%93%20Handlingsplan"
        in (r.headers["content-disposition"])
    )
    ws = openpyxl.load_workbook(io.BytesIO(r.content)).active
    assert ws.title == "Handlingsplan for Lillestrøm 20"  # Excel's 31 characters
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][:5] == ["Innsatsområde", "Framdrift innsatsområde (%)", "Mål",
                             "Framdrift mål (%)", "Tiltak"]  # fmt: skip
    assert [v[2] for v in values[1:]] == [
        "Færre skoleavbrudd",
        "Flere i fritidsaktivitet",
        "Senere rusdebut",
    ]
    first = values[1]
    assert first[0] == "Trygge oppvekstmiljø" and first[4] == "Sommerjobb for ungdom – Årvoll"
    assert first[5] == s["kommune"] and first[7] == "Aktiv"
    assert first[10] == 1_250_000 and first[11] == 50 and first[3] == 50  # numbers, not text
    assert values[2][4:] == [None] * 8  # a goal without measures still has its row
    assert s["ola"] not in {c for row in values for c in row}  # no owners in the plan


async def test_the_plan_as_pdf_a_without_free_text_or_people(client):
    s = await _setting(client)
    r = await client.get(f"/api/action-plans/{s['plan']['id']}/export.pdf", headers=s["h"])
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    assert r.headers["content-disposition"].startswith('attachment; filename="Handlingsplan-')
    assert r.content.startswith(b"%PDF-1.7")
    reader = PdfReader(io.BytesIO(r.content))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "pdfaid:part" in xmp
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for expected in (
        "Handlingsplan for Lillestrøm 2026–2029",
        "UTKAST – ikke vedtatt",
        "Innsatsområde 1: Trygge oppvekstmiljø",
        "Tidlig innsats i skolen",
        "Mål 1.1: Færre skoleavbrudd – framdrift 50 %",
        "Sommerjobb for ungdom – Årvoll",
    ):
        assert expected in text, expected
    assert "".join(s["kommune"].split()) in "".join(text.split())  # wraps in its column
    assert PROBLEM not in text and s["ola"] not in text


async def test_readers_may_export_and_machines_may_not(client):
    s = await _setting(client)
    plan = s["plan"]["id"]
    paths = ("/api/measures/export.csv", f"/api/action-plans/{plan}/export.xlsx")
    for who in ("police_contact", "steering_reader"):
        client.cookies.clear()
        h = await _authenticate(client, who)
        for path in paths:
            assert (await client.get(path, headers=h)).status_code == 200, (who, path)
    client.cookies.clear()
    h = await _authenticate(client, "archive_system")
    for path in (*paths, f"/api/action-plans/{plan}/export.pdf"):
        r = await client.get(path, headers=h)
        assert r.status_code == 403, (path, r.text)


async def test_another_unit_gets_nothing_of_this_ones(client):
    s = await _setting(client)
    plan = s["plan"]["id"]
    client.cookies.clear()
    h = await _authenticate(client, "other_unit_coordinator")
    for ext in ("pdf", "xlsx"):
        r = await client.get(f"/api/action-plans/{plan}/export.{ext}", headers=h)
        assert r.status_code == 404, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
    rows = _csv(await client.get("/api/measures/export.csv", headers=h))
    titles = {x[0] for x in rows[1:]}
    assert "Sommerjobb for ungdom – Årvoll" not in titles and "'" + INJECTION not in titles
    client.cookies.clear()
    assert (await client.get("/api/measures/export.csv")).status_code == 401


async def test_each_export_reads_on_one_connection_in_one_transaction(client, container):
    """ADR 0011: the names are read in the export's own transaction, and the PDF is rendered
    after it has closed (no transaction waits on WeasyPrint)."""
    from tests.integration.test_request_connections import tally

    s = await _setting(client)
    plan = s["plan"]["id"]
    for path in (
        "/api/measures/export.csv",
        f"/api/action-plans/{plan}/export.xlsx",
        f"/api/action-plans/{plan}/export.pdf",
    ):
        await client.get(path, headers=s["h"])  # warm: prepared statements
        with tally(container) as t:
            r = await client.get(path, headers=s["h"])
        assert r.status_code == 200, r.text
        assert (t.checkouts, t.begins) == (1, 1), (path, t.statements)
        # Authentication, BEGIN with the unit, the reads (measures, settings, decisions,
        # plans, persons, organisations), ROLLBACK.
        assert len(t.statements) <= 12, (path, t.statements)
