"""Trends domain room: one table's working state — its grid (areas below the floor merged into
``<municipality>-rest``), primary, complement and series suppression, coarsening; pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from domain.trends import rules as r
from domain.trends.model import CellCount, Populations, TableRelease
from domain.trends.specs import ALL_AGES, AREA, OTHER, TableSpec, rest_area

Key = tuple[str, ...]


@dataclass(slots=True)
class WorkTable:
    """A table while the release is built: true counts (never published), populations, flags.
    One-dimension tables keep their municipality cells in ``cells`` (each is its own total)."""

    spec: TableSpec
    true: dict[Key, int]
    pop: dict[Key, int | None]
    flags: dict[Key, set[str]] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    total_pop: dict[str, int | None] = field(default_factory=dict)
    total_flags: dict[str, set[str]] = field(default_factory=dict)
    coarsened: set[Key] = field(default_factory=set)
    totals_only: bool = False

    @property
    def has_totals(self) -> bool:
        return len(self.spec.dimensions) > 1

    def suppressed(self, key: Key) -> bool:
        return bool(self.flags[key] - {r.COARSENED})

    def total_suppressed(self, m: str) -> bool:
        return bool(self.total_flags[m])

    def published(self, key: Key) -> int | None:
        return None if self.suppressed(key) else r.round_to_base(self.true[key])

    def published_total(self, m: str) -> int | None:
        return None if self.total_suppressed(m) else r.round_to_base(self.totals[m])

    def keys_of(self, m: str) -> list[Key]:
        return [k for k in self.true if k[0] == m]


def _sum(values: Sequence[int | None]) -> int | None:
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def _cell_pop(spec: TableSpec, key: Key, pops: Populations) -> int | None:
    if spec.second == "age_band":
        return pops.of(key[0], key[1])
    if spec.second == AREA and key[1] != rest_area(key[0]):
        return pops.of(key[1], ALL_AGES)
    return pops.of(key[0], ALL_AGES)


def grid(
    spec: TableSpec,
    municipalities: Sequence[str],
    counts: Sequence[CellCount],
    pops: Populations,
) -> WorkTable:
    """Every cell key of ``spec`` for the unit (zeros included), counts summed into them."""
    munis = sorted({*municipalities, *(c.dims[0] for c in counts)})
    true: dict[Key, int] = {}
    pop: dict[Key, int | None] = {}
    for m in munis:
        if spec.second is None:
            keys: list[Key] = [(m,)]
        elif spec.second == AREA:
            big = sorted(
                a
                for a, muni in pops.areas.items()
                if muni == m and (pops.of(a, ALL_AGES) or 0) >= r.AREA_FLOOR
            )
            areas: list[Key] = [(m, a) for a in big]
            keys = [*areas, (m, rest_area(m))]
        else:
            keys = [(m, v) for v in spec.values]
        for k in keys:
            pop[k] = _cell_pop(spec, k, pops)
        if spec.second == AREA:
            _floor_rest(m, keys, pop, pops.of(m, ALL_AGES))
        true.update((k, 0) for k in keys)
    for c in counts:
        key = c.dims
        if spec.second == AREA and key not in true:
            key = (key[0], rest_area(key[0]))
        if key not in true:  # a value outside the fixed vocabulary: not this table's
            continue
        true[key] += c.n
    table = WorkTable(spec=spec, true=true, pop=pop)
    if table.has_totals:
        for m in munis:
            table.totals[m] = sum(table.true[k] for k in table.keys_of(m))
            table.total_pop[m] = pops.of(m, ALL_AGES)
    return table


def _floor_rest(m: str, keys: list[Key], pop: dict[Key, int | None], whole: int | None) -> None:
    """The rest is an area too: while it has fewer residents than the floor (or the figures do
    not add up), the smallest area joins it. Its population is the municipality's minus the
    areas' (unknown when the municipality's is)."""
    rest = (m, rest_area(m))
    while True:
        areas = [k for k in keys if k != rest and k in pop]
        left = None if whole is None else whole - sum(pop[k] or 0 for k in areas)
        if not areas or (left is not None and left >= r.AREA_FLOOR):
            pop[rest] = left if left is None or left >= 0 else None
            return
        if left is None:
            pop[rest] = None
            return
        smallest = min(areas, key=lambda k: (pop[k] or 0, k))
        del pop[smallest]
        keys.remove(smallest)


def _rule_flags(n: int, population: int | None) -> set[str]:
    flags: set[str] = set()
    if r.primary_suppressed(n):
        flags.add(r.PRIMARY)
    if population is None:
        flags.add(r.POPULATION_UNKNOWN)
    elif r.complement_suppressed(n, population):
        flags.add(r.COMPLEMENT_FLAG)
    return flags


def suppress(table: WorkTable, history: Sequence[TableRelease]) -> None:
    """Primary, complement (unknown population suppresses) and series rules, from scratch.
    ``history``: this table's frozen releases of the previous periods (at most three)."""
    past = [{c.dims: c.value for c in t.cells} for t in history[-(r.SERIES_PERIODS - 1) :]]
    for key, n in table.true.items():
        if (table.pop[key] or 0) < n:  # more children counted than live there: not a known base
            table.pop[key] = None
        flags = _rule_flags(n, table.pop[key])
        seen = [p[key] for p in past if key in p]
        hidden = sum(1 for v in seen if v is None) + (1 if flags else 0)
        if not flags and hidden > r.SERIES_SHARE * (len(seen) + 1):
            flags.add(r.SERIES_HIDDEN)
        if key in table.coarsened:
            flags.add(r.COARSENED)
        table.flags[key] = flags
    for m, n in table.totals.items():
        if (table.total_pop[m] or 0) < n:
            table.total_pop[m] = None
        table.total_flags[m] = _rule_flags(n, table.total_pop[m])


def coarsen(table: WorkTable, municipality: str) -> str | None:
    """Merge the two smallest values of the second dimension into ``other`` (areas: into the
    municipality's rest); ``None`` when the table has too few values left (then totals only)."""
    spec = table.spec
    if spec.second is None:
        return None
    if spec.second == AREA:
        keys = [k for k in table.keys_of(municipality) if k[1] != rest_area(municipality)]
        if not keys:
            return None
        target: Key = (municipality, rest_area(municipality))
        pick = sorted(keys, key=lambda k: (table.true[k], k))[:2]
        groups = [(pick, target)]
    else:
        values = sorted({k[1] for k in table.true})
        if len(values) < 3:
            return None
        sums = {v: sum(n for k, n in table.true.items() if k[1] == v) for v in values}
        pick_values = sorted(values, key=lambda v: (sums[v], v))[:2]
        munis = sorted({k[0] for k in table.true})
        groups = [([(m, v) for v in pick_values], (m, OTHER)) for m in munis]
    for members, target in groups:
        n = sum(table.true.pop(k) for k in members) + table.true.get(target, 0)
        pops = [table.pop.pop(k) for k in members] + (
            [table.pop[target]] if target in table.pop else []
        )
        for k in members:
            table.flags.pop(k, None)
            table.coarsened.discard(k)
        table.true[target] = n
        table.pop[target] = _sum(pops)
        table.coarsened.add(target)
    table.true = dict(sorted(table.true.items()))
    return ",".join(k[1] for k in groups[0][0])


def to_totals_only(table: WorkTable) -> None:
    """The last resort: only the municipality totals are published."""
    table.totals_only = True
    table.true, table.pop, table.flags = {}, {}, {}
