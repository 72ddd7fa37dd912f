"""Import readers room: ``FileReaders`` over the spool — opens a spooled file as canonical CSV
in its format (CSV, JSON Lines, XLSX) or reads just its header."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from adapters.imports.csv_header import read_header
from adapters.imports.csv_reader import CsvSource
from adapters.imports.jsonl_reader import JsonlSource, read_columns
from adapters.imports.spool import DiskSpool
from adapters.imports.xlsx_reader import XlsxSource
from domain.knowledge.errors import FileRejected
from domain.knowledge.limits import LINE_MAX_BYTES
from domain.knowledge.model import ImportFormat

Source = CsvSource | JsonlSource | XlsxSource


class SpoolReaders:
    """A ``FileReaders`` for the files of one ``DiskSpool``."""

    def __init__(self, spool: DiskSpool) -> None:
        self.spool = spool

    # In a worker thread: an XLSX is parsed whole by calamine when opened (about a second per
    # 200,000 rows), which would stall every other request on the server's event loop.
    async def open(self, ref: str, fmt: ImportFormat) -> Source:
        return await asyncio.to_thread(open_file, self.spool.path(ref), fmt)

    async def sniff(self, ref: str, fmt: ImportFormat) -> Sequence[str]:
        return await asyncio.to_thread(sniff_file, self.spool.path(ref), fmt)


def open_file(path: Path, fmt: ImportFormat) -> Source:
    """The file as an ``ImportSource``; ``FileRejected`` when its start is already wrong."""
    size = _size(path)
    if fmt is ImportFormat.XLSX:
        return XlsxSource(path, size)
    with path.open("rb") as f:
        if fmt is ImportFormat.JSONL:
            return JsonlSource(path, read_columns(f, LINE_MAX_BYTES), size)
        return CsvSource(path, read_header(f), size)


def sniff_file(path: Path, fmt: ImportFormat) -> list[str]:
    """The header names from the first 64 KiB (XLSX: the guard, then the first row)."""
    if fmt is ImportFormat.XLSX:
        return list(XlsxSource(path, _size(path)).columns)
    with path.open("rb") as f:
        return read_columns(f) if fmt is ImportFormat.JSONL else read_header(f).columns


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        raise FileRejected("import-format", "Den opplastede filen finnes ikke lenger.") from None
