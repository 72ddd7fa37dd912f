"""Import readers room: a CSV file as canonical CSV chunks, streamed. A block of plain lines (no
quotes, no blank or ragged lines) passes through as bytes once UTF-8 is checked (a comma file)
or is translated as bytes (``;`` and tab files: the delimiter replaced, cells quoted when one
holds a comma); every other block (quoted fields, ragged or blank rows) is re-written by the csv
module. Memory holds one block (≈ 256 KiB, at most a 1 MiB record) whatever the file's size."""

from __future__ import annotations

import asyncio
import csv
import io
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

from adapters.imports.canonical import CanonicalWriter
from adapters.imports.csv_header import CsvHeader
from adapters.imports.lines import Block, decode, line_blocks, too_long, without_nul
from domain.knowledge.errors import FileRejected
from domain.knowledge.limits import LINE_MAX_BYTES


class CsvSource:
    """One CSV file's rows (an ``ImportSource``); ``chunks`` may be iterated once."""

    def __init__(self, path: Path, header: CsvHeader, bytes_total: int) -> None:
        self.columns: list[str] = header.columns
        self.delimiter = header.delimiter
        self.bytes_total = bytes_total
        self.bytes_read = 0
        self.rows_read = 0
        self._path = path
        self._header = header
        n = len(self.columns)
        d = re.escape(self.delimiter.encode())
        self._sep = self.delimiter.encode()
        self._plain = re.compile(rb"(?:(?:[^%b\n]*+%b){%d}[^%b\n]*+\n)*+" % (d, d, n - 1, d))
        self._blank = self._sep * (n - 1) + b"\n"
        self._writer = CanonicalWriter(n)

    async def chunks(self) -> AsyncIterator[bytes]:
        h = self._header
        with self._path.open("rb") as f:
            f.seek(h.body_offset)
            self.bytes_read = h.body_offset
            for block in _records(line_blocks(f, h.body_offset, h.body_line)):
                out = self._convert(block)
                self.bytes_read = block.offset + len(block.data)
                if out:
                    yield out
                await asyncio.sleep(0)  # let the COPY and other requests run between blocks
        if self.rows_read == 0:
            raise FileRejected("import-empty", "Filen har ingen rader under overskriftslinjen.")

    def _convert(self, block: Block) -> bytes:
        decode(block)  # UTF-8 or import-encoding, named by line and byte offset
        data = without_nul(block.data)
        if not data.endswith(b"\n"):
            data += b"\n"
        if b"\r" in data and b'"' not in data:  # a quoted cell keeps its own CRLF
            data = data.replace(b"\r\n", b"\n")
        if not self._plain_block(data):
            return self._rewrite(Block(data, block.offset, block.line))
        self.rows_read += data.count(b"\n")
        if self._sep == b",":
            return data
        if b"," not in data:
            return data.replace(self._sep, b",")
        # a cell holds a comma (12,5): every cell quoted, then the empty ones unquoted again —
        # the block holds no quote, so each "" is an empty cell. Three passes in C.
        quoted = data[:-1].replace(self._sep, b'","').replace(b"\n", b'"\n"')
        return (b'"' + quoted + b'"\n').replace(b'""', b"")

    def _plain_block(self, data: bytes) -> bool:
        """Whole lines without quotes, CRs, blank rows, each with the header's width: these
        pass through (a comma file) or are translated as bytes (``;`` and tab files)."""
        return (
            len(self.columns) > 1
            and b'"' not in data
            and b"\r" not in data
            and not data.startswith(self._blank)
            and b"\n" + self._blank not in data
            and self._plain.fullmatch(data) is not None
        )

    def _rewrite(self, block: Block) -> bytes:
        self._writer.rows(self._fitted(block))
        return self._writer.take()

    def _fitted(self, block: Block) -> Iterator[list[str]]:
        """The block's rows, each with the header's width; blank rows skipped."""
        n = len(self.columns)
        text = io.StringIO(block.data.decode("utf-8"), newline="")
        reader = csv.reader(text, delimiter=self.delimiter)
        for row in reader:
            if len(row) != n:
                if not any(c.strip() for c in row):
                    continue  # a blank line
                if len(row) < n:
                    row += [""] * (n - len(row))  # missing trailing cells: SQL says `required`
                elif any(c.strip() for c in row[n:]):
                    line = block.line + reader.line_num - 1
                    raise FileRejected(
                        "import-format",
                        f"Linje {line} har {len(row)} felt, men overskriftslinjen har {n}.",
                        {"line": line},
                    )
                else:
                    del row[n:]
            elif not any(row):
                continue  # ;;; — a spreadsheet's empty row
            self.rows_read += 1
            yield row


def _records(blocks: Iterator[Block]) -> Iterator[Block]:
    """The blocks re-cut at record ends: a quoted cell may hold line ends, so a block ends at
    the last line end outside quotes (an even number of ``"`` before it). A record still open
    after 1 MiB (an unclosed quote) is ``import-line-too-long``."""
    carry: Block | None = None
    for block in blocks:
        if carry is not None:
            block = Block(carry.data + block.data, carry.offset, carry.line)
            carry = None
        data = block.data
        if b'"' not in data or data.count(b'"') % 2 == 0:
            yield block
            continue
        cut, parity, end = 0, 1, len(data)
        while True:
            nl = data.rfind(b"\n", 0, end - 1)
            if nl < 0:
                break
            parity = (parity - data.count(b'"', nl + 1, end)) % 2
            if parity == 0:
                cut = nl + 1
                break
            end = nl + 1
        if cut:
            yield Block(data[:cut], block.offset, block.line)
        carry = Block(data[cut:], block.offset + cut, block.line + data.count(b"\n", 0, cut))
        if len(carry.data) > LINE_MAX_BYTES:
            raise too_long(carry.line, carry.offset)
    if carry is not None:
        yield carry
