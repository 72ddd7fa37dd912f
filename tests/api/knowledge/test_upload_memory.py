"""The upload is streamed: a 24 MiB file goes through the multipart reader to the spool with the
traced memory peak a small fraction of the file (it is never held whole), and is then refused
by its header (no job), its spooled copy deleted."""

from __future__ import annotations

import tracemalloc
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx

from tests.api.knowledge.support import as_person, ok, problem

MIB = 1024 * 1024
SIZE = 24 * MIB
BOUNDARY = "kdoors-boundary"


async def body() -> AsyncIterator[bytes]:
    yield (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nareas\r\n'
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n'
        "Content-Type: text/csv\r\n\r\n"
    ).encode()
    yield b"a;b;c\n"
    line = b"x" * 63 + b"\n"
    chunk = line * 1024  # 64 KiB
    for _ in range(SIZE // len(chunk)):
        yield chunk
    yield f"\r\n--{BOUNDARY}--\r\n".encode()


def spooled(app: Any) -> list[Path]:
    folder = Path(app.state.container.settings.state_dir) / "imports"
    return sorted(folder.rglob("*")) if folder.exists() else []


async def test_a_large_upload_is_never_held_whole(client: httpx.AsyncClient, app: Any) -> None:
    h = await as_person(client, "coordinator")
    before = spooled(app)
    tracemalloc.start()
    try:
        r = await client.post(
            "/api/imports",
            content=body(),
            headers={**h, "Content-Type": f"multipart/form-data; boundary={BOUNDARY}"},
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(f"upload of {SIZE // MIB} MiB: traced peak {peak / MIB:.2f} MiB")
    problem(r, 422, "import-columns")
    assert peak < SIZE // 4, f"peak {peak / MIB:.1f} MiB for a {SIZE // MIB} MiB upload"
    assert set(spooled(app)) <= set(before)  # the refused file is not kept
    assert ok(await client.get("/api/imports", headers=h))["total"] == 0
