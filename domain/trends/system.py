"""Trends domain room: the linear system the release audit hands to the ``IntervalSolver``."""

from __future__ import annotations

from dataclasses import dataclass

# A sparse row: (variable index, coefficient) pairs, and the right-hand side.
Row = tuple[tuple[tuple[int, float], ...], float]


@dataclass(frozen=True, slots=True, kw_only=True)
class LinearSystem:
    """Variables with bounds (``upper`` ``None`` = unbounded) and optional integrality, and
    linear rows: ``equalities`` (sum of coef * x == rhs) and ``inequalities`` (sum <= rhs).
    ``names`` say what each variable is (``table|dims`` or a helper) for the audit's record."""

    names: tuple[str, ...]
    lower: tuple[float, ...]
    upper: tuple[float | None, ...]
    integer: tuple[bool, ...]
    equalities: tuple[Row, ...] = ()
    inequalities: tuple[Row, ...] = ()

    def __post_init__(self) -> None:
        n = len(self.names)
        if not (len(self.lower) == len(self.upper) == len(self.integer) == n):
            raise ValueError("every variable needs a name, bounds and an integrality flag")
        for terms, _ in (*self.equalities, *self.inequalities):
            if any(not 0 <= i < n for i, _ in terms):
                raise ValueError("a row names a variable the system does not have")

    @property
    def size(self) -> int:
        return len(self.names)


class Infeasible(Exception):
    """The system has no solution (a bug: the true counts always satisfy it)."""
