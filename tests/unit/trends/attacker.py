"""Trends test room: an attacker of our own who holds nothing but published bodies (and public
populations) and tries to narrow suppressed cells with linear programming (the real HiGHS).
Written apart from the audit's own system so a shared mistake does not hide itself."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from adapters.disclosure.highs import HighsIntervalSolver
from domain.trends.system import LinearSystem, Row

SHARING = ("offences-by-category", "offences-by-age", "offences-by-area")
BIG = 100_000


@dataclass
class Attack:
    """Variables named ``tag|table|dims``; ``same`` merges names the attacker believes equal."""

    lower: list[float] = field(default_factory=list)
    upper: list[float | None] = field(default_factory=list)
    names: dict[str, int] = field(default_factory=dict)
    eq: list[Row] = field(default_factory=list)
    ub: list[Row] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)

    def _new(self, lo: float, hi: float | None) -> int:
        self.lower.append(lo)
        self.upper.append(hi)
        return len(self.lower) - 1

    def _var(self, name: str, value: int | None, flags: Sequence[str]) -> int:
        if value is not None:
            lo, hi = (0.0, 0.0) if value == 0 else (max(8.0, value - 2.0), value + 2.0)
            either = False
        elif "primary" in flags:
            lo, hi, either = 1.0, 7.0, False
        else:
            lo, hi, either = 0.0, None, True
        if name in self.names:  # the attacker already has it: intersect
            i = self.names[name]
            self.lower[i] = max(self.lower[i], lo)
            upper = self.upper[i]
            self.upper[i] = hi if upper is None else (upper if hi is None else min(upper, hi))
        else:
            i = self.names[name] = self._new(lo, hi)
        if either:
            b = self._new(0, 1)
            self.ub.append((((i, 1.0), (b, -float(BIG))), 0.0))
            self.ub.append((((b, 8.0), (i, -1.0)), 0.0))
        return i

    def read(self, tag: str, body: bytes) -> None:
        """One published JSON table: cells ±2, flags' meaning, cells summing to the totals."""
        doc = json.loads(body)
        table, dims = doc["table"], doc["dimensions"]
        group = "offences" if table in SHARING else table
        margins: dict[str, list[int]] = {}
        for c in doc["cells"]:
            key = "/".join(str(c[d]) for d in dims)
            i = self._var(f"{tag}|{table}|{key}", c["value"], c["flags"])
            margins.setdefault(str(c["municipality"]), []).append(i)
            if c["value"] is None and "primary" in c["flags"]:
                self.targets.append(f"{tag}|{table}|{key}")
        for t in doc["totals"]:
            m = str(t["municipality"])
            total = self._var(f"{tag}|{group}|total|{m}", t["value"], t["flags"])
            if m in margins:
                self.eq.append(((*((i, 1.0) for i in margins[m]), (total, -1.0)), 0.0))

    def equate(self, tag_a: str, tag_b: str, municipality: str) -> None:
        """Believe the municipality's quantities did not change between two readings."""
        for name, i in list(self.names.items()):
            if name.startswith(f"{tag_a}|") and _muni(name) == municipality:
                other = self.names.get(f"{tag_b}|{name.split('|', 1)[1]}")
                if other is not None:
                    self.eq.append((((i, 1.0), (other, -1.0)), 0.0))

    def system(self) -> LinearSystem:
        n = len(self.lower)
        return LinearSystem(
            names=tuple(f"v{i}" for i in range(n)),
            lower=tuple(self.lower),
            upper=tuple(self.upper),
            integer=(True,) * n,
            equalities=tuple(self.eq),
            inequalities=tuple(self.ub),
        )

    def recover(self) -> Mapping[str, tuple[int, int | None]]:
        """Every primary-suppressed cell's integer interval under everything read."""
        solver, system = HighsIntervalSolver(), self.system()
        found: dict[str, tuple[int, int | None]] = {}
        for name in self.targets:
            lo, hi = solver.bounds(system, self.names[name])
            found[name] = (math.ceil(lo - 1e-6), None if hi is None else math.floor(hi + 1e-6))
        return found


def _muni(name: str) -> str:
    last = name.rsplit("|", 1)[1]
    return last.split("/", 1)[0]


def pinned_cells(found: Mapping[str, tuple[int, int | None]]) -> dict[str, tuple[int, int | None]]:
    return {k: (lo, hi) for k, (lo, hi) in found.items() if hi is not None and hi - lo < 4}
