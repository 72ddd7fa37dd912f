"""Knowledge unit tests room: the row validator never fails on any text (every outcome is a
value or a stable code), and its canonical values are a fixed point (validating them again
changes nothing) — what lets the SQL validation be compared cell by cell."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.knowledge.kinds import KINDS
from domain.knowledge.model import ImportKind
from domain.knowledge.rows import ROW_ERROR_CODES, RowValidator
from tests.unit.knowledge.bad_rows import CONTEXT, GOOD

CELL = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(
        ["", " ", "0", "-1", "12,5", "2025H1", "3.2.2025", "Jente", "ja", "sentrum", "ind.a"]
    ),
)


@settings(max_examples=150, deadline=None)
@given(kind=st.sampled_from(list(ImportKind)), data=st.data())
def test_any_cells_give_values_or_stable_codes(kind: ImportKind, data: st.DataObject) -> None:
    spec = KINDS[kind]
    row = {c.name: data.draw(CELL, label=c.name) for c in spec.columns}
    values, errors = RowValidator(spec=spec, ctx=CONTEXT).check(1, row)
    assert {e.code for e in errors} <= set(ROW_ERROR_CODES)
    bad = {e.column for e in errors}
    for c in spec.columns:
        if c.name in bad:
            assert values[c.name] is None
    if not errors:
        again, errors2 = RowValidator(spec=spec, ctx=CONTEXT).check(1, values)
        assert errors2 == [] and again == values


@settings(max_examples=100, deadline=None)
@given(kind=st.sampled_from(list(ImportKind)), data=st.data())
def test_one_changed_cell_of_a_good_row_errs_only_there(
    kind: ImportKind, data: st.DataObject
) -> None:
    spec = KINDS[kind]
    column = data.draw(st.sampled_from(spec.names))
    row = {**GOOD[kind], column: data.draw(st.text(max_size=30))}
    _, errors = RowValidator(spec=spec, ctx=CONTEXT).check(1, row)
    assert {e.column for e in errors} <= {column}
