"""Disclosure adapter room: ``HighsIntervalSolver`` — the minimum and maximum of one variable
over a ``LinearSystem`` with ``scipy.optimize.linprog(method="highs")`` (integrality honoured:
HiGHS branches and bounds the binaries the audit uses for "zero or above k")."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.optimize import linprog

from domain.trends.system import Infeasible, LinearSystem, Row

_UNBOUNDED = 3  # linprog status: the problem is unbounded
_INFEASIBLE = 2


def _matrix(rows: tuple[Row, ...], n: int) -> tuple[Any, Any]:
    if not rows:
        return None, None
    a = np.zeros((len(rows), n))
    b = np.zeros(len(rows))
    for j, (terms, rhs) in enumerate(rows):
        for i, coef in terms:
            a[j, i] += coef
        b[j] = rhs
    return a, b


class HighsIntervalSolver:
    """Implements ``domain.trends.ports.IntervalSolver``; stateless, safe to share."""

    def bounds(self, system: LinearSystem, variable: int) -> tuple[float, float | None]:
        n = system.size
        a_eq, b_eq = _matrix(system.equalities, n)
        a_ub, b_ub = _matrix(system.inequalities, n)
        limits = list(zip(system.lower, system.upper, strict=True))
        integrality = np.array([1 if i else 0 for i in system.integer])
        values: list[float | None] = []
        for sign in (1.0, -1.0):
            c = np.zeros(n)
            c[variable] = sign
            res = linprog(
                c,
                A_ub=a_ub,
                b_ub=b_ub,
                A_eq=a_eq,
                b_eq=b_eq,
                bounds=limits,
                method="highs",
                integrality=integrality,
            )
            if res.status == _INFEASIBLE:
                raise Infeasible(f"no feasible point ({res.message})")
            if res.status == _UNBOUNDED:
                values.append(None)
                continue
            if res.status != 0:
                raise Infeasible(f"the solver stopped: {res.message}")
            values.append(float(res.fun) * sign)
        lo = values[0]
        if lo is None:  # cannot happen: every variable is bounded below
            raise Infeasible("unbounded below")
        return lo, values[1]
