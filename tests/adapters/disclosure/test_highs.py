"""Disclosure adapter room: HighsIntervalSolver on tiny systems whose answer is known by hand."""

from __future__ import annotations

import pytest

from adapters.disclosure.highs import HighsIntervalSolver
from domain.trends.system import Infeasible, LinearSystem, Row
from domain.trends.system_build import Builder, known_range

solver = HighsIntervalSolver()


def system(
    bounds: list[tuple[float, float | None]],
    eq: tuple[Row, ...] = (),
    ub: tuple[Row, ...] = (),
    integer: bool = False,
) -> LinearSystem:
    return LinearSystem(
        names=tuple(f"x{i}" for i in range(len(bounds))),
        lower=tuple(b[0] for b in bounds),
        upper=tuple(b[1] for b in bounds),
        integer=(integer,) * len(bounds),
        equalities=eq,
        inequalities=ub,
    )


def total_row(cells: list[int], total: int) -> Row:
    return ((*((i, 1.0) for i in cells), (total, -1.0)), 0.0)


def test_a_cell_pinned_by_its_total_minus_published_cells_is_narrow() -> None:
    # total published 10 (8..12), one cell published 10 (8..12), the suppressed one 1..7:
    # s = T - c is at most 12 - 8 = 4, so s in 1..4: width 3 < 4 — pinned.
    s = system([(1, 7), (8, 12), (8, 12)], eq=(total_row([0, 1], 2),))
    lo, hi = solver.bounds(s, 0)
    assert (lo, hi) == pytest.approx((1.0, 4.0))
    assert hi is not None and hi - lo < 4


def test_a_well_protected_cell_keeps_its_width() -> None:
    # two suppressed cells (1..7 each) under a published total of 10 (8..12): each is 1..7.
    s = system([(1, 7), (1, 7), (8, 12)], eq=(total_row([0, 1], 2),))
    lo, hi = solver.bounds(s, 0)
    assert (lo, hi) == pytest.approx((1.0, 7.0))
    assert hi is not None and hi - lo >= 4


def test_unbounded_above_is_none() -> None:
    assert solver.bounds(system([(0, None)]), 0) == (0.0, None)


def test_integrality_and_the_zero_or_above_k_binary_are_honoured() -> None:
    # "secondary" c is 0 or >= 8; s is 1..7; s + c = T in 8..12 -> c can't be 0 -> s <= 4.
    b = Builder()
    s = b.var("s", None, {"primary"}, None)
    c = b.var("c", None, {"secondary"}, 500)
    t = b.var("t", 10, set(), 500)
    b.equalities.append((((s, 1.0), (c, 1.0), (t, -1.0)), 0.0))
    lo, hi = solver.bounds(b.system(), s)
    assert (lo, hi) == pytest.approx((1.0, 4.0))
    # the LP relaxation alone would have said 1..7: the binary is what makes the audit honest
    relaxed = b.system()
    relaxed = LinearSystem(
        names=relaxed.names,
        lower=relaxed.lower,
        upper=relaxed.upper,
        integer=(False,) * relaxed.size,
        equalities=relaxed.equalities,
        inequalities=relaxed.inequalities,
    )
    assert solver.bounds(relaxed, s)[1] == pytest.approx(7.0)


def test_an_infeasible_system_raises() -> None:
    s = system([(0, 1), (5, 6)], eq=(((((0, 1.0), (1, -1.0))), 0.0),))
    with pytest.raises(Infeasible):
        solver.bounds(s, 0)


@pytest.mark.parametrize(
    ("value", "flags", "pop", "expected"),
    [
        (0, set(), 100, (0, 0, False)),
        (10, set(), None, (8, 12, False)),
        (10, set(), 19, (8, 11, False)),  # published: not complement, so n <= pop - 8
        (None, {"primary"}, None, (1, 7, False)),
        (None, {"primary", "complement"}, 9, (2, 7, False)),
        (None, {"complement"}, 40, (33, 40, False)),
        (None, {"secondary"}, 100, (0, 92, True)),
        (None, {"population-unknown"}, None, (0, None, True)),
        (None, {"secondary"}, 12, (0, 0, False)),  # 0 or >= 8 but <= 4: zero
    ],
    ids=lambda v: "+".join(sorted(v)) if isinstance(v, set) else repr(v),
)
def test_what_a_recipient_reads_from_a_value_and_its_flags(
    value: int | None, flags: set[str], pop: int | None, expected: tuple[int, int | None, bool]
) -> None:
    assert known_range(value, flags, pop) == expected
