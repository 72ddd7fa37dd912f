"""Knowledge domain room: the per-row validator generated from a ``KindSpec`` — the reference the
SQL validation is tested against (the same table of bad rows runs through both) and what the fakes'
pipeline uses. Pure.

Per cell at most ONE error: the first check that fails, in this order — ``control-character``
(raw cell), empty (→ the default, ``required`` or NULL), ``too-long`` (trimmed, in characters),
the type (``not-a-number``, ``not-an-integer``, ``bad-date``, ``bad-period``, ``bad-code``,
``unknown-code``), the range (``negative``, ``out-of-range``), the reference (``unknown-indicator``,
``unknown-area``, ``unknown-municipality``; a malformed referencing code is unknown too), the rule
(``not-pseudonymous``). Then per row: ``duplicate-key`` for every row after the first whose key
columns are all valid and equal (column None). Cells are trimmed of spaces and tabs only."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from domain.knowledge import limits as lim
from domain.knowledge.kinds import Column, ColumnType, KindSpec, Reference, Rule
from domain.knowledge.model import Row, RowError
from domain.knowledge.periods import Period

ROW_ERROR_CODES = (
    "required",
    "too-long",
    "not-a-number",
    "not-an-integer",
    "negative",
    "out-of-range",
    "bad-date",
    "bad-period",
    "bad-code",
    "unknown-code",
    "unknown-indicator",
    "unknown-area",
    "unknown-municipality",
    "duplicate-key",
    "not-pseudonymous",
    "control-character",
)
TRIM = " \t"
# U+FFFD too: the readers put it where a file had NUL (COPY takes no NUL), and the SQL
# validation flags it; a replacement character in data is never a value worth keeping.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")
CODE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
INTEGER = re.compile(r"^[+-]?[0-9]+$")
DECIMAL = re.compile(r"^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$")
ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
NORWEGIAN_DATE = re.compile(r"^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})$")
PSEUDONYM = re.compile(r"^[A-Za-z0-9_-]{8,128}$")
# An identity number as 11 digits or as written, DDMMYY-NNNNN (also with _).
ELEVEN_DIGITS = re.compile(r"[0-9]{11}|[0-9]{6}[-_][0-9]{5}")
# Keys of the form of a digest (32-128 hex digits after a short prefix such as ``pseudo-``) or
# of a UUID are pseudonymous by form and not searched for 11 digits: a hex digest has 11 digits
# in a row in ~25 % of cases and a UUID's last group in ~1 %, so with all-or-nothing imports a
# file of such keys could never load. An identity number is 11 digits: never of either form.
DIGEST = re.compile(r"^[A-Za-z_-]{0,16}[0-9A-Fa-f]{32,128}$")
UUID_FORM = re.compile(
    r"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"
)


def pseudonymous(key: str) -> bool:
    """A subject key that can be nothing but a pseudonym: 8-128 of A-Z a-z 0-9 _ -, and of the
    form of a digest or UUID or without an identity number's 11 digits in it."""
    if not PSEUDONYM.match(key):
        return False
    return bool(DIGEST.match(key) or UUID_FORM.match(key)) or not ELEVEN_DIGITS.search(key)


