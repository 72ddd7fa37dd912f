"""Every bad file of issue 12 over HTTP: a clear problem type — at upload (422) when the header
tells, else on the job (failed, with the file-level error) — and nothing written."""

from __future__ import annotations

import io
import json
import zipfile

import httpx
import pytest

from tests.api.knowledge.support import INDICATOR, as_person, imported, ok, settle, upload

AREAS_HEAD = b"kode;navn;kommune\n"
MIB = 1024 * 1024


def zip_bomb() -> bytes:
    """An "XLSX" whose sheet inflates 1000:1 (far past the 100:1 the readers allow)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * MIB))
    return buf.getvalue()


BAD_FILES: list[tuple[str, str, bytes, str, str]] = [
    # (id, kind, content, filename, problem)
    ("latin-1", "areas", AREAS_HEAD + "sor;Sørum;3205\n".encode("latin-1"), "a.csv", "import-encoding"),
    ("latin-1 header", "areas", "kode;navn;område\n".encode("latin-1"), "a.csv", "import-encoding"),
    ("missing columns", "areas", b"kode;kommune\nsentrum;3205\n", "a.csv", "import-columns"),
    ("no rows", "areas", AREAS_HEAD, "a.csv", "import-empty"),
    ("empty file", "areas", b"", "a.csv", "import-empty"),
    (
        "line over 1 MiB",
        "areas",
        AREAS_HEAD + b"x;" + b"y" * (MIB + 10) + b";3205\n",
        "a.csv",
        "import-line-too-long",
    ),
    ("zip bomb as xlsx", "areas", zip_bomb(), "a.xlsx", "import-archive-unsafe"),
    ("not a zip as xlsx", "areas", AREAS_HEAD + b"a;b;3205\n", "a.xlsx", "import-format"),
    (
        "bad json line",
        "areas",
        json.dumps({"kode": "a", "navn": "A", "kommune": "3205"}).encode() + b"\n{oops\n",
        "a.jsonl",
        "import-format",
    ),
    ("unknown extension", "areas", AREAS_HEAD, "a.docx", "import-format"),
    ("bad numbers", "observations", b"indikator;omrade;periode;verdi\nungdata.alkohol;x;2024;mye\n", "a.csv", "import-rows-rejected"),
    (
        "duplicate keys",
        "areas",
        AREAS_HEAD + b"sentrum;Sentrum;3205\nsentrum;Sentrum igjen;3205\n",
        "a.csv",
        "import-rows-rejected",
    ),
    ("foreign municipality", "areas", AREAS_HEAD + b"oslo;Oslo;0301\n", "a.csv", "import-rows-rejected"),
    ("nul in a cell", "areas", AREAS_HEAD + b"a\x00b;Navn;3205\n", "a.csv", "import-rows-rejected"),
]  # fmt: skip


async def refusal(
    c: httpx.AsyncClient, h: dict[str, str], kind: str, content: bytes, name: str
) -> str:
    """The problem type's code: the upload's 422, or the settled job's file-level error."""
    r = await upload(c, h, kind, content, filename=name)
    if r.status_code == 422:
        body = r.json()
        assert r.headers["content-type"].startswith("application/problem+json")
        return str(body["type"]).removeprefix("/problems/")
    job = await settle(c, h, ok(r, 202)["id"])
    assert job["status"] == "failed", job
    return str(job["error"]["code"])


@pytest.mark.parametrize(
    ("kind", "content", "filename", "code"),
    [f[1:] for f in BAD_FILES],
    ids=[f[0] for f in BAD_FILES],
)
async def test_a_bad_file_is_refused_and_writes_nothing(
    client: httpx.AsyncClient, kind: str, content: bytes, filename: str, code: str
) -> None:
    h = await as_person(client, "coordinator")
    ok(await client.post("/api/indicators", json=INDICATOR, headers=h), 201)
    assert await refusal(client, h, kind, content, filename) == code
    assert ok(await client.get("/api/areas", headers=h)) == []
    assert ok(await client.get("/api/observations", headers=h))["total"] == 0


async def test_row_errors_name_row_column_and_code(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    content = AREAS_HEAD + b"sentrum;Sentrum;3205\nsentrum;Igjen;3205\nBad Code;X;99\n"
    r = await upload(client, h, "areas", content)
    job = await settle(client, h, ok(r, 202)["id"])
    errors = ok(await client.get(f"/api/imports/{job['id']}/errors", headers=h))["items"]
    found = {(e["row"], e["column"], e["code"]) for e in errors}
    assert (2, "code", "duplicate-key") in found or (2, None, "duplicate-key") in found, found
    assert any(e["row"] == 3 for e in errors), found


async def test_a_declared_size_over_the_limit_is_refused_before_reading(
    client: httpx.AsyncClient, app: object
) -> None:
    h = await as_person(client, "coordinator")
    limit = app.state.container.settings.import_max_bytes  # type: ignore[attr-defined]
    r = await client.post(
        "/api/imports",
        content=b"--x--\r\n",
        headers={
            **h,
            "Content-Type": "multipart/form-data; boundary=x",
            "Content-Length": str(limit + MIB + MIB // 2),
        },
    )
    assert r.status_code == 422 and r.json()["type"] == "/problems/import-too-large", r.text
    r = await client.post(
        "/api/imports",
        content=b"--x--\r\n",
        headers={
            **h,
            "Content-Type": "multipart/form-data; boundary=x",
            "Content-Length": str(limit * 2),
        },
    )
    assert r.status_code == 413, r.text


async def test_a_good_file_after_bad_ones_imports(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    assert await refusal(client, h, "areas", AREAS_HEAD, "a.csv") == "import-empty"
    job = await imported(client, h, "areas", AREAS_HEAD + b"sentrum;Sentrum;3205\n")
    assert job["result"]["inserted"] == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "people"}, "kind"),
        ({"kind": "areas", "format": "docx"}, "format"),
        ({"kind": "areas", "mapping": "[1]"}, "mapping"),
        ({"kind": "areas", "mapping": '{"code": 5}'}, "mapping.code"),
        ({"kind": "areas", "mapping": '{"code": "k\\u0000"}'}, "mapping.code"),
        ({"kind": "areas", "mapping": '{"colour": "kode"}'}, "file"),
        ({"kind": "areas", "mode": "later"}, "mode"),
        ({"kind": "areas", "source": "x" * 5000}, "source"),
    ],
    ids=[
        "kind",
        "format",
        "mapping-list",
        "mapping-number",
        "mapping-nul",
        "unknown-target",
        "mode",
        "source",
    ],
)
async def test_bad_form_fields_are_refused_at_upload(
    client: httpx.AsyncClient, fields: dict[str, str], field: str
) -> None:
    h = await as_person(client, "coordinator")
    files = {"file": ("a.csv", AREAS_HEAD + b"a;A;3205\n", "text/csv")}
    r = await client.post("/api/imports", data=fields, files=files, headers=h)
    assert r.status_code == 422, r.text
    assert field in {e["field"] for e in r.json()["errors"]}, r.text
    assert ok(await client.get("/api/imports", headers=h))["total"] == 0
