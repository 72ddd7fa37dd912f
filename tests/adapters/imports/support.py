"""Import reader tests room: helpers — write a file, open it, collect its canonical CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from adapters.imports.readers import Source, open_file, sniff_file
from domain.knowledge.model import ImportFormat


async def collect(source: Source) -> bytes:
    return b"".join([chunk async for chunk in source.chunks()])


async def read_rows(path: Path, fmt: ImportFormat) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of the file, parsed back from the canonical CSV."""
    source = open_file(path, fmt)
    data = await collect(source)
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in data or b'"' in data  # CR only inside quoted cells
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert source.rows_read == len(rows)
    assert source.bytes_read == source.bytes_total
    assert sniff_file(path, fmt) == list(source.columns)
    return list(source.columns), rows


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path
