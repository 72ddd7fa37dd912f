"""Import reader tests room: CSV files (``;`` with BOM and decimal comma, ``,``, tab, CRLF,
quoted cells holding delimiters, quotes and line ends) read back as the same cells."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from adapters.imports.readers import open_file
from domain.knowledge.model import ImportFormat
from tests.adapters.imports.support import collect, read_rows, write

CSV = ImportFormat.CSV
HEADER = ["indikator", "område", "periode", "verdi"]
ROWS = [
    ["ung.rus", "oslo-sagene", "2025H1", "12,5"],
    ["ung.rus", "oslo-grunerløkka", "2025", "7"],
    ["skole", "bergen", "2025Q3", ""],
]


def encoded(rows: list[list[str]], delimiter: str, line_end: str, bom: bool) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=line_end).writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode()


@pytest.mark.parametrize(
    ("delimiter", "line_end", "bom"),
    [(";", "\r\n", True), (";", "\n", False), (",", "\n", False), (",", "\r\n", True),
     ("\t", "\n", False)],
    ids=["semicolon-bom-crlf", "semicolon", "comma", "comma-bom-crlf", "tab"],
)  # fmt: skip
async def test_round_trip(tmp_path: Path, delimiter: str, line_end: str, bom: bool) -> None:
    path = write(tmp_path, "f.csv", encoded([HEADER, *ROWS], delimiter, line_end, bom))
    header, rows = await read_rows(path, CSV)
    assert header == HEADER
    assert rows == ROWS
    assert open_file(path, CSV).delimiter == delimiter


async def test_quoted_cells_keep_delimiters_quotes_and_line_ends(tmp_path: Path) -> None:
    tricky = [
        ["a;b,c", 'he said "hei"', "line one\nline two", "crlf\r\ninside"],
        ["", " spaced ", "æøå ÆØÅ ✓", "12,5"],
    ]
    for delimiter in (";", ","):
        path = write(tmp_path, "q.csv", encoded([HEADER, *tricky], delimiter, "\r\n", True))
        header, rows = await read_rows(path, CSV)
        assert (header, rows) == (HEADER, tricky)


async def test_a_comma_file_passes_through_byte_for_byte(tmp_path: Path) -> None:
    body = "".join(f"ind-{i},area-{i % 7},2025H{i % 2 + 1},{i}.5\n" for i in range(20_000))
    path = write(tmp_path, "fast.csv", ("a,b,c,d\n" + body).encode())
    assert await collect(open_file(path, CSV)) == body.encode()


async def test_blocks_split_inside_a_quoted_cell_join_again(tmp_path: Path) -> None:
    # quoted line ends everywhere, so the 256 KiB reads end inside a quoted cell again and again
    rows = [[f"r{i}", f"line\n{i}\n" * 50, "x;y", str(i)] for i in range(3_000)]
    path = write(tmp_path, "span.csv", encoded([HEADER, *rows], ";", "\n", False))
    assert (await read_rows(path, CSV))[1] == rows


async def test_blank_and_empty_spreadsheet_rows_are_skipped(tmp_path: Path) -> None:
    content = b"a;b;c\n1;2;3\n\n;;\n4;5;6\n;;\n"
    _, rows = await read_rows(write(tmp_path, "blank.csv", content), CSV)
    assert rows == [["1", "2", "3"], ["4", "5", "6"]]
    _, rows = await read_rows(write(tmp_path, "blank2.csv", content.replace(b";", b",")), CSV)
    assert rows == [["1", "2", "3"], ["4", "5", "6"]]


async def test_short_rows_are_padded_and_empty_extras_dropped(tmp_path: Path) -> None:
    _, rows = await read_rows(write(tmp_path, "r.csv", b"a;b;c\n1;2\n4;5;6;;\n7;8;9"), CSV)
    assert rows == [["1", "2", ""], ["4", "5", "6"], ["7", "8", "9"]]


async def test_nul_becomes_the_replacement_character_for_sql_to_flag(tmp_path: Path) -> None:
    _, rows = await read_rows(write(tmp_path, "nul.csv", b"a,b\nx\x00y,2\n"), CSV)
    assert rows == [["x\ufffdy", "2"]]


async def test_a_one_column_cell_reading_end_of_data_is_quoted(tmp_path: Path) -> None:
    data = await collect(open_file(write(tmp_path, "one.csv", b"a\n\\.\nb\n"), CSV))
    assert data == b'"\\."\n"b"\n'


async def test_plain_semicolon_and_tab_blocks_translate_as_the_csv_module_would(
    tmp_path: Path,
) -> None:
    # plain blocks (translated as bytes) and, every 5,000 rows, a quoted cell (the csv module)
    rows = [
        [f"ind-{i}", f'a "{i}";x' if i % 5000 == 0 else f"area-{i}", "2025H1", f"{i},5", "", "7"]
        for i in range(30_000)
    ]
    for delimiter in (";", "\t"):
        path = write(
            tmp_path, "t.csv", encoded([[*HEADER, "e", "f"], *rows], delimiter, "\n", False)
        )
        assert (await read_rows(path, CSV))[1] == rows
        data = await collect(open_file(path, CSV))
        assert b',"",' not in data  # an empty cell stays unquoted (NULL for COPY, as elsewhere)
