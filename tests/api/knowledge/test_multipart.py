"""The upload's multipart reader on its own (a bare app, no database): fields before the file are
read, the file arrives chunk by chunk (never whole), and every malformed body is a field error."""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from api.problems import domain_problem
from api.rest.knowledge.form import upload_form
from api.rest.knowledge.multipart import FormStream
from domain.shared.errors import DomainError


def bare_app() -> FastAPI:
    app = FastAPI()

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        return domain_problem(exc)

    @app.post("/up")
    async def up(request: Request) -> dict[str, Any]:
        form = FormStream(request, 1024)
        fields = await form.fields()
        digest, size, chunks, largest = hashlib.sha256(), 0, 0, 0
        async for chunk in form.file_chunks():
            digest.update(chunk)
            size, chunks, largest = size + len(chunk), chunks + 1, max(largest, len(chunk))
        return {
            "fields": fields,
            "filename": form.filename,
            "sha256": digest.hexdigest(),
            "size": size,
            "chunks": chunks,
            "largest": largest,
        }

    return app


@pytest.fixture
async def bare() -> Any:
    transport = httpx.ASGITransport(app=bare_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
        yield c


async def test_a_large_file_streams_in_chunks(bare: httpx.AsyncClient) -> None:
    content = bytes(range(256)) * (20 * 1024)  # 5 MiB, every byte value (boundary-like ones too)

    async def body() -> Any:
        for i in range(0, len(content), 64 * 1024):
            yield content[i : i + 64 * 1024]

    boundary = "b0und4ry"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nareas\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()

    async def stream() -> Any:
        yield head
        async for part in body():
            yield part
        yield tail

    r = await bare.post(
        "/up",
        content=stream(),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    got = r.json()
    assert got["fields"] == {"kind": "areas"} and got["filename"] == "a.csv"
    assert got["size"] == len(content)
    assert got["sha256"] == hashlib.sha256(content).hexdigest()
    assert got["chunks"] > 10 and got["largest"] <= 128 * 1024  # never the whole file at once


async def test_httpx_form_reads_as_the_spa_sends_it(bare: httpx.AsyncClient) -> None:
    r = await bare.post(
        "/up",
        data={"kind": "observations", "mapping": '{"value": "Verdi"}'},
        files={"file": ("Ungdata 2025.csv", b"a;b\n1;2\n", "text/csv")},
    )
    got = r.json()
    assert got["fields"] == {"kind": "observations", "mapping": '{"value": "Verdi"}'}
    assert got["size"] == 8 and got["chunks"] == 1


@pytest.mark.parametrize(
    ("headers", "body", "field"),
    [
        ({"Content-Type": "application/json"}, b"{}", "body"),
        ({"Content-Type": "multipart/form-data"}, b"x", "body"),
        ({"Content-Type": "multipart/form-data; boundary=zz"}, b"garbage", "body"),
        (
            {"Content-Type": "multipart/form-data; boundary=zz"},
            b'--zz\r\nContent-Disposition: form-data; name="kind"\r\n\r\nareas\r\n--zz--\r\n',
            "file",
        ),
        (
            {"Content-Type": "multipart/form-data; boundary=zz"},
            b'--zz\r\nContent-Disposition: form-data; name="kind"\r\n\r\n' + b"x" * 5000,
            "kind",
        ),
        (
            {"Content-Type": "multipart/form-data; boundary=zz"},
            b'--zz\r\nContent-Disposition: form-data; name="kind"\r\n\r\n\xff\xfe\r\n--zz--\r\n',
            "kind",
        ),
    ],
    ids=["json", "no-boundary", "garbage", "no-file", "huge-field", "not-utf8"],
)
async def test_malformed_bodies_are_field_errors(
    bare: httpx.AsyncClient, headers: dict[str, str], body: bytes, field: str
) -> None:
    r = await bare.post("/up", content=body, headers=headers)
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["field"] == field, r.text


@pytest.mark.parametrize(
    ("fields", "filename", "errors"),
    [
        ({}, "a.csv", {"kind"}),
        ({"kind": "people"}, "a.csv", {"kind"}),
        ({"kind": "areas", "format": "docx"}, "a.csv", {"format"}),
        ({"kind": "areas", "mode": "now"}, "a.csv", {"mode"}),
        ({"kind": "areas", "mapping": "[1, 2]"}, "a.csv", {"mapping"}),
        ({"kind": "areas", "mapping": "{not json"}, "a.csv", {"mapping"}),
        ({"kind": "areas", "mapping": '{"code": null}'}, "a.csv", {"mapping.code"}),
        ({"kind": "areas", "mapping": '{"code": "a\\u0000"}'}, "a.csv", {"mapping.code"}),
        ({"kind": "areas", "source": "x" * 101}, "a.csv", {"source"}),
        ({"kind": "areas", "source": "S\x00"}, "a.csv", {"source"}),
        ({"kind": "areas", "colour": "red"}, "a.csv", {"colour"}),
        ({"kind": "areas"}, "a\x00.csv", {"file"}),
    ],
)
def test_form_fields_are_checked(fields: dict[str, str], filename: str, errors: set[str]) -> None:
    from domain.shared.errors import ValidationFailed

    with pytest.raises(ValidationFailed) as caught:
        upload_form(fields, filename)
    assert {e.field for e in caught.value.errors} == errors


def test_a_good_form() -> None:
    f = upload_form(
        {"kind": "areas", "mapping": '{"code": "Kode"}', "source": " GIS "}, "C:\\x\\a.CSV"
    )
    assert (f.kind, f.format, f.filename, f.source_name) == ("areas", None, "a.CSV", "GIS")
    assert f.mapping == {"code": "Kode"} and f.mode == "preview"
