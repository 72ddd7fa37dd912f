"""Trends domain room: the release's linear system for one municipality — what a recipient of
every table knows (published values ±2, the flags' meaning, populations, shared totals)."""

from __future__ import annotations

from dataclasses import dataclass, field

from domain.trends import rules as r
from domain.trends.build import Key, WorkTable
from domain.trends.system import LinearSystem, Row

BIG = 100_000  # an upper bound for a count whose population is unknown
SHARED = "#total"


def known_range(
    value: int | None, flags: set[str], pop: int | None
) -> tuple[int, int | None, bool]:
    """(lo, hi, either-zero-or-above-k) for one quantity as a recipient reads it: a published
    ``r`` > 0 is a true count in r-2..r+2 that was neither primary (>= 8) nor complement
    (<= pop-8); a suppressed one is 1..k when flagged primary, else zero or above k."""
    if value is not None:
        if value == 0:
            return 0, 0, False
        lo, hi = max(r.K + 1, value - r.BASE // 2), value + r.BASE // 2
        return lo, (hi if pop is None else min(hi, pop - r.COMPLEMENT - 1)), False
    lo_, hi_ = 0, pop
    if r.COMPLEMENT_FLAG in flags and pop is not None:
        lo_ = max(lo_, pop - r.COMPLEMENT)
    elif pop is not None:
        hi_ = pop - r.COMPLEMENT - 1
    if r.PRIMARY in flags:
        return max(lo_, 1), (r.K if hi_ is None else min(hi_, r.K)), False
    if lo_ > 0:
        return max(lo_, r.K + 1), hi_, False
    if hi_ is not None and hi_ <= r.K:
        return 0, 0, False
    return 0, hi_, True


def at_risk(flags: set[str]) -> bool:
    """Only a cell flagged primary or complement can hold 1..k (or everyone but a few): any
    other suppressed cell is, to a recipient, zero or above k — its integer interval can never
    be pinned into 1..k, so the audit leaves it out (it stays in the system as a constraint)."""
    return r.PRIMARY in flags or r.COMPLEMENT_FLAG in flags


@dataclass(slots=True)
class Builder:
    names: list[str] = field(default_factory=list)
    lower: list[float] = field(default_factory=list)
    upper: list[float | None] = field(default_factory=list)
    integer: list[bool] = field(default_factory=list)
    equalities: list[Row] = field(default_factory=list)
    inequalities: list[Row] = field(default_factory=list)

    def var(self, name: str, value: int | None, flags: set[str], pop: int | None) -> int:
        lo, hi, either = known_range(value, flags, pop)
        i = self._add(name, lo, hi)
        if either:  # n == 0 or n >= k+1: a binary b with (k+1)·b <= n <= U·b
            b = self._add(f"{name}#b", 0, 1)
            top = float(hi if hi is not None else BIG)
            self.inequalities.append((((i, 1.0), (b, -top)), 0.0))
            self.inequalities.append((((b, float(r.K + 1)), (i, -1.0)), 0.0))
        return i

    def _add(self, name: str, lo: float, hi: float | None) -> int:
        self.names.append(name)
        self.lower.append(lo)
        self.upper.append(hi)
        self.integer.append(True)
        return len(self.names) - 1

    def system(self) -> LinearSystem:
        return LinearSystem(
            names=tuple(self.names),
            lower=tuple(self.lower),
            upper=tuple(self.upper),
            integer=tuple(self.integer),
            equalities=tuple(self.equalities),
            inequalities=tuple(self.inequalities),
        )


# (table code, dims): dims of length 1 in a table with totals name the municipality's total.
Item = tuple[str, Key]


def municipality_system(
    tables: list[WorkTable], m: str
) -> tuple[LinearSystem, dict[Item, int], list[Item]]:
    """The system of municipality ``m`` over every table of the release, the variable of each
    item, and the suppressed items at risk to audit (per table: its total, then its cells)."""
    b = Builder()
    index: dict[Item, int] = {}
    audit: list[Item] = []
    shared: int | None = None  # one total for the tables that count the same children
    shared_n = -1
    for t in tables:
        code = t.spec.code
        if t.has_totals and m in t.totals:
            value, flags = t.published_total(m), t.total_flags[m]
            if t.spec.shares_totals and shared is not None and shared_n == t.totals[m]:
                total = shared
            else:
                total = b.var(f"{code}|{m}", value, flags, t.total_pop[m])
                if at_risk(flags):
                    audit.append((code, (m,)))
                if t.spec.shares_totals and shared is None:
                    shared, shared_n = total, t.totals[m]
            index[(code, (m,))] = total
        cells = []
        for key in t.keys_of(m):
            i = b.var(f"{code}|{'/'.join(key)}", t.published(key), t.flags[key], t.pop[key])
            index[(code, key)] = i
            cells.append(i)
            if at_risk(t.flags[key]):
                audit.append((code, key))
        if t.has_totals and m in t.totals and not t.totals_only:
            row = (*((i, 1.0) for i in cells), (index[(code, (m,))], -1.0))
            b.equalities.append((row, 0.0))
    return b.system(), index, audit
