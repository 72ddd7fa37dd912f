"""Trends domain room: one release built end to end from counts — grid, suppression, series
rule, the LP audit over every table of the grain, freezing and the revision's change log; pure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from domain.knowledge.periods import Grain, Period
from domain.shared.errors import ValidationFailed
from domain.trends import rules as r
from domain.trends.audit import run_audit
from domain.trends.build import WorkTable, grid, suppress
from domain.trends.canonical import freeze
from domain.trends.model import (
    Cell,
    CellChange,
    CellCount,
    Populations,
    Release,
    TableRelease,
    UnitRef,
)
from domain.trends.ports import IntervalSolver
from domain.trends.specs import of_grain


def release_grain(period: Period) -> Grain:
    """Half-years and years only (TREND-A's floor is six months)."""
    if period.grain not in (Grain.HALF, Grain.YEAR):
        raise ValidationFailed.single(
            "period", "bad-period", "Trend tables are released per half-year or year."
        )
    return period.grain


def _flags(flags: set[str]) -> tuple[str, ...]:
    return tuple(f for f in r.FLAGS if f in flags)


def _cells(t: WorkTable) -> tuple[tuple[Cell, ...], tuple[Cell, ...]]:
    cells = tuple(Cell(k, t.published(k), _flags(t.flags[k])) for k in t.true)
    totals = tuple(
        Cell((m,), t.published_total(m), _flags(t.total_flags[m])) for m in sorted(t.totals)
    )
    return cells, totals


def change_log(old: Sequence[TableRelease], new: Sequence[TableRelease]) -> tuple[CellChange, ...]:
    """Cells (and totals) whose published value changed from the previous revision."""
    changes: list[CellChange] = []
    before = {t.table: t for t in old}
    for t in new:
        prev = before.get(t.table)
        was = {c.dims: c.value for c in (*prev.cells, *prev.totals)} if prev else {}
        now = {c.dims: c.value for c in (*t.cells, *t.totals)}
        for dims in sorted({*was, *now}):
            if dims not in was:
                changes.append(
                    CellChange(table=t.table, dims=dims, old=None, new=now[dims], added=True)
                )
            elif dims not in now:
                changes.append(
                    CellChange(table=t.table, dims=dims, old=was[dims], new=None, removed=True)
                )
            elif was[dims] != now[dims]:
                changes.append(CellChange(table=t.table, dims=dims, old=was[dims], new=now[dims]))
    return tuple(changes)


def build_release(
    *,
    unit: UnitRef,
    period: Period,
    revision: int,
    counts: Mapping[str, Sequence[CellCount]],
    populations: Populations,
    history: Mapping[str, Sequence[TableRelease]],
    previous: Sequence[TableRelease],
    solver: IntervalSolver,
    released_at: datetime,
    released_by: str,
) -> Release:
    """``counts`` per table code; ``history`` per table code: the frozen releases of the
    previous periods, oldest first (the series rule); ``previous``: the tables of the previous
    revision of this period (the change log)."""
    specs = of_grain(release_grain(period))
    tables: list[WorkTable] = []
    for spec in specs:
        t = grid(spec, unit.municipalities, counts.get(spec.code, ()), populations)
        suppress(t, history.get(spec.code, ()))
        tables.append(t)
    audit = run_audit(tables, solver, history)
    frozen = []
    for t in tables:
        cells, totals = _cells(t)
        frozen.append(
            freeze(
                t.spec.code,
                unit,
                period,
                revision,
                released_at,
                populations.vintage,
                cells,
                totals,
            )
        )
    return Release(
        unit=unit,
        period=period,
        revision=revision,
        tables=tuple(frozen),
        audit=audit,
        change_log=change_log(previous, frozen),
        released_at=frozen[0].released_at if frozen else released_at,
        released_by=released_by,
        population_vintage=populations.vintage,
    )
