"""Import readers room: the canonical CSV every reader produces (UTF-8, ``,``, ``"`` quoting,
``\\n`` line ends, no header) and the rules for turning a cell into its text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from domain.knowledge.errors import FileRejected
from domain.knowledge.limits import COLUMNS_MAX

Cell = str | int | float | bool | date | datetime | time | timedelta | Decimal | None


class CanonicalWriter:
    """Collects rows and hands them out as canonical CSV bytes. A one-column file quotes every
    cell, so a cell reading ``\\.`` is never taken for COPY's end-of-data marker."""

    def __init__(self, width: int) -> None:
        self._buf = io.StringIO()
        self._quote_all = width == 1
        if width == 1:
            self._writer = csv.writer(self._buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
        else:
            self._writer = csv.writer(self._buf, lineterminator="\n")

    def rows(self, rows: Iterable[Sequence[str]]) -> None:
        # The csv module leaves a bare CR unquoted under a \n terminator and COPY refuses it
        # ("unquoted carriage return"): rows holding one are rewritten with every such cell quoted.
        rows = rows if isinstance(rows, list) else list(rows)
        start = self._buf.tell()
        self._writer.writerows(rows)
        if self._quote_all or "\r" not in self._buf.getvalue()[start:]:
            return
        self._buf.seek(start)
        self._buf.truncate()
        for row in rows:
            self._buf.write(",".join(_quoted(c) if "\r" in c else _minimal(c) for c in row) + "\n")

    def take(self) -> bytes:
        text = self._buf.getvalue()
        self._buf.seek(0)
        self._buf.truncate()
        if "\x00" in text:  # NUL → U+FFFD; SQL reports the cell as control-character
            text = text.replace("\x00", "\ufffd")
        return text.encode("utf-8")


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


def _minimal(cell: str) -> str:
    return _quoted(cell) if any(c in cell for c in ',"\n') else cell


def cell_text(value: Cell) -> str:
    """A cell as text: numbers without float noise (12.0 → ``12``, 0.1 → ``0.1``), dates and
    times in ISO 8601, booleans ``true``/``false``, nothing as the empty string."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return number_text(value.total_seconds())
    return str(value)


def number_text(value: float) -> str:
    """A float as a spreadsheet shows it: 15 significant digits, no exponent, no ``.0``."""
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    text = format(Decimal(format(value, ".15g")), "f")
    return text if text != "-0" else "0"


def json_text(value: object) -> str:
    """A JSON Lines value as text; a list of plain values is joined with commas (``factors``)."""
    if isinstance(value, list) and all(not isinstance(v, list | dict) for v in value):
        return ",".join(json_text(v) for v in value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return cell_text(value)  # type: ignore[arg-type]


def checked_columns(names: Sequence[str]) -> list[str]:
    """The header as read, refused (``import-columns``) when too wide or a name repeats."""
    if len(names) > COLUMNS_MAX:
        raise FileRejected(
            "import-columns", f"Filen har {len(names)} kolonner; høyst {COLUMNS_MAX} er tillatt."
        )
    seen: dict[str, str] = {}
    for name in names:
        key = name.strip().casefold()
        if not key:
            continue
        if key in seen:
            raise FileRejected("import-columns", f"Kolonnen «{name.strip()}» finnes to ganger.")
        seen[key] = name
    if not seen:
        raise FileRejected("import-columns", "Første linje har ingen kolonnenavn.")
    return list(names)
