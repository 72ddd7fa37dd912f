"""Trends domain room: counts in, frozen releases out — the TREND-A model (frozen dataclasses)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from domain.knowledge.periods import Period


@dataclass(frozen=True, slots=True)
class CellCount:
    """A true count (distinct children) for one cell key; never leaves the unit."""

    dims: tuple[str, ...]
    n: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Populations:
    """Residents per (area or municipality number, age band or ``"10-24"``) in the population
    ``vintage`` (a year; ``None`` when the unit has imported none), and each sub-municipal
    area's municipality number (``areas``: the candidates of ``offences-by-area``)."""

    vintage: int | None
    residents: Mapping[tuple[str, str], int] = field(default_factory=dict)
    areas: Mapping[str, str] = field(default_factory=dict)

    def of(self, key: str, band: str) -> int | None:
        return self.residents.get((key, band))


@dataclass(frozen=True, slots=True, kw_only=True)
class UnitRef:
    """An SLT unit as the trends context sees it (no people)."""

    id: UUID
    name: str
    police_district: str | None
    municipalities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Cell:
    """A published cell: ``value`` is the rounded count, ``None`` when suppressed (``":"``)."""

    dims: tuple[str, ...]
    value: int | None
    flags: tuple[str, ...] = ()

    @property
    def suppressed(self) -> bool:
        return self.value is None


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishedBody:
    """The frozen bytes of one table in one format; ``etag`` is the sha256 of ``content``."""

    content: bytes
    media_type: str
    etag: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TableRelease:
    """One table of one (unit, period, revision), frozen: ``cells`` and ``totals`` (one per
    municipality, dims ``(municipality,)``) and the canonical ``json`` and ``csv`` bodies that
    every pull returns byte for byte."""

    table: str
    unit_id: UUID
    period: Period
    revision: int
    dimensions: tuple[str, ...]
    cells: tuple[Cell, ...]
    totals: tuple[Cell, ...]
    json: PublishedBody
    csv: PublishedBody
    released_at: datetime

    @property
    def cells_released(self) -> int:
        """Published (not suppressed) cells and totals: what the pull log records."""
        return sum(1 for c in (*self.cells, *self.totals) if c.value is not None)

    def body(self, fmt: str) -> PublishedBody:
        return self.csv if fmt == "csv" else self.json


@dataclass(frozen=True, slots=True, kw_only=True)
class CellWidth:
    """The audit's feasible interval of one suppressed cell (``lo``..``hi``, integers)."""

    table: str
    dims: tuple[str, ...]
    lo: int
    hi: int | None  # None: unbounded above

    @property
    def width(self) -> int | None:
        return None if self.hi is None else self.hi - self.lo


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditAction:
    """``secondary`` (a cell suppressed), ``coarsen`` (two values merged into ``other``) or
    ``totals-only`` (a table reduced to its municipality totals), in the round it was taken."""

    round: int
    kind: str
    table: str
    dims: tuple[str, ...] = ()
    detail: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Audit:
    """What the release gate did: rounds run, actions taken, the final widths of every
    suppressed cell, and ``passed`` (no suppressed cell can be pinned into 1..k)."""

    rounds: int
    actions: tuple[AuditAction, ...]
    widths: tuple[CellWidth, ...]
    passed: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class CellChange:
    """A revision's change: the published value of a cell before and now (``None`` = ":";
    ``old`` of a cell that is new in this revision is ``None`` with ``added``)."""

    table: str
    dims: tuple[str, ...]
    old: int | None
    new: int | None
    added: bool = False
    removed: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Release:
    """Every table of one grain for one (unit, period), built and audited together, frozen.
    Revision 1 is the first release; rebuilding the period gives the next with a change log."""

    unit: UnitRef
    period: Period
    revision: int
    tables: tuple[TableRelease, ...]
    audit: Audit
    change_log: tuple[CellChange, ...]
    released_at: datetime
    released_by: str  # the releasing person's display name (never an identity number)
    population_vintage: int | None = None

    def table(self, code: str) -> TableRelease | None:
        return next((t for t in self.tables if t.table == code), None)


@dataclass(frozen=True, slots=True, kw_only=True)
class PullRecord:
    """One pull, logged in the same transaction that served it: who (a client organisation
    ``0192:<orgnr>`` or a person), what table, period, revision, format and how many cells."""

    id: UUID
    unit_id: UUID
    table: str
    period: Period
    revision: int
    fmt: str
    cells_released: int
    at: datetime
    client_org: str | None = None
    person_id: UUID | None = None
    by_name: str = ""
