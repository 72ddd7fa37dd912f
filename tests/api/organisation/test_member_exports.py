"""A body's member list as CSV (Norwegian Excel) and XLSX: content, headers, formula injection,
and nothing of another unit."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from adapters.postgres.demo import demo_id
from tests.support.auth import login

POLITIRAD = demo_id("body/politirad")
NEIGHBOURS_BODY = demo_id("other/body/koord")


@pytest.fixture
async def coordinator(client):
    client.headers["X-CSRF-Token"] = await login(client, "coordinator")
    return client


def _csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    text = content.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text), delimiter=";"))


async def test_csv_lists_the_current_members_chair_first_with_contact_details(coordinator):
    r = await coordinator.get(f"/api/bodies/{POLITIRAD}/members.csv")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    disposition = r.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''Politir%C3%A5det%20%E2%80%93%20medlemmer.csv" in disposition
    assert r.headers["cache-control"] == "no-store"
    rows = _csv_rows(r.content)
    assert rows[0] == [
        "Navn",
        "Rolle",
        "Stilling",
        "Representerer",
        "E-post",
        "Telefon",
        "Fra",
        "Til",
    ]
    assert rows[1][:2] == ["Astrid Berg", "Leder"]
    assert {row[0] for row in rows[1:]} == {
        "Astrid Berg",
        "Kari Koordinator",
        "Håkon Lie",
        "Tor Aasen",
        "Stine Styringsgruppe",
        "Mona Dahl",
        "Per Politikontakt",
    }
    assert all(len(row) == 8 for row in rows)
    assert rows[1][6].count(".") == 2  # dd.mm.yyyy


async def test_english_headings_and_roles_on_request(coordinator):
    r = await coordinator.get(f"/api/bodies/{POLITIRAD}/members.csv", params={"lang": "en"})
    rows = _csv_rows(r.content)
    assert rows[0][:2] == ["Name", "Role"] and rows[1][1] == "Chair"


async def test_xlsx_holds_the_same_rows(coordinator):
    r = await coordinator.get(f"/api/bodies/{POLITIRAD}/members.xlsx")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert r.headers["content-disposition"].startswith("attachment;")
    ws = openpyxl.load_workbook(io.BytesIO(r.content)).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert ws.title == "Politirådet"
    assert values[0][0] == "Navn" and values[1][:2] == ["Astrid Berg", "Leder"]
    assert len(values) == 8


async def test_a_would_be_formula_stays_text(coordinator):
    r = await coordinator.post(
        "/api/persons",
        json={
            "name": '=HYPERLINK("http://x","klikk")',
            "title": "@SUM(A1)",
            "phone": "+4799999999",
        },
    )
    assert r.status_code == 201, r.text
    person = r.json()["id"]
    r = await coordinator.post(
        "/api/memberships", json={"bodyId": str(POLITIRAD), "personId": person, "role": "member"}
    )
    assert r.status_code == 201, r.text

    rows = _csv_rows((await coordinator.get(f"/api/bodies/{POLITIRAD}/members.csv")).content)
    [row] = [row for row in rows if "HYPERLINK" in row[0]]
    assert row[0] == '\'=HYPERLINK("http://x","klikk")'
    assert row[2] == "'@SUM(A1)" and row[5] == "'+4799999999"

    xlsx = (await coordinator.get(f"/api/bodies/{POLITIRAD}/members.xlsx")).content
    ws = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    [cells] = [row for row in ws.iter_rows() if "HYPERLINK" in str(row[0].value)]
    assert cells[0].data_type == "s" and cells[0].value.startswith("=HYPERLINK")
    assert cells[2].data_type == "s"


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
async def test_another_units_body_is_not_found(coordinator, ext):
    r = await coordinator.get(f"/api/bodies/{NEIGHBOURS_BODY}/members.{ext}")
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"


async def test_exports_need_a_login(client):
    r = await client.get(f"/api/bodies/{POLITIRAD}/members.csv")
    assert r.status_code == 401
