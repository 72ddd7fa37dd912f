"""Knowledge PostgreSQL room: the set-based row validation, GENERATED from a ``KindSpec`` — one
``CREATE TEMP TABLE … AS SELECT`` over the staging table (one text column per source column) that
gives every target column its error code (``e_<col>``, the first failing check in the order of
``domain/knowledge/rows.py``) and its canonical typed value (``v_<col>``), plus ``dup_n`` (the
occurrence of the row's key among the rows whose key is valid: > 1 is ``duplicate-key``).

Three layers, each fenced with ``OFFSET 0`` so each expression is computed once per row: the
trimmed cells (and enum words, date parts, code lists), the error codes, the typed values.
Vocabularies and enum word aliases are bound arguments (``= ANY($n)``); references are semi-joins
on the unit's indicators, areas and municipalities (row-level security holds)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from domain.knowledge import limits as lim
from domain.knowledge.kinds import Column, ColumnType, KindSpec, Reference, Rule

T = ColumnType
CONTROL = "[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\uFFFD]"
# Bounded repeats ({0,63}, {8,128}) make PostgreSQL's regex engine build an automaton per bound:
# ~10 µs a cell (a 1 M-row file: seconds per column). The bounds are checked as lengths instead.
CODE = "^[a-z0-9][a-z0-9._-]*$"
CODE_MAX = 64
INTEGER = "^[+-]?[0-9]+$"
DECIMAL = "^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$"
ISO_DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
NORWEGIAN_DATE = "^[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}$"
PERIOD = "^[0-9][0-9][0-9][0-9](H[12]|Q[1-4])?$"
PSEUDONYM = "^[A-Za-z0-9_-]+$"
NUMBER = "[0-9]{11}|[0-9]{6}[-_][0-9]{5}"  # an identity number, also as written: DDMMYY-NNNNN


def by_form(key: str) -> str:
    """SQL: the key has the form of a digest or a UUID (``rows.DIGEST``, ``rows.UUID_FORM``),
    with lengths instead of bounded regex repeats (as migration 0016's CHECK)."""
    hex_tail = f"substring({key} from '[0-9A-Fa-f]*$')"
    digest = (
        f"({key} ~ '^[A-Za-z_-]*[0-9A-Fa-f]*$' AND char_length({hex_tail}) >= 32"
        f" AND char_length({key}) - char_length({hex_tail}) <= 16)"
    )
    uuid = f"translate(lower({key}), '123456789abcdef', '000000000000000') = '{UUID(int=0)}'"
    return f"{digest} OR {uuid}"


KNOWN = {
    Reference.INDICATOR: "SELECT code FROM knowledge_indicators WHERE unit_id = $1",
    Reference.AREA: "SELECT code FROM knowledge_areas WHERE unit_id = $1",
    Reference.MUNICIPALITY: (
        "SELECT municipality_number FROM slt_unit_municipality WHERE unit_id = $1"
    ),
}
UNKNOWN = {
    Reference.INDICATOR: "unknown-indicator",
    Reference.AREA: "unknown-area",
    Reference.MUNICIPALITY: "unknown-municipality",
}


def lit(text: str) -> str:
    """A constant of this module as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


@dataclass
class Args:
    """Bound arguments; ``$1`` is always the unit."""

    values: list[Any] = field(default_factory=list)

    def add(self, value: Any) -> str:
        self.values.append(value)
        return f"${len(self.values) + 1}"


def _layer_a(c: Column, src: str, args: Args) -> list[str]:
    """The raw cell, the trimmed cell and the type's helpers."""
    n = c.name
    out = [f"{src} AS r_{n}", f"btrim({src}, E' \\t') AS t_{n}"]
    t = f"btrim({src}, E' \\t')"
    if c.type is T.ENUM:
        vocab = args.add(list(c.vocabulary or ()))
        aliases = args.add(json.dumps(dict(c.value_aliases)))
        w = f"lower({t})"
        out.append(
            f"CASE WHEN {w} = ANY({vocab}::text[]) THEN {w} ELSE {aliases}::jsonb ->> {w} END AS w_{n}"
        )
    elif c.type is T.CODES:
        out.append(
            f"ARRAY(SELECT w FROM (SELECT lower(btrim(x, E' \\t')) AS w, min(o) AS o"  # noqa: S608
            f" FROM unnest(string_to_array({t}, ',')) WITH ORDINALITY AS u(x, o) GROUP BY 1) g"
            f" WHERE w <> '' ORDER BY o) AS w_{n}"
        )
    elif c.type is T.DATE:
        iso, nor = lit(ISO_DATE), lit(NORWEGIAN_DATE)
        for part, a, b in (("y", f"left({t}, 4)", f"split_part({t}, '.', 3)"),
                           ("m", f"substr({t}, 6, 2)", f"split_part({t}, '.', 2)"),
                           ("d", f"substr({t}, 9, 2)", f"split_part({t}, '.', 1)")):  # fmt: skip
            out.append(
                f"CASE WHEN {t} ~ {iso} THEN {a}::int WHEN {t} ~ {nor} THEN {b}::int END AS {part}_{n}"
            )
    return out


def _range(c: Column, num: str) -> list[tuple[str, str]]:
    checks = []
    if c.minimum is None or c.minimum >= 0:
        checks.append((f"{num} < 0", "negative"))
    if c.minimum is not None:
        checks.append((f"{num} < {c.minimum}", "out-of-range"))
    if c.maximum is not None:
        checks.append((f"{num} > {c.maximum}", "out-of-range"))
    return checks


def _type_checks(c: Column, args: Args) -> list[tuple[str, str]]:
    n, t = c.name, f"t_{c.name}"
    if c.type is T.CODE:
        bad = f"char_length({t}) > {CODE_MAX} OR lower({t}) !~ {lit(CODE)}"
        if c.references is not None:
            known = KNOWN[c.references]
            return [(f"{bad} OR lower({t}) NOT IN ({known})", UNKNOWN[c.references])]
        return [(bad, "bad-code")]
    if c.type in (T.INT, T.YEAR):
        pattern = "^[0-9]{4}$" if c.type is T.YEAR else INTEGER
        return [(f"{t} !~ {lit(pattern)}", "not-an-integer"), *_range(c, f"{t}::numeric")]
    if c.type is T.DECIMAL:
        x = f"ltrim(replace({t}, ',', '.'), '+-')"
        digits = f"length(ltrim(split_part({x}, '.', 1), '0')) > {lim.VALUE_MAX_DIGITS}"
        scale = f"length(split_part({x}, '.', 2)) > {lim.VALUE_SCALE}"
        return [
            (f"{t} !~ {lit(DECIMAL)}", "not-a-number"),
            (f"{digits} OR {scale}", "out-of-range"),
        ]
    if c.type is T.DATE:
        y, m, d = f"y_{n}", f"m_{n}", f"d_{n}"
        days = (
            f"CASE WHEN {m} = 2 THEN CASE WHEN ({y} % 4 = 0 AND {y} % 100 <> 0) OR {y} % 400 = 0"
            f" THEN 29 ELSE 28 END WHEN {m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END"
        )
        bad = (
            f"{y} IS NULL OR {y} NOT BETWEEN {lim.YEAR_MIN} AND {lim.YEAR_MAX}"
            f" OR {m} NOT BETWEEN 1 AND 12 OR {d} < 1 OR {d} > {days}"
        )
        return [(bad, "bad-date")]
    if c.type is T.PERIOD:
        bad = (
            f"upper({t}) !~ {lit(PERIOD)}"
            f" OR left({t}, 4)::int NOT BETWEEN {lim.YEAR_MIN} AND {lim.YEAR_MAX}"
        )
        return [(bad, "bad-period")]
    if c.type is T.ENUM:
        return [(f"w_{n} IS NULL", "unknown-code")]
    if c.type is T.CODES:
        vocab = args.add(list(c.vocabulary or ()))
        return [
            (f"NOT (w_{n} <@ {vocab}::text[])", "unknown-code"),
            (f"cardinality(w_{n}) > {lim.FACTORS_MAX}", "too-long"),
        ]
    if c.rule is Rule.PSEUDONYMOUS:
        lo, hi = lim.SUBJECT_KEY_MIN, lim.SUBJECT_KEY_MAX
        bad = f"{t} !~ {lit(PSEUDONYM)} OR char_length({t}) NOT BETWEEN {lo} AND {hi}"
        number = f"{t} ~ {lit(NUMBER)} AND NOT ({by_form(t)})"
        return [(f"{bad} OR ({number})", "not-pseudonymous")]
    return []


def _error(c: Column, args: Args) -> str:
    n = c.name
    empty = lit("required") if c.required and c.default is None else "NULL"
    whens = [
        f"WHEN ctl AND r_{n} ~ {lit(CONTROL)} THEN 'control-character'",
        f"WHEN coalesce(t_{n}, '') = '' THEN {empty}",
        f"WHEN char_length(t_{n}) > {c.max_length} THEN 'too-long'",
        *(f"WHEN {cond} THEN {lit(code)}" for cond, code in _type_checks(c, args)),
    ]
    return f"CASE {' '.join(whens)} END::text AS e_{n}"


def typed(c: Column) -> str:
    """The canonical typed value of a valid, non-empty cell."""
    n, t = c.name, f"t_{c.name}"
    return {
        T.CODE: f"lower({t})",
        T.TEXT: t,
        T.INT: f"{t}::int",
        T.YEAR: f"{t}::int",
        T.DECIMAL: f"replace({t}, ',', '.')::numeric",
        T.DATE: f"make_date(y_{n}, m_{n}, d_{n})",
        T.PERIOD: f"upper({t})",
        T.ENUM: f"w_{n}",
        T.CODES: f"w_{n}",
    }[c.type]


def _value(c: Column) -> str:
    n = c.name
    default = "NULL" if c.default is None else lit(c.default)
    return (
        f"CASE WHEN e_{n} IS NOT NULL THEN NULL WHEN coalesce(t_{n}, '') = '' THEN {default}"
        f" ELSE {typed(c)} END AS v_{n}"
    )


def sources(spec: KindSpec, mapping: Mapping[str, str], columns: Sequence[str]) -> dict[str, str]:
    """Each target column's staging column (``c1..cN`` in the file's order), or an empty cell."""
    position = {h: i for i, h in reversed(list(enumerate(columns, 1)))}
    out = {}
    for c in spec.columns:
        header = mapping.get(c.name)
        out[c.name] = f"s.c{position[header]}" if header in position else "NULL::text"
    return out


def checked_sql(spec: KindSpec, src: Mapping[str, str], args: Args) -> str:
    """``INSERT INTO knowledge_checked`` (``create_checked_sql``) from ``knowledge_staging``."""
    cells = [x for x in dict.fromkeys(src.values()) if not x.startswith("NULL")]
    ctl = f"concat({', '.join(cells)}) ~ {lit(CONTROL)}" if cells else "false"
    a, e, v = ["row_no", f"{ctl} AS ctl"], ["row_no"], ["row_no"]  # ctl: one regex a row
    for c in spec.columns:
        a += _layer_a(c, src[c.name], args)
        helpers = [f"w_{c.name}"] if c.type in (T.ENUM, T.CODES) else []
        helpers += [f"{p}_{c.name}" for p in "ymd"] if c.type is T.DATE else []
        e += [f"t_{c.name}", *helpers, _error(c, args)]
        v += [f"e_{c.name}", _value(c)]
    return (
        "INSERT INTO knowledge_checked"  # noqa: S608 - generated from constants
        f" SELECT lv.*, NULL::bigint AS dup_n FROM (SELECT {', '.join(v)} FROM (SELECT {', '.join(e)}"
        f" FROM (SELECT {', '.join(a)} FROM knowledge_staging s WHERE $1::uuid IS NOT NULL"
        " OFFSET 0) la OFFSET 0) le) lv"
    )


def duplicates_sql(spec: KindSpec) -> str:
    """``dup_n`` (the occurrence, > 1) of the rows whose valid key came before in the file. A hash
    aggregate finds the keys seen twice; only their rows are sorted (a window over every wide row
    cost a sort of the whole file). Every key column is required or has a default: no NULLs."""
    valid = " AND ".join(f"e_{k} IS NULL" for k in spec.key)
    keys = ", ".join(f"v_{k}" for k in spec.key)
    return (
        "UPDATE knowledge_checked k SET dup_n = d.n FROM (SELECT row_no, row_number() OVER"  # noqa: S608
        f" (PARTITION BY {keys} ORDER BY row_no) AS n FROM knowledge_checked WHERE {valid}"
        f" AND ({keys}) IN (SELECT {keys} FROM knowledge_checked WHERE {valid}"
        f" GROUP BY {keys} HAVING count(*) > 1)) d WHERE k.row_no = d.row_no AND d.n > 1"
    )


SQL_TYPES = {T.INT: "int", T.YEAR: "int", T.DECIMAL: "numeric", T.DATE: "date", T.CODES: "text[]"}


def create_checked_sql(spec: KindSpec) -> str:
    cols = ["row_no bigint"]
    for c in spec.columns:
        cols += [f"e_{c.name} text", f"v_{c.name} {SQL_TYPES.get(c.type, 'text')}"]
    return f"CREATE TEMP TABLE knowledge_checked ({', '.join(cols)}, dup_n bigint) ON COMMIT DROP"


def any_error(spec: KindSpec) -> str:
    return " OR ".join(
        [*(f"k.e_{c.name} IS NOT NULL" for c in spec.columns), "coalesce(k.dup_n, 1) > 1"]
    )


def _shown(c: Column, src: str) -> str:
    """What an error quotes: the cell as in the file (an empty cell: ''), never a subject key."""
    if c.rule is Rule.PSEUDONYMOUS:
        return "NULL"
    return src if src.startswith("NULL") else f"coalesce({src}, '')"


def errors_sql(spec: KindSpec, src: Mapping[str, str]) -> tuple[str, str]:
    """(the number of rejected rows and of errors, the first ``ROW_ERRORS_KEPT`` errors in row and
    column order with the raw value quoted: cut, control characters replaced, never a subject
    key's) over ``knowledge_checked``, joined back to ``knowledge_staging`` for the raw cells."""
    cols, bad = spec.columns, any_error(spec)
    per_row = " + ".join(
        [*(f"(k.e_{c.name} IS NOT NULL)::int" for c in cols), "coalesce(k.dup_n > 1, false)::int"]
    )
    count = (
        f"SELECT count(*) AS rows, coalesce(sum({per_row}), 0)::bigint AS errors"  # noqa: S608
        f" FROM knowledge_checked k WHERE {bad}"
    )
    key_text = " || ',' || ".join(f"coalesce(k.v_{k}::text, '')" for k in spec.key)
    items = [
        f"({i}, {lit(c.name)}, {_shown(c, src[c.name])}, k.e_{c.name})" for i, c in enumerate(cols)
    ]
    items.append(f"({len(cols)}, NULL, {key_text}, CASE WHEN k.dup_n > 1 THEN 'duplicate-key' END)")
    first = (
        f"SELECT k.row_no, x.col, left(regexp_replace(x.val, {lit(CONTROL)}, E'\\uFFFD', 'g'),"  # noqa: S608
        f" {lim.ERROR_VALUE_MAX}) AS val, x.code FROM (SELECT * FROM knowledge_checked k"
        f" WHERE {bad} ORDER BY row_no LIMIT {lim.ROW_ERRORS_KEPT}) k"
        " JOIN knowledge_staging s ON s.row_no = k.row_no"
        f" CROSS JOIN LATERAL (VALUES {', '.join(items)}) AS x(ord, col, val, code)"
        f" WHERE x.code IS NOT NULL ORDER BY k.row_no, x.ord LIMIT {lim.ROW_ERRORS_KEPT}"
    )
    return count, first
