"""Import reader tests room: a generator of bad files — wrong encoding, a 100 MB line written
lazily, zip bombs disguised as XLSX (by ratio, by declared size, by a size that lies), encrypted
and nested entries, too many entries, random bytes."""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
from pathlib import Path

SHEET = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'
WORKBOOK = b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
MIB = 1024 * 1024


def long_line(path: Path, header: bytes, size: int = 100 * MIB) -> Path:
    """A file whose second line is ``size`` bytes, written a MiB at a time."""
    with path.open("wb") as f:
        f.write(header)
        block = b"x" * MIB
        for _ in range(size // MIB):
            f.write(block)
        f.write(b"\n")
    return path


def xlsx_zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", WORKBOOK)
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def ratio_bomb(path: Path) -> Path:
    """20 MiB of zeros deflate to ~20 KiB: 1000:1."""
    return xlsx_zip(path, {"xl/worksheets/sheet1.xml": bytes(20 * MIB)})


def _patch_central(path: Path, name: bytes, offset: int, fmt: str, value: int) -> None:
    """Overwrites one field of ``name``'s central directory record."""
    data = bytearray(path.read_bytes())
    at = 0
    while True:
        at = data.index(b"PK\x01\x02", at)
        (name_len,) = struct.unpack_from("<H", data, at + 28)
        if bytes(data[at + 46 : at + 46 + name_len]) == name:
            struct.pack_into(fmt, data, at + offset, value)
            path.write_bytes(bytes(data))
            return
        at += 4


def declared_bomb(path: Path) -> Path:
    """A small sheet that declares 4 GiB − 1 unpacked."""
    xlsx_zip(path, {"xl/worksheets/sheet1.xml": SHEET})
    _patch_central(path, b"xl/worksheets/sheet1.xml", 24, "<I", 0xFFFFFFFF)
    return path


def lying_size(path: Path) -> Path:
    """A sheet that declares 100 bytes but unpacks to 5 MiB."""
    xlsx_zip(path, {"xl/worksheets/sheet1.xml": SHEET + b" " * (5 * MIB)})
    _patch_central(path, b"xl/worksheets/sheet1.xml", 24, "<I", 100)
    return path


def encrypted(path: Path) -> Path:
    xlsx_zip(path, {"xl/worksheets/sheet1.xml": SHEET})
    _patch_central(path, b"xl/worksheets/sheet1.xml", 8, "<H", 0x1)
    return path


def nested(path: Path) -> Path:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("a.txt", b"a")
    return xlsx_zip(path, {"xl/worksheets/sheet1.xml": SHEET, "xl/embed/x.zip": inner.getvalue()})


def many_entries(path: Path, n: int = 10_001) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("xl/workbook.xml", WORKBOOK)
        zf.writestr("xl/worksheets/sheet1.xml", SHEET)
        for i in range(n):
            zf.writestr(f"x/{i}", b"")
    return path


def no_sheet(path: Path) -> Path:
    return xlsx_zip(path, {"docProps/app.xml": b"<x/>"})


def random_bytes(path: Path, size: int = 64 * 1024) -> Path:
    path.write_bytes(random.Random(12).randbytes(size))
    return path


def password_protected(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4096))
    return path
