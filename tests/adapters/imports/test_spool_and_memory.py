"""Import reader tests room: the spool (random private names, size and SHA-256, nothing kept
past the limit or on failure) and flat memory while a 50 MB CSV streams through a reader."""

from __future__ import annotations

import hashlib
import os
import threading
import time
import tracemalloc
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import pytest

from adapters.imports import readers
from adapters.imports.readers import SpoolReaders
from adapters.imports.spool import DiskSpool
from domain.knowledge.errors import FileRejected
from domain.knowledge.model import ImportFormat

T = TypeVar("T")


async def stream(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


async def test_store_keeps_size_and_sha256_under_a_random_private_name(tmp_path: Path) -> None:
    spool = DiskSpool(tmp_path / "imports")
    stored = await spool.store(stream(b"a;b\n", b"1;2\n"), max_bytes=100)
    assert stored.size_bytes == 8
    assert stored.sha256 == hashlib.sha256(b"a;b\n1;2\n").hexdigest()
    path = spool.path(stored.ref)
    assert path.read_bytes() == b"a;b\n1;2\n"
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in spool.root.iterdir()] == [stored.ref]
    assert await SpoolReaders(spool).sniff(stored.ref, ImportFormat.CSV) == ["a", "b"]
    spool.delete(stored.ref)
    spool.delete(stored.ref)  # idempotent
    assert list(spool.root.iterdir()) == []


async def test_over_the_limit_keeps_nothing(tmp_path: Path) -> None:
    spool = DiskSpool(tmp_path / "imports")
    with pytest.raises(FileRejected) as caught:
        await spool.store(stream(b"x" * 60, b"y" * 60), max_bytes=100)
    assert caught.value.code == "import-too-large"
    assert list(spool.root.iterdir()) == []


async def test_a_failing_upload_keeps_nothing(tmp_path: Path) -> None:
    async def broken() -> AsyncIterator[bytes]:
        yield b"a;b\n"
        raise ConnectionResetError

    spool = DiskSpool(tmp_path / "imports")
    with pytest.raises(ConnectionResetError):
        await spool.store(broken(), max_bytes=100)
    assert list(spool.root.iterdir()) == []


def test_unfinished_writes_of_a_killed_process_are_dropped_once_old(tmp_path: Path) -> None:
    spool = DiskSpool(tmp_path / "imports")
    assert spool.drop_unfinished(datetime.now(UTC)) == 0  # no spool folder yet
    spool.root.mkdir()
    old, fresh, done = (spool.root / f"{c * 32}.part" for c in "abc")
    for part in (old, fresh, done):
        part.write_bytes(b"a;b\n")
    done.rename(spool.root / ("c" * 32))  # a finished upload is never a .part
    stranger = spool.root / "notes.part"  # not a name the spool gives
    stranger.write_bytes(b"x")
    day_ago = time.time() - 25 * 3600
    for path in (old, stranger):
        os.utime(path, (day_ago, day_ago))
    assert spool.drop_unfinished(datetime.now(UTC) - timedelta(hours=24)) == 1
    assert sorted(p.name for p in spool.root.iterdir()) == [
        "b" * 32 + ".part",
        "c" * 32,
        "notes.part",
    ]


@pytest.mark.parametrize("ref", ["../etc/passwd", "", "ABC", "0" * 31, "0" * 32 + "/x"])
def test_refs_that_are_not_the_spools_are_refused(tmp_path: Path, ref: str) -> None:
    with pytest.raises(ValueError, match="spool"):
        DiskSpool(tmp_path).path(ref)


@pytest.mark.parametrize(
    ("delimiter", "mib"), [(b",", 50), (b";", 4)], ids=["comma-50-mb", "semicolon-4-mb"]
)  # the csv module's path allocates per cell: tracemalloc makes it slow, so a smaller file
async def test_memory_stays_flat_over_a_big_csv(tmp_path: Path, delimiter: bytes, mib: int) -> None:
    path = tmp_path / "big.csv"
    line = delimiter.join([b"ung.rus", b"oslo-sagene", b"2025H1", b"all", b"all", b"12", b"7"])
    with path.open("wb") as f:
        f.write(delimiter.join([b"a", b"b", b"c", b"d", b"e", b"f", b"g"]) + b"\n")
        for _ in range(mib):
            f.write((line + b"\n") * (1024 * 1024 // (len(line) + 1)))
    assert path.stat().st_size > mib * 1_000_000
    spool = DiskSpool(tmp_path)
    ref = "0" * 32
    path.rename(spool.path(ref))
    source = await SpoolReaders(spool).open(ref, ImportFormat.CSV)
    tracemalloc.start()
    total = 0
    try:
        async for chunk in source.chunks():
            total += len(chunk)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert source.rows_read > mib * 26_000
    assert total > mib * 900_000
    # a 256 KiB block as bytes, text and StringIO (4 bytes a character) in and out: ≈ 1.3-3.3 MB
    assert peak < 6 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


async def test_files_are_opened_off_the_event_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening an XLSX parses the whole sheet (about a second per 200,000 rows): on the loop
    it would stall every request the server is answering meanwhile."""
    spool = DiskSpool(tmp_path / "imports")
    stored = await spool.store(stream(b"a;b\n1;2\n"), max_bytes=100)
    threads: list[int] = []

    def recording(real: Callable[[Path, ImportFormat], T]) -> Callable[[Path, ImportFormat], T]:
        def call(path: Path, fmt: ImportFormat) -> T:
            threads.append(threading.get_ident())
            return real(path, fmt)

        return call

    monkeypatch.setattr(readers, "open_file", recording(readers.open_file))
    monkeypatch.setattr(readers, "sniff_file", recording(readers.sniff_file))
    assert await SpoolReaders(spool).sniff(stored.ref, ImportFormat.CSV) == ["a", "b"]
    source = await SpoolReaders(spool).open(stored.ref, ImportFormat.CSV)
    assert source.columns == ["a", "b"]
    assert len(threads) == 2 and threading.get_ident() not in threads


async def test_finished_files_are_listed_by_age(tmp_path: Path) -> None:
    spool = DiskSpool(tmp_path / "imports")
    assert spool.stored_before(datetime.now(UTC)) == []  # no spool folder yet
    old = await spool.store(stream(b"a;b\n"), max_bytes=100)
    fresh = await spool.store(stream(b"a;b\n"), max_bytes=100)
    (spool.root / ("d" * 32 + ".part")).write_bytes(b"x")  # unfinished: not a stored file
    day_ago = time.time() - 25 * 3600
    for path in (spool.path(old.ref), spool.root / ("d" * 32 + ".part")):
        os.utime(path, (day_ago, day_ago))
    day = datetime.now(UTC) - timedelta(hours=24)
    assert spool.stored_before(day) == [old.ref]
    assert sorted(spool.stored_before(datetime.now(UTC) + timedelta(seconds=1))) == sorted(
        [old.ref, fresh.ref]
    )
