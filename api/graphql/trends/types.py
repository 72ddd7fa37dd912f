"""GraphQL trends room: the catalogue, a published table (typed cells and metadata read from the
frozen JSON body every pull returns) and releases."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Self
from uuid import UUID

import strawberry

from domain.trends.model import PublishedBody, Release
from domain.trends.queries import Catalogue


@strawberry.type
class TrendTableSpec:
    code: str
    title: str
    grain: str = strawberry.field(description="half or year.")
    dimensions: list[str]
    categories: list[str]
    tier: str = strawberry.field(description="normal or sensitive.")


@strawberry.type
class TrendUnit:
    id: UUID
    name: str
    municipalities: list[str]
    periods: list[str] = strawberry.field(description="Released periods, newest first.")


@strawberry.type
class TrendCatalogue:
    tables: list[TrendTableSpec]
    units: list[TrendUnit]

    @classmethod
    def of(cls, c: Catalogue) -> Self:
        return cls(
            tables=[
                TrendTableSpec(
                    code=t.code,
                    title=t.title,
                    grain=str(t.grain),
                    dimensions=[*t.dimensions],
                    categories=[*t.categories],
                    tier=t.tier,
                )
                for t in c.tables
            ],
            units=[
                TrendUnit(
                    id=u.unit.id,
                    name=u.unit.name,
                    municipalities=[*u.unit.municipalities],
                    periods=[str(p) for p in u.periods],
                )
                for u in c.units
            ],
        )


@strawberry.type
class TrendCell:
    dims: list[str] = strawberry.field(description="The cell's values, in `dimensions` order.")
    value: int | None = strawberry.field(description="The published count; null is ':'.")
    flags: list[str]


def _cells(dimensions: list[str], raw: list[dict[str, Any]]) -> list[TrendCell]:
    return [
        TrendCell(
            dims=[str(c[d]) for d in dimensions if d in c],
            value=c["value"],
            flags=[str(f) for f in c["flags"]],
        )
        for c in raw
    ]


@strawberry.type
class PublishedTrendTable:
    table: str
    title: str
    rule_set: str
    tables_version: str
    period: str
    revision: int
    population_vintage: int | None
    released_at: datetime
    unit_id: UUID
    unit_name: str
    dimensions: list[str]
    cells: list[TrendCell]
    totals: list[TrendCell] = strawberry.field(description="One per municipality.")
    etag: str = strawberry.field(description="sha256 of the frozen JSON body (REST's ETag).")

    @classmethod
    def of(cls, body: PublishedBody) -> Self:
        doc = json.loads(body.content)
        dims = [str(d) for d in doc["dimensions"]]
        return cls(
            table=doc["table"],
            title=doc["title"],
            rule_set=doc["ruleSet"],
            tables_version=doc["tablesVersion"],
            period=doc["period"],
            revision=doc["revision"],
            population_vintage=doc["populationVintage"],
            released_at=datetime.fromisoformat(str(doc["releasedAt"]).replace("Z", "+00:00")),
            unit_id=UUID(doc["unit"]["id"]),
            unit_name=doc["unit"]["name"],
            dimensions=dims,
            cells=_cells(dims, doc["cells"]),
            totals=_cells(["municipality"], doc["totals"]),
            etag=body.etag,
        )


@strawberry.type
class TrendCellChange:
    table: str
    dims: list[str]
    old: int | None
    new: int | None
    added: bool
    removed: bool


@strawberry.type
class TrendRelease:
    period: str
    revision: int
    released_at: datetime
    released_by_name: str
    tables: list[str]
    audit_passed: bool
    audit_rounds: int
    suppressed_cells: int = strawberry.field(description="Suppressed cells the audit checked.")
    change_log: list[TrendCellChange]

    @classmethod
    def of(cls, r: Release) -> Self:
        return cls(
            period=str(r.period),
            revision=r.revision,
            released_at=r.released_at,
            released_by_name=r.released_by,
            tables=[t.table for t in r.tables],
            audit_passed=r.audit.passed,
            audit_rounds=r.audit.rounds,
            suppressed_cells=len(r.audit.widths),
            change_log=[
                TrendCellChange(
                    table=c.table,
                    dims=[*c.dims],
                    old=c.old,
                    new=c.new,
                    added=c.added,
                    removed=c.removed,
                )
                for c in r.change_log
            ],
        )
