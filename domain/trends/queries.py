"""Trends domain room: what a pull may ask (fixed tables, no ad-hoc filters) and the catalogue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from domain.knowledge.periods import Period
from domain.shared.errors import ValidationFailed
from domain.trends.errors import TrendFilterRefused, UnknownTable
from domain.trends.model import UnitRef
from domain.trends.specs import BY_CODE, TableSpec

PULL_PARAMETERS: Final = frozenset({"period", "unit", "revision", "format"})
FORMATS: Final = ("json", "csv")
MAX_REVISION: Final = 1_000_000


def refuse_filters(names: Iterable[str], allowed: frozenset[str] = PULL_PARAMETERS) -> None:
    """Any query parameter beyond the fixed ones is an ad-hoc filter: 400, never a narrower table;
    so is a fixed one given twice (which of the two the table answers is no choice to leave to a
    framework)."""
    given = list(names)
    unknown = sorted({n for n in given if n not in allowed})
    if unknown:
        raise TrendFilterRefused(unknown)
    repeated = sorted({n for n in given if given.count(n) > 1})
    if repeated:
        raise TrendFilterRefused(repeated, f"Repeated parameters: {', '.join(repeated)}.")


def table_spec(code: str) -> TableSpec:
    spec = BY_CODE.get(code)
    if spec is None:
        raise UnknownTable(f"There is no trend table {code[:64]!r}.")
    return spec


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValidationFailed.single(
            "format", "unknown-code", "The format is json or csv.", {"allowed": "json,csv"}
        )
    return fmt


def check_revision(revision: int | None) -> int | None:
    if revision is not None and not 1 <= revision <= MAX_REVISION:
        raise ValidationFailed.single(
            "revision", "out-of-range", "A revision is a positive number.", {"min": 1}
        )
    return revision


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogueUnit:
    """A unit the caller may pull from, with its released periods (newest first)."""

    unit: UnitRef
    periods: tuple[Period, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Catalogue:
    tables: tuple[TableSpec, ...]
    units: tuple[CatalogueUnit, ...]
