"""Import reader tests room: every bad file is refused with its ``FileRejected`` code and a
message naming where — at open or sniff when the start shows it, mid-stream otherwise."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from adapters.imports.readers import open_file, sniff_file
from domain.knowledge.errors import FileRejected
from domain.knowledge.model import ImportFormat
from tests.adapters.imports import bad_files
from tests.adapters.imports.support import collect, write

CSV, JSONL, XLSX = ImportFormat.CSV, ImportFormat.JSONL, ImportFormat.XLSX


async def refused(path: Path, fmt: ImportFormat) -> FileRejected:
    with pytest.raises(FileRejected) as caught:
        await collect(open_file(path, fmt))
    return caught.value


@pytest.mark.parametrize(
    ("content", "fmt", "code"),
    [
        (b"", CSV, "import-empty"),
        (b"\xef\xbb\xbf  \r\n", CSV, "import-empty"),
        (b"a;b;c", CSV, "import-empty"),
        (b"a;b;c\r\n", CSV, "import-empty"),
        (b"a;b;c\n;;\n\n", CSV, "import-empty"),
        (b"\na;b\n1;2\n", CSV, "import-columns"),
        (b"a;b;A\n1;2;3\n", CSV, "import-columns"),
        (";".join(f"c{i}" for i in range(201)).encode() + b"\n1\n", CSV, "import-columns"),
        (b"a;b\n1;2\n3;4;5\n", CSV, "import-format"),
        ("område;verdi\nSøgne;1\n".encode("latin-1"), CSV, "import-encoding"),
        (b"", JSONL, "import-empty"),
        (b"\n\n", JSONL, "import-empty"),
        (b'{"a": 1}\n{"a": 2}\n{"a": 3,\n', JSONL, "import-format"),
        (b'{"a": 1}\n[1, 2]\n', JSONL, "import-format"),
        (b"[1, 2]\n", JSONL, "import-format"),
        (b'{"a": "\xe6"}\n', JSONL, "import-encoding"),
    ],
    ids=[
        "empty", "bom-and-blank", "header-only", "header-only-crlf", "blank-rows-only",
        "blank-first-line", "duplicate-column", "201-columns", "extra-field", "latin-1",
        "jsonl-empty", "jsonl-blank", "jsonl-invalid-line-3", "jsonl-array-line",
        "jsonl-first-not-object", "jsonl-latin-1",
    ],
)  # fmt: skip
async def test_bad_text_files(tmp_path: Path, content: bytes, fmt: ImportFormat, code: str) -> None:
    assert (await refused(write(tmp_path, "bad", content), fmt)).code == code


async def test_encoding_error_names_line_and_offset_even_past_the_sniffed_start(
    tmp_path: Path,
) -> None:
    body = b"".join(b"oslo;%d\n" % i for i in range(20_000))  # ~190 KiB of good lines
    path = write(tmp_path, "late.csv", b"omr;verdi\n" + body + "Søgne;1\n".encode("latin-1"))
    assert sniff_file(path, CSV) == ["omr", "verdi"]  # the first 64 KiB are fine
    error = await refused(path, CSV)
    assert error.code == "import-encoding"
    assert error.errors[0].params == {"line": 20_002, "offset": 10 + len(body) + 1}
    assert "linje 20002" in error.message


async def test_a_100_mb_line_is_refused_after_reading_about_a_mib(tmp_path: Path) -> None:
    path = bad_files.long_line(tmp_path / "long.csv", b"a,b\n")
    source = open_file(path, CSV)
    with pytest.raises(FileRejected) as caught:
        await collect(source)
    assert caught.value.code == "import-line-too-long"
    assert caught.value.errors[0].params["line"] == 2
    assert source.bytes_read < 2 * bad_files.MIB
    jsonl = bad_files.long_line(tmp_path / "long.jsonl", b'{"a": 1}\n', 2 * bad_files.MIB)
    assert (await refused(jsonl, JSONL)).code == "import-line-too-long"


async def test_an_unclosed_quote_is_refused_after_a_mib(tmp_path: Path) -> None:
    body = b'"never closed;1\n' + b"oslo;2\n" * 300_000
    assert (await refused(write(tmp_path, "q.csv", b"a;b\n" + body), CSV)).code == (
        "import-line-too-long"
    )


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (bad_files.ratio_bomb, "import-archive-unsafe"),
        (bad_files.declared_bomb, "import-archive-unsafe"),
        (bad_files.lying_size, "import-archive-unsafe"),
        (bad_files.encrypted, "import-archive-unsafe"),
        (bad_files.nested, "import-archive-unsafe"),
        (bad_files.many_entries, "import-archive-unsafe"),
        (bad_files.no_sheet, "import-format"),
        (bad_files.random_bytes, "import-format"),
        (bad_files.password_protected, "import-format"),
    ],
    ids=["ratio-bomb", "declared-bomb", "lying-size", "encrypted", "nested", "many-entries",
         "no-sheet", "random-bytes", "password-protected"],
)  # fmt: skip
def test_bad_spreadsheets(tmp_path: Path, make: Callable[[Path], Path], code: str) -> None:
    path = make(tmp_path / "bad.xlsx")
    with pytest.raises(FileRejected) as caught:
        sniff_file(path, XLSX)
    assert caught.value.code == code
    with pytest.raises(FileRejected):
        open_file(path, XLSX)


def test_a_csv_named_xlsx_is_not_a_spreadsheet(tmp_path: Path) -> None:
    with pytest.raises(FileRejected) as caught:
        open_file(write(tmp_path, "x.xlsx", b"a;b\n1;2\n"), XLSX)
    assert caught.value.code == "import-format"
