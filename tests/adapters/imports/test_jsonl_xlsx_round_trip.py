"""Import reader tests room: JSON Lines and XLSX files read back as the cells they hold —
numbers without float noise, dates in ISO 8601, the first row or object naming the columns."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from openpyxl import Workbook

from adapters.imports.readers import open_file
from domain.knowledge.model import ImportFormat
from tests.adapters.imports.support import collect, read_rows, write


async def test_json_lines(tmp_path: Path) -> None:
    lines = [
        {"code": "ung.rus", "value": 12.50, "count": 7, "ok": True, "note": None, "f": ["a", "b"]},
        {"code": "skole", "value": "12,5", "count": 0, "ok": False, "extra": "ignored"},
        {"code": 'quote " and, comma', "note": "line\nbreak æøå"},
    ]
    text = "\ufeff" + "\n\n".join(json.dumps(o, ensure_ascii=False) for o in lines) + "\n"
    header, rows = await read_rows(write(tmp_path, "f.jsonl", text.encode()), ImportFormat.JSONL)
    assert header == ["code", "value", "count", "ok", "note", "f"]
    assert rows == [
        ["ung.rus", "12.5", "7", "true", "", "a,b"],
        ["skole", "12,5", "0", "false", "", ""],
        ['quote " and, comma', "", "", "", "line\nbreak æøå", ""],
    ]


async def test_json_numbers_keep_their_text(tmp_path: Path) -> None:
    path = write(tmp_path, "n.jsonl", b'{"v": 0.1, "w": 12.50, "x": 1e3, "y": {"n": 1}}')
    _, rows = await read_rows(path, ImportFormat.JSONL)
    assert rows == [["0.1", "12.50", "1e3", '{"n": 1}']]


async def test_json_nul_in_a_string_is_replaced(tmp_path: Path) -> None:
    path = write(tmp_path, "nul.jsonl", b'{"a": "x\\u0000y", "b": 1}\n')
    assert await collect(open_file(path, ImportFormat.JSONL)) == "x\ufffdy,1\n".encode()


def workbook(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    wb.create_sheet("second").append(["not", "read"])
    wb.save(path)
    return path


async def test_xlsx_first_sheet(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "f.xlsx",
        [
            ["indikator", "område", "periode", "verdi", "dato", None],
            ["ung.rus", "oslo", "2025H1", 12.0, dt.date(2025, 3, 1)],
            ["ung.rus", "bergen", 2025, 12.5, dt.datetime(2025, 3, 1, 14, 30)],
            [None, None, None, None, None],
            ["skole", "a;b,c", "2025", 0.1, None, "no header: ignored"],
            ["x", 'q"q', "2025", 1234567890123.0, None],
        ],
    )
    header, rows = await read_rows(path, ImportFormat.XLSX)
    assert header == ["indikator", "område", "periode", "verdi", "dato"]
    assert rows == [
        ["ung.rus", "oslo", "2025H1", "12", "2025-03-01"],
        ["ung.rus", "bergen", "2025", "12.5", "2025-03-01T14:30:00"],
        ["skole", "a;b,c", "2025", "0.1", ""],
        ["x", 'q"q', "2025", "1234567890123", ""],
    ]
