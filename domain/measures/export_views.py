"""Measures domain room: what the exports read — a measure list or a plan tree with the names its
rows show. The input of the plan renderer (``ports.PlanRenderer``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from uuid import UUID

from domain.measures.views import MeasureView, PlanTree


@dataclass(frozen=True, slots=True, kw_only=True)
class Names:
    """Display names of what the measures point to (unknown ids are simply absent)."""

    persons: dict[UUID, str] = field(default_factory=dict)
    organisations: dict[UUID, str] = field(default_factory=dict)
    focus_areas: dict[UUID, str] = field(default_factory=dict)
    goals: dict[UUID, str] = field(default_factory=dict)

    def of_organisations(self, ids: Iterable[UUID]) -> tuple[str, ...]:
        return tuple(self.organisations[i] for i in ids if i in self.organisations)


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureExport:
    measures: tuple[MeasureView, ...]
    names: Names


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanExport:
    tree: PlanTree
    names: Names
