"""Repository tier, knowledge: the SQL validation generated from the import kinds gives the same
errors as the pure reference (``domain/knowledge/rows.py``) on THE table of bad rows — each code
at its row and column, the same quoted value — and the same canonical values."""

from __future__ import annotations

import pytest

from domain.knowledge.kinds import KINDS
from domain.knowledge.model import ImportKind, ImportMode
from domain.knowledge.rows import MESSAGES, validate
from tests.repositories.knowledge.conftest import Kpg, seed_context
from tests.unit.knowledge.bad_rows import ACCEPTED, CASES, CONTEXT, GOOD

K = ImportKind
PREVIEW = ImportMode.PREVIEW


def _file(kind: ImportKind, rows: list[dict[str, str]]) -> tuple[list[str], list[list[str]]]:
    header = list(KINDS[kind].names)
    return header, [[r.get(h, "") for h in header] for r in rows]


@pytest.mark.parametrize("kind", list(K), ids=str)
async def test_every_bad_row_gets_the_reference_errors(kpg: Kpg, kind: ImportKind) -> None:
    await seed_context(kpg)
    rows = [GOOD[kind]] + [{**GOOD[kind], col: cell} for _, k, col, cell, _ in CASES if k is kind]
    rows.append(GOOD[kind])  # the good row again: its key is a duplicate
    header, cells = _file(kind, rows)
    _, outcome = await kpg.run(kind, header, cells, PREVIEW)
    expected = validate(KINDS[kind], dict(enumerate(rows, 1)), CONTEXT)
    got = [(e.row, e.column, e.code, e.value) for e in outcome.errors]
    assert got == [(e.row, e.column, e.code, e.value) for e in expected]
    assert outcome.error_count == len(expected)
    assert outcome.result.rejected_rows == len({e.row for e in expected})
    assert all(e.message == MESSAGES[e.code] for e in outcome.errors)
    assert "duplicate-key" in {e.code for e in outcome.errors}


@pytest.mark.parametrize(
    ("kind", "column", "cell", "value"),
    ACCEPTED,
    ids=[f"{a[0]}-{a[1]}-{i}" for i, a in enumerate(ACCEPTED)],
)
async def test_accepted_spellings_become_canonical(
    kpg: Kpg, kind: ImportKind, column: str, cell: str, value: str | None
) -> None:
    await seed_context(kpg)
    header, cells = _file(kind, [{**GOOD[kind], column: cell}])
    _, outcome = await kpg.run(kind, header, cells, PREVIEW)
    assert outcome.errors == () and outcome.sample[0][column] == value


async def test_a_thousand_errors_are_kept_and_all_are_counted(kpg: Kpg) -> None:
    header, cells = _file(
        K.AREAS, [{**GOOD[K.AREAS], "code": f"a{i}", "kind": "x"} for i in range(1500)]
    )
    _, outcome = await kpg.run(K.AREAS, header, cells, PREVIEW)
    assert len(outcome.errors) == 1000 and outcome.error_count == 1500
    assert outcome.errors[-1].row == 1000 and outcome.result.rejected_rows == 1500


async def test_a_subject_key_is_never_quoted_nor_sampled(kpg: Kpg) -> None:
    await seed_context(kpg)
    header, cells = _file(K.EVENTS, [{**GOOD[K.EVENTS], "subject_key": "01010112345"}])
    _, outcome = await kpg.run(K.EVENTS, header, cells, PREVIEW)
    assert [(e.code, e.value) for e in outcome.errors] == [("not-pseudonymous", None)]
    assert outcome.sample[0]["subject_key"] is None


# The SQL checks lengths where the reference uses bounded repeats ({0,63}, {8,128}); the control
# check runs once a row and per cell only in a flagged row: the edges give the same errors.
EDGES: list[tuple[ImportKind, dict[str, str]]] = [
    (K.AREAS, {"code": "a" * 64}),
    (K.AREAS, {"code": "a" * 65}),
    (K.AREAS, {"code": "." + "a" * 10}),
    (K.AREAS, {"code": "A" * 64 + "b"}),
    (K.EVENTS, {"subject_key": "k" * 7}),
    (K.EVENTS, {"subject_key": "k" * 8}),
    (K.EVENTS, {"subject_key": "k" * 128}),
    (K.EVENTS, {"subject_key": "k" * 129}),
    (K.EVENTS, {"subject_key": "ab12345678901cd"}),
    (K.EVENTS, {"subject_key": "ab1234567890cd-x"}),
    (K.OBSERVATIONS, {"period": "20251"}),
    (K.OBSERVATIONS, {"period": "2025H3"}),
    (K.OBSERVATIONS, {"period": "2025q4"}),
    (K.OBSERVATIONS, {"period": "225H1"}),
    (K.OBSERVATIONS, {"area": "sen\x01trum"}),
    (K.OBSERVATIONS, {"area": "sen\x01trum", "value": "1\x7f2", "count": "x"}),
]


@pytest.mark.parametrize(
    ("kind", "cells"), EDGES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(EDGES)]
)
async def test_length_and_control_edges_match_the_reference(
    kpg: Kpg, kind: ImportKind, cells: dict[str, str]
) -> None:
    await seed_context(kpg)
    rows = [
        GOOD[kind],
        {**GOOD[kind], **cells, **({"external_id": "E-2"} if kind is K.EVENTS else {})},
    ]
    if kind is K.AREAS:
        rows[1]["name"] = "Annet"
    if kind is K.OBSERVATIONS:
        rows[1]["cohort"] = "16-17"
    header, cells_ = _file(kind, rows)
    _, outcome = await kpg.run(kind, header, cells_, PREVIEW)
    expected = validate(KINDS[kind], dict(enumerate(rows, 1)), CONTEXT)
    got = [(e.row, e.column, e.code, e.value) for e in outcome.errors]
    assert got == [(e.row, e.column, e.code, e.value) for e in expected]
