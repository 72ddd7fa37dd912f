"""Knowledge unit tests room: every row error code of the pure validator (the table the SQL
validation runs too), canonical values, duplicate keys, and what an error may quote."""

from __future__ import annotations

import pytest

from domain.knowledge.kinds import KINDS
from domain.knowledge.model import ImportKind
from domain.knowledge.rows import ROW_ERROR_CODES, RowValidator, validate
from tests.unit.knowledge.bad_rows import ACCEPTED, CASES, CONTEXT, GOOD

K = ImportKind


@pytest.mark.parametrize("kind", list(K), ids=str)
def test_the_good_rows_are_good(kind: ImportKind) -> None:
    assert validate(KINDS[kind], {1: GOOD[kind]}, CONTEXT) == []


@pytest.mark.parametrize(
    ("kind", "column", "cell", "code"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_bad_cell_has_its_code(kind: ImportKind, column: str, cell: str, code: str) -> None:
    errors = validate(KINDS[kind], {7: {**GOOD[kind], column: cell}}, CONTEXT)
    assert [(e.row, e.column, e.code) for e in errors] == [(7, column, code)]
    assert errors[0].message


def test_the_table_covers_every_code() -> None:
    covered = {c[4] for c in CASES} | {"duplicate-key"}
    assert covered == set(ROW_ERROR_CODES)


@pytest.mark.parametrize(
    ("kind", "column", "cell", "value"),
    ACCEPTED,
    ids=[f"{a[0]}-{a[1]}-{i}" for i, a in enumerate(ACCEPTED)],
)
def test_accepted_spellings_become_canonical(
    kind: ImportKind, column: str, cell: str, value: str | None
) -> None:
    values, errors = RowValidator(spec=KINDS[kind], ctx=CONTEXT).check(
        1, {**GOOD[kind], column: cell}
    )
    assert errors == [] and values[column] == value


def test_a_missing_optional_column_takes_its_default() -> None:
    row = {k: v for k, v in GOOD[K.OBSERVATIONS].items() if k not in ("cohort", "gender", "count")}
    values, errors = RowValidator(spec=KINDS[K.OBSERVATIONS], ctx=CONTEXT).check(1, row)
    assert errors == [] and (values["cohort"], values["gender"], values["count"]) == (
        "all",
        "all",
        None,
    )


def test_duplicate_keys_after_the_first_occurrence() -> None:
    a = GOOD[K.OBSERVATIONS]
    rows = {
        1: a,
        2: {**a, "value": "3", "gender": "all"},  # same key (gender defaults to all)
        3: {**a, "gender": "female"},  # another key
        4: {**a, "period": "2025h1", "indicator": " IND.A"},  # same key once canonical
        5: {**a, "period": "bad"},  # key column invalid: not a duplicate
    }
    errors = validate(KINDS[K.OBSERVATIONS], rows, CONTEXT)
    assert [(e.row, e.column, e.code) for e in errors] == [
        (2, None, "duplicate-key"),
        (4, None, "duplicate-key"),
        (5, "period", "bad-period"),
    ]


def test_an_error_never_quotes_a_subject_key_and_cuts_and_cleans_values() -> None:
    e = GOOD[K.EVENTS]
    errors = validate(
        KINDS[K.EVENTS],
        {
            1: {**e, "subject_key": "01010112345"},
            2: {**e, "external_id": "x" * 300, "area": "a\x00b"},
        },
        CONTEXT,
    )
    assert errors[0].code == "not-pseudonymous" and errors[0].value is None
    too_long = next(x for x in errors if x.code == "too-long")
    assert too_long.value is not None and len(too_long.value) == 200
    control = next(x for x in errors if x.code == "control-character")
    assert control.value == "a\ufffdb"


def test_several_errors_of_one_row_are_all_reported_one_per_cell() -> None:
    bad = {**GOOD[K.POPULATIONS], "year": "x", "residents": "-4", "age_band": "99"}
    codes = [(e.column, e.code) for e in validate(KINDS[K.POPULATIONS], {1: bad}, CONTEXT)]
    assert codes == [
        ("year", "not-an-integer"),
        ("age_band", "unknown-code"),
        ("residents", "negative"),
    ]
