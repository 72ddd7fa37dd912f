"""Import readers room: a file read as blocks of whole lines, with the byte-level checks every
text format shares (UTF-8 validity, the 1 MiB line limit, NUL bytes)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from domain.knowledge.errors import FileRejected
from domain.knowledge.limits import LINE_MAX_BYTES

READ_SIZE = 256 * 1024  # one read; a block is the whole lines of one or a few reads
REPLACEMENT = "\ufffd".encode()  # NUL becomes U+FFFD: SQL flags it per row as control-character


@dataclass(slots=True)
class Block:
    """Whole lines of the file: ``data`` ends with ``\\n`` (except the file's unterminated last
    line), ``offset`` is its first byte's offset in the file, ``line`` its first line's number."""

    data: bytes
    offset: int
    line: int


def line_blocks(f: BinaryIO, offset: int, line: int, read_size: int = READ_SIZE) -> Iterator[Block]:
    """Blocks of whole lines from ``f`` (positioned at ``offset``, line ``line``); a line over
    ``LINE_MAX_BYTES`` is ``import-line-too-long``, found without holding more than it."""
    tail = b""
    while True:
        chunk = f.read(read_size)
        if not chunk:
            break
        data = tail + chunk if tail else chunk
        cut = data.rfind(b"\n") + 1
        if cut == 0:
            if len(data) > LINE_MAX_BYTES:
                raise too_long(line, offset)
            tail = data
            continue
        if len(data) > LINE_MAX_BYTES:  # only a long carried tail can make a line this long
            first = data.find(b"\n")
            if first > LINE_MAX_BYTES:
                raise too_long(line, offset)
        block = data[:cut] if cut < len(data) else data
        tail = data[cut:]
        yield Block(block, offset, line)
        offset += cut
        line += block.count(b"\n")
    if tail:
        yield Block(tail, offset, line)


def too_long(line: int, offset: int) -> FileRejected:
    mib = LINE_MAX_BYTES // (1024 * 1024)
    return FileRejected(
        "import-line-too-long",
        f"Linje {line} (fra byte {offset}) er lengre enn {mib} MiB.",
        {"line": line, "offset": offset},
    )


def decode(block: Block) -> str:
    """The block as text; not UTF-8 is ``import-encoding`` naming the line and byte offset."""
    try:
        return block.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise encoding_error(block.data, exc.start, block.offset, block.line) from None


def encoding_error(data: bytes, at: int, offset: int, line: int) -> FileRejected:
    where = line + data.count(b"\n", 0, at)
    return FileRejected(
        "import-encoding",
        f"Filen er ikke UTF-8: ugyldig byte på linje {where} (byte {offset + at}). "
        "Lagre filen som UTF-8 (CSV UTF-8 i Excel) og prøv igjen.",
        {"line": where, "offset": offset + at},
    )


def without_nul(data: bytes) -> bytes:
    """NUL bytes replaced by U+FFFD (PostgreSQL's COPY refuses NUL; the row keeps its place
    and SQL validation reports the cell as ``control-character``)."""
    return data.replace(b"\x00", REPLACEMENT) if b"\x00" in data else data
