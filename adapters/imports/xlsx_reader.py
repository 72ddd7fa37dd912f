"""Import readers room: the first sheet of an XLSX (after the zip guard) as canonical CSV chunks,
read with python-calamine. The first non-empty row is the header; numbers come without float
noise (12.0 → ``12``), dates in ISO 8601. Calamine holds the sheet in memory; the guard bounds
it (an entry unpacks to at most 200 MiB)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook

from adapters.imports.canonical import CanonicalWriter, Cell, cell_text, checked_columns
from adapters.imports.xlsx_guard import check_xlsx
from domain.knowledge.errors import FileRejected

BATCH = 5000  # rows per chunk

Row = Sequence[Cell]


class XlsxSource:
    """One workbook's first sheet (an ``ImportSource``); ``chunks`` may be iterated once."""

    def __init__(self, path: Path, bytes_total: int) -> None:
        check_xlsx(path)
        rows, height = _sheet_rows(path)
        header = next(rows, None)
        if header is None:
            raise FileRejected("import-empty", "Det første arket er tomt.")
        names = [cell_text(c).strip("\r\n") for c in header]
        while names and not names[-1].strip():
            names.pop()
        self.columns = checked_columns(names)
        self.bytes_total = bytes_total
        self.bytes_read = 0
        self.rows_read = 0
        self._rows = rows
        self._height = max(height - 1, 1)
        self._writer = CanonicalWriter(len(self.columns))

    async def chunks(self) -> AsyncIterator[bytes]:
        width = len(self.columns)
        batch: list[list[str]] = []
        seen = 0
        for row in self._rows:
            seen += 1
            cells = [cell_text(c) for c in row[:width]]
            if not any(c.strip() for c in cells):
                continue  # an empty row
            cells += [""] * (width - len(cells))
            batch.append(cells)
            if len(batch) == BATCH:
                yield self._flush(batch, seen)
                batch = []
                await asyncio.sleep(0)
        if batch:
            yield self._flush(batch, seen)
        self.bytes_read = self.bytes_total
        if self.rows_read == 0:
            raise FileRejected(
                "import-empty", "Det første arket har ingen rader under overskriften."
            )

    def _flush(self, batch: list[list[str]], seen: int) -> bytes:
        self.rows_read += len(batch)
        self.bytes_read = min(self.bytes_total, self.bytes_total * seen // self._height)
        self._writer.rows(batch)
        return self._writer.take()


def _sheet_rows(path: Path) -> tuple[Iterator[Row], int]:
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        if not workbook.sheet_names:
            raise FileRejected("import-format", "Regnearket har ingen ark.")
        sheet = workbook.get_sheet_by_index(0)
        return iter(sheet.iter_rows()), sheet.height
    except (CalamineError, ValueError):
        raise FileRejected(
            "import-format", "Filen kan ikke leses som et Excel-regneark (.xlsx)."
        ) from None
