"""Trends domain room: the release gate — per municipality, the interval of every suppressed
cell over all tables of the release (``IntervalSolver``); a cell that could be pinned into 1..k
gets secondary suppression, then coarsening, then totals only."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from domain.trends import rules as r
from domain.trends.build import Key, WorkTable, coarsen, suppress, to_totals_only
from domain.trends.model import Audit, AuditAction, CellWidth, TableRelease
from domain.trends.ports import IntervalSolver
from domain.trends.system import Infeasible, LinearSystem
from domain.trends.system_build import at_risk, municipality_system

EPS = 1e-6


@dataclass(frozen=True, slots=True)
class Failure:
    table: WorkTable
    municipality: str
    total: bool  # the municipality's total (shared by the offence tables), not a cell


def pinned(lo: int, hi: int | None) -> bool:
    """Could a recipient narrow the cell to fewer than ``MIN_WIDTH`` values reaching 1..k?"""
    return hi is not None and hi - lo < r.MIN_WIDTH and hi >= 1 and lo <= r.K


Memo = dict[tuple[LinearSystem, int], tuple[int, int | None]]


def _interval(
    solver: IntervalSolver, system: LinearSystem, var: int, memo: Memo
) -> tuple[int, int | None]:
    """Memoised: a municipality the last round did not touch has the same system."""
    if (system, var) in memo:
        return memo[(system, var)]
    try:
        lo, hi = solver.bounds(system, var)
    except Infeasible:  # inconsistent counts: assume the worst, the cell is pinned
        lo, hi = 1.0, 1.0
    memo[(system, var)] = found = (
        math.ceil(lo - EPS),
        None if hi is None else math.floor(hi + EPS),
    )
    return found


def _check(
    tables: list[WorkTable], solver: IntervalSolver, munis: Sequence[str], stop: bool, memo: Memo
) -> tuple[Failure | None, list[CellWidth]]:
    """Widths of every suppressed item; with ``stop`` the first pinned one ends the pass."""
    widths: list[CellWidth] = []
    by_code = {t.spec.code: t for t in tables}
    for m in munis:
        system, index, items = municipality_system(tables, m)
        for code, dims in items:
            lo, hi = _interval(solver, system, index[(code, dims)], memo)
            widths.append(CellWidth(table=code, dims=dims, lo=lo, hi=hi))
            if stop and pinned(lo, hi):
                return Failure(
                    by_code[code], m, len(dims) == 1 < len(by_code[code].spec.dimensions)
                ), widths
    return None, widths


def _candidate(tables: list[WorkTable], failing: WorkTable, m: str) -> tuple[WorkTable, Key] | None:
    """The smallest published non-zero cell of the municipality's margin, the failing table
    first, then the tables that share its totals (a total is never suppressed by this rule)."""
    order = [failing] + [
        t
        for t in tables
        if t is not failing and t.spec.shares_totals and failing.spec.shares_totals
    ]
    for t in order:
        if not t.has_totals:
            continue
        # a published zero hides nothing once suppressed (to a recipient it stays "0 or > k")
        published = [(t.true[k], k) for k in t.keys_of(m) if not t.suppressed(k) and t.true[k]]
        if published:
            return t, min(published)[1]
    return None


def _target(tables: list[WorkTable], failure: Failure) -> WorkTable | None:
    """The table to coarsen (or reduce to totals): the failing cell's; for a pinned total, the
    table sharing it with the most cells at risk in the municipality (they pin it from below)."""
    m = failure.municipality
    if failure.total:
        options = [
            t
            for t in tables
            if t.has_totals
            and not t.totals_only
            and (t is failure.table or (t.spec.shares_totals and failure.table.spec.shares_totals))
        ]
        if not options:
            return None
        return max(
            options,
            key=lambda t: (sum(1 for k in t.keys_of(m) if at_risk(t.flags[k])), -tables.index(t)),
        )
    t = failure.table
    return t if t.has_totals and not t.totals_only else None


def _lockdown(tables: list[WorkTable], m: str) -> bool:
    """Everything of the municipality suppressed (only when all else failed)."""
    changed = False
    for t in tables:
        for k in t.keys_of(m):
            if not t.suppressed(k):
                t.flags[k].add(r.SECONDARY)
                changed = True
        if m in t.total_flags and not t.total_flags[m]:
            t.total_flags[m].add(r.SECONDARY)
            changed = True
    return changed


def run_audit(
    tables: list[WorkTable],
    solver: IntervalSolver,
    history: Mapping[str, Sequence[TableRelease]],
) -> Audit:
    munis = sorted({m for t in tables for m in (*t.totals, *(k[0] for k in t.true))})
    actions: list[AuditAction] = []
    rounds = streak = 0
    locked: set[str] = set()
    memo: Memo = {}
    while True:
        rounds += 1
        failure, widths = _check(tables, solver, munis, True, memo)
        if failure is None:
            return Audit(rounds=rounds, actions=tuple(actions), widths=tuple(widths), passed=True)
        t, m = failure.table, failure.municipality
        cand = _candidate(tables, t, m) if streak < r.MAX_SECONDARY_ROUNDS else None
        if cand is not None:
            ct, key = cand
            ct.flags[key].add(r.SECONDARY)
            actions.append(
                AuditAction(round=rounds, kind="secondary", table=ct.spec.code, dims=key)
            )
            streak += 1
            continue
        streak = 0
        target = _target(tables, failure)
        if target is not None:
            merged = coarsen(target, m)
            code = target.spec.code
            if merged is not None:
                suppress(target, history.get(code, ()))
                actions.append(
                    AuditAction(round=rounds, kind="coarsen", table=code, dims=(m,), detail=merged)
                )
            else:
                to_totals_only(target)
                actions.append(AuditAction(round=rounds, kind="totals-only", table=code))
            continue
        if m not in locked and _lockdown(tables, m):
            locked.add(m)
            actions.append(AuditAction(round=rounds, kind="lockdown", table=t.spec.code, dims=(m,)))
            continue
        _, widths = _check(tables, solver, munis, False, memo)
        return Audit(rounds=rounds, actions=tuple(actions), widths=tuple(widths), passed=False)
