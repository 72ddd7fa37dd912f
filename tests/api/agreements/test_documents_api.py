"""The signed document over REST: upload judged by content, limits refused before the body is
read and without writing anything, download as an attachment of the stored type."""

from __future__ import annotations

import asyncio
import hashlib
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import httpx
import sqlalchemy as sa

from domain.agreements.limits import DOCUMENT_MAX_BYTES
from tests.api.agreements.conftest import PDF


def _doc(a: dict[str, Any]) -> str:
    return f"/api/agreements/{a['id']}/document"


async def _stored(admin_engine: Any) -> int:
    async with admin_engine.connect() as conn:
        return int(
            (await conn.execute(sa.text("SELECT count(*) FROM agreement_document"))).scalar()
        )


async def test_upload_and_download(
    coordinator: httpx.AsyncClient, agreement: dict[str, Any]
) -> None:
    r = await coordinator.put(
        _doc(agreement) + "?filename=Signert%20politir%C3%A5dsavtale.pdf",
        content=PDF,
        headers={"If-Match": '"1"', "Content-Type": "application/octet-stream"},
    )
    assert r.status_code == 200, r.text
    doc = r.json()["document"]
    assert r.json()["version"] == 2 and r.headers["ETag"] == '"2"'
    assert doc["sha256"] == hashlib.sha256(PDF).hexdigest() and doc["size"] == len(PDF)
    assert doc["filename"] == "Signert politirådsavtale.pdf" and doc["pdfa"] is False
    got = await coordinator.get(_doc(agreement))
    assert got.status_code == 200 and got.content == PDF
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["x-content-type-options"] == "nosniff"
    assert got.headers["content-disposition"] == (
        'attachment; filename="Signert politir_dsavtale.pdf";'
        " filename*=UTF-8''Signert%20politir%C3%A5dsavtale.pdf"
    )
    listed = (await coordinator.get("/api/agreements")).json()["items"][0]
    assert listed["document"]["sha256"] == doc["sha256"]
    r = await coordinator.delete(_doc(agreement), headers={"If-Match": '"2"'})
    assert r.status_code == 200 and r.json()["document"] is None
    assert (await coordinator.get(_doc(agreement))).status_code == 404


async def test_not_a_pdf_is_refused_whatever_it_claims(
    coordinator: httpx.AsyncClient, agreement: dict[str, Any], admin_engine: Any
) -> None:
    for body in (b"\x89PNG\r\n\x1a\n" + b"0" * 100, b"<html><script>", PDF[:30], b""):
        r = await coordinator.put(
            _doc(agreement) + "?filename=avtale.pdf",
            content=body,
            headers={"If-Match": '"1"', "Content-Type": "application/pdf"},
        )
        assert r.status_code == 415, r.text
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["type"] in ("/problems/unsupported-media-type", "/problems/empty-document")
    assert await _stored(admin_engine) == 0
    assert (await coordinator.get(f"/api/agreements/{agreement['id']}")).json()["version"] == 1


async def test_too_large_is_refused_before_reading_it(
    coordinator: httpx.AsyncClient, agreement: dict[str, Any], admin_engine: Any
) -> None:
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent
        yield PDF
        for _ in range(40):
            sent += 1
            yield b"0" * (1024 * 1024)

    r = await coordinator.put(_doc(agreement), content=chunks(), headers={"If-Match": '"1"'})
    assert r.status_code == 413, r.text
    assert r.json()["type"] == "/problems/content-too-large"
    declared = {"If-Match": '"1"', "Content-Length": str(DOCUMENT_MAX_BYTES + 1)}
    r = await coordinator.put(_doc(agreement), content=b"%PDF-", headers=declared)
    assert r.status_code == 413
    assert await _stored(admin_engine) == 0
    assert (await coordinator.get(f"/api/agreements/{agreement['id']}")).json()["version"] == 1


async def test_upload_needs_the_version_and_loses_to_a_parallel_one(
    coordinator: httpx.AsyncClient, agreement: dict[str, Any]
) -> None:
    assert (await coordinator.put(_doc(agreement), content=PDF)).status_code == 428
    answers = await asyncio.gather(
        *(
            coordinator.put(_doc(agreement), content=PDF, headers={"If-Match": '"1"'})
            for _ in range(4)
        )
    )
    assert Counter(a.status_code for a in answers) == {200: 1, 412: 3}


async def test_bad_filename_and_ids(
    coordinator: httpx.AsyncClient, agreement: dict[str, Any]
) -> None:
    v = {"If-Match": '"1"'}
    r = await coordinator.put(_doc(agreement) + "?filename=a%00b", content=PDF, headers=v)
    assert r.status_code == 422
    r = await coordinator.put(_doc(agreement) + "?filename=" + "x" * 201, content=PDF, headers=v)
    assert r.status_code == 422
    r = await coordinator.put("/api/agreements/nope/document", content=PDF, headers=v)
    assert r.status_code == 422
    missing = "/api/agreements/e0e0e0e0-0000-4000-8000-000000000000/document"
    assert (await coordinator.put(missing, content=PDF, headers=v)).status_code == 404
    assert (await coordinator.get(missing)).status_code == 404


def test_a_quote_in_the_name_cannot_break_the_quoted_fallback() -> None:
    from api.rest.agreements.documents import disposition

    header = disposition('a"b\\c.pdf')
    assert header.startswith('attachment; filename="a_b_c.pdf"; ')
    assert header.endswith("filename*=UTF-8''a%22b%5Cc.pdf")
