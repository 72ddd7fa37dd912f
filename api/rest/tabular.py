"""Tables as CSV for Norwegian Excel (BOM, semicolons) and as XLSX, safe against formula injection."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell import Cell as XlCell
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

Cell = str | int | date | None  # an int stays a number in XLSX (sums, sorting)

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: str) -> str:
    """Text a spreadsheet shows as text: a leading apostrophe defuses a would-be formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return csv_safe(value)


def to_csv(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """UTF-8 with a BOM and ``;`` between fields: Excel set to Norwegian opens it as columns."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_safe(h) for h in header])
    writer.writerows([_text(v) for v in row] for row in rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx(sheet_title: str, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """One sheet; every text cell is stored as text (never a formula), dates as dates."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=_sheet_title(sheet_title))
    bold = Font(bold=True)

    def cell(value: Cell, *, head: bool = False) -> XlCell:
        if isinstance(value, date):
            c = WriteOnlyCell(ws, value=datetime(value.year, value.month, value.day))
            c.number_format = "DD.MM.YYYY"
        else:
            c = WriteOnlyCell(ws, value=value)
        if isinstance(value, str):
            c.data_type = "s"  # openpyxl reads "=..." as a formula unless told otherwise
        if head:
            c.font = bold
        return c

    ws.append([cell(h, head=True) for h in header])
    for row in rows:
        ws.append([cell(v) for v in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _sheet_title(title: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()
    return (cleaned or "Ark")[:31]