_UNKNOWN = {
    Reference.INDICATOR: "unknown-indicator",
    Reference.AREA: "unknown-area",
    Reference.MUNICIPALITY: "unknown-municipality",
}
MESSAGES: dict[str, str] = {
    "required": "A value is required.",
    "too-long": "The value is too long.",
    "not-a-number": "Not a number (use 12.5 or 12,5).",
    "not-an-integer": "Not a whole number.",
    "negative": "The number must not be negative.",
    "out-of-range": "The number is outside the allowed range.",
    "bad-date": "Not a date (use YYYY-MM-DD or DD.MM.YYYY).",
    "bad-period": "Not a period (use YYYY, YYYYH1/H2 or YYYYQ1..Q4).",
    "bad-code": "A code is lowercase letters, digits, '.', '_' and '-' (at most 64).",
    "unknown-code": "Not one of the allowed values.",
    "unknown-indicator": "No indicator of the unit has this code.",
    "unknown-area": "No area of the unit has this code.",
    "unknown-municipality": "Not one of the unit's municipalities.",
    "duplicate-key": "The same key appeared on an earlier row of the file.",
    "not-pseudonymous": "Not a pseudonymous key (8-128 of A-Z a-z 0-9 _ -, no identity number).",
    "control-character": "The value contains a control character.",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class RowContext:
    """The unit's codes that rows may refer to (as they were before the import)."""

    indicators: frozenset[str] = frozenset()
    areas: frozenset[str] = frozenset()
    municipalities: frozenset[str] = frozenset()

    def known(self, ref: Reference) -> frozenset[str]:
        if ref is Reference.INDICATOR:
            return self.indicators
        return self.areas if ref is Reference.AREA else self.municipalities


class CellError(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _integer(col: Column, text: str) -> str:
    if not INTEGER.match(text):
        raise CellError("not-an-integer")
    n = int(text)
    if n < 0 and (col.minimum is None or col.minimum >= 0):
        raise CellError("negative")
    if (col.minimum is not None and n < col.minimum) or (
        col.maximum is not None and n > col.maximum
    ):
        raise CellError("out-of-range")
    return str(n)


def _decimal(text: str) -> str:
    if not DECIMAL.match(text):
        raise CellError("not-a-number")
    try:
        d = Decimal(text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise CellError("not-a-number") from None
    digits, _, decimals = f"{abs(d):f}".partition(".")
    if len(digits.lstrip("0")) > lim.VALUE_MAX_DIGITS or len(decimals) > lim.VALUE_SCALE:
        raise CellError("out-of-range")
    return f"{d:f}"


def _date(text: str) -> str:
    if m := ISO_DATE.match(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := NORWEGIAN_DATE.match(text):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        raise CellError("bad-date")
    if not lim.YEAR_MIN <= y <= lim.YEAR_MAX:
        raise CellError("bad-date")
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        raise CellError("bad-date") from None


def _enum(col: Column, text: str) -> str:
    word = text.lower()
    vocabulary = col.vocabulary or ()
    if word in vocabulary:
        return word
    for alias, code in col.value_aliases:
        if alias == word:
            return code
    raise CellError("unknown-code")


def _codes(col: Column, text: str) -> str:
    items = [i.strip(TRIM).lower() for i in text.split(",")]
    out = list(dict.fromkeys(i for i in items if i))
    if any(i not in (col.vocabulary or ()) for i in out):
        raise CellError("unknown-code")
    if len(out) > lim.FACTORS_MAX:
        raise CellError("too-long")
    return ",".join(out)


def _typed(col: Column, text: str, ctx: RowContext) -> str:
    t = col.type
    if t is ColumnType.CODE:
        code = text.lower()
        if col.references is not None:
            if not CODE.match(code) or code not in ctx.known(col.references):
                raise CellError(_UNKNOWN[col.references])
            return code
        if not CODE.match(code):
            raise CellError("bad-code")
        return code
    if t is ColumnType.INT:
        return _integer(col, text)
    if t is ColumnType.YEAR:
        if not re.fullmatch(r"[0-9]{4}", text):
            raise CellError("not-an-integer")
        return _integer(col, text)
    if t is ColumnType.DECIMAL:
        return _decimal(text)
    if t is ColumnType.DATE:
        return _date(text)
    if t is ColumnType.PERIOD:
        period = Period.try_parse(text)
        if period is None:
            raise CellError("bad-period")
        return str(period)
    if t is ColumnType.ENUM:
        return _enum(col, text)
    if t is ColumnType.CODES:
        return _codes(col, text)
    if col.rule is Rule.PSEUDONYMOUS and not pseudonymous(text):
        raise CellError("not-pseudonymous")
    return text


def check_cell(col: Column, raw: str | None, ctx: RowContext) -> str | None:
    """The cell's canonical text (None: empty and optional); raises ``CellError``."""
    if raw is not None and CONTROL.search(raw):
        raise CellError("control-character")
    text = (raw or "").strip(TRIM)
    if not text:
        if col.default is not None:
            return col.default
        if col.required:
            raise CellError("required")
        return None
    if len(text) > col.max_length:
        raise CellError("too-long")
    return _typed(col, text, ctx)


def _error(row: int, column: str | None, value: str | None, code: str) -> RowError:
    """Quoted values are cut, their control characters replaced (storable, printable)."""
    cut = None if value is None else CONTROL.sub("\ufffd", value[: lim.ERROR_VALUE_MAX])
    return RowError(row=row, column=column, value=cut, code=code, message=MESSAGES[code])


@dataclass(slots=True)
class RowValidator:
    """Feed rows in file order; it remembers keys to find duplicates."""

    spec: KindSpec
    ctx: RowContext
    seen: set[tuple[str | None, ...]] = field(default_factory=set)

    def check(self, row_no: int, row: Row) -> tuple[dict[str, str | None], list[RowError]]:
        """Canonical values of the mapped columns (absent ones: default or None) and errors."""
        values: dict[str, str | None] = {}
        errors: list[RowError] = []
        for col in self.spec.columns:
            raw = row.get(col.name)
            try:
                values[col.name] = check_cell(col, raw, self.ctx)
            except CellError as e:
                values[col.name] = None
                # A subject key that is not pseudonymous may be an identity number: never quoted.
                shown = None if col.rule is Rule.PSEUDONYMOUS else raw
                errors.append(_error(row_no, col.name, shown, e.code))
        bad = {e.column for e in errors}
        if not any(k in bad for k in self.spec.key):
            key = tuple(values[k] for k in self.spec.key)
            if key in self.seen:
                shown = ",".join(v or "" for v in key)
                errors.append(_error(row_no, None, shown, "duplicate-key"))
            self.seen.add(key)
        return values, errors


def validate(spec: KindSpec, rows: Mapping[int, Row], ctx: RowContext) -> list[RowError]:
    """Every error of ``rows`` (row number → mapped row), in row order."""
    v = RowValidator(spec=spec, ctx=ctx)
    out: list[RowError] = []
    for row_no in sorted(rows):
        out.extend(v.check(row_no, rows[row_no])[1])
    return out
