"""Import readers room: a CSV file's header line — BOM, delimiter (``;``, ``,`` or tab, sniffed
outside quotes), column names — read from at most the first 64 KiB."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import BinaryIO

from adapters.imports.canonical import checked_columns
from adapters.imports.lines import encoding_error
from domain.knowledge.errors import FileRejected
from domain.knowledge.limits import HEADER_SNIFF_BYTES

BOM = b"\xef\xbb\xbf"
DELIMITERS = (";", ",", "\t")
_QUOTED = re.compile(r'"[^"]*"')


@dataclass(frozen=True, slots=True)
class CsvHeader:
    columns: list[str]
    delimiter: str
    body_offset: int  # the first data line's byte offset
    body_line: int  # … and its line number (the header is line 1)


def read_header(f: BinaryIO) -> CsvHeader:
    """The header of the file ``f`` (at its start). Also checks the rest of the first 64 KiB
    is UTF-8, so an upload in the wrong encoding is refused at once."""
    head = f.read(HEADER_SNIFF_BYTES)
    ended = len(head) < HEADER_SNIFF_BYTES
    start = len(BOM) if head.startswith(BOM) else 0
    if not head[start:].strip():
        raise FileRejected("import-empty", "Filen er tom.")
    end = _record_end(head, start)
    if end is None:
        if ended:
            raise FileRejected("import-empty", "Filen har bare en overskriftslinje, ingen rader.")
        raise FileRejected(
            "import-columns", "Overskriftslinjen er lengre enn 64 KiB (er dette en CSV-fil?)."
        )
    sniffed = head if ended else head[: head.rfind(b"\n") + 1]
    try:
        sniffed[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise encoding_error(sniffed, start + exc.start, 0, 1) from None
    text = head[start:end].decode("utf-8")
    delimiter = sniff_delimiter(text)
    names = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
    columns = checked_columns([n.strip("\r\n") for n in names])
    if ended and not head[end:].strip():
        raise FileRejected("import-empty", "Filen har bare en overskriftslinje, ingen rader.")
    return CsvHeader(columns, delimiter, end, 1 + head.count(b"\n", 0, end))


def _record_end(head: bytes, start: int) -> int | None:
    """The offset just past the header record's line end (a quoted name may hold a newline)."""
    at = start
    while True:
        nl = head.find(b"\n", at)
        if nl < 0:
            return None
        if head.count(b'"', start, nl) % 2 == 0:
            return nl + 1
        at = nl + 1


def sniff_delimiter(header: str) -> str:
    """The delimiter the header line uses most outside quotes (``,`` for one column)."""
    bare = _QUOTED.sub("", header)
    counts = {d: bare.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","
