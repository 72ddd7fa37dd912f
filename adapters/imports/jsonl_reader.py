"""Import readers room: a JSON Lines file (one object a line) as canonical CSV chunks, streamed.
The columns are the first object's keys; later keys it lacks are ignored, a missing key is an
empty cell. A line that is not JSON, or not an object, is ``import-format`` naming the line."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, BinaryIO

from adapters.imports.canonical import CanonicalWriter, checked_columns, json_text
from adapters.imports.lines import Block, decode, line_blocks
from domain.knowledge.errors import FileRejected
from domain.knowledge.limits import HEADER_SNIFF_BYTES

BOM = "\ufeff"


def _loads(line: str, number: int) -> dict[str, Any]:
    try:  # numbers keep their text (12.50 stays 12.50: no float noise)
        value = json.loads(line, parse_float=str, parse_constant=str)
    except ValueError:
        raise FileRejected(
            "import-format", f"Linje {number} er ikke gyldig JSON.", {"line": number}
        ) from None
    if not isinstance(value, dict):
        raise FileRejected(
            "import-format",
            f"Linje {number} er ikke et JSON-objekt (én post per linje).",
            {"line": number},
        )
    return value


def read_columns(f: BinaryIO, limit: int = HEADER_SNIFF_BYTES) -> list[str]:
    """The first object's keys, from at most ``limit`` bytes of the file's start."""
    head = f.read(limit)
    ended = len(head) < limit
    for block in line_blocks_of(head, ended):
        text = decode(block).removeprefix(BOM)
        for i, line in enumerate(text.split("\n")):
            if line.strip():
                return checked_columns([str(k) for k in _loads(line, block.line + i)])
    if ended:
        raise FileRejected("import-empty", "Filen er tom.")
    raise FileRejected("import-format", "Første post er lengre enn 64 KiB.")


def line_blocks_of(head: bytes, ended: bool) -> list[Block]:
    """The whole lines of ``head`` (its unterminated end too when the file ended there)."""
    cut = len(head) if ended else head.rfind(b"\n") + 1
    return [Block(head[:cut], 0, 1)] if cut else []


class JsonlSource:
    """One JSON Lines file's rows (an ``ImportSource``); ``chunks`` may be iterated once."""

    def __init__(self, path: Path, columns: list[str], bytes_total: int) -> None:
        self.columns = columns
        self.bytes_total = bytes_total
        self.bytes_read = 0
        self.rows_read = 0
        self._path = path
        self._writer = CanonicalWriter(len(columns))

    async def chunks(self) -> AsyncIterator[bytes]:
        with self._path.open("rb") as f:
            for block in line_blocks(f, 0, 1):
                out = self._convert(block)
                self.bytes_read = block.offset + len(block.data)
                if out:
                    yield out
                await asyncio.sleep(0)
        if self.rows_read == 0:
            raise FileRejected("import-empty", "Filen har ingen poster.")

    def _convert(self, block: Block) -> bytes:
        text = decode(block)
        if block.offset == 0:
            text = text.removeprefix(BOM)
        columns = self.columns
        rows = []
        for i, line in enumerate(text.split("\n")):
            if not line.strip():
                continue
            obj = _loads(line, block.line + i)
            rows.append([json_text(obj.get(c)) for c in columns])
        self.rows_read += len(rows)
        self._writer.rows(rows)
        return self._writer.take()
