"""REST trends room: the catalogue, releases (audit and change log) and pull-log rows."""

from __future__ import annotations

from datetime import datetime
from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input
from domain.trends.model import Audit, PullRecord, Release
from domain.trends.queries import Catalogue
from domain.trends.specs import TableSpec

PERIOD = "YYYYH1/H2 (half-year) or YYYY (year)."


class TableRead(Dto):
    code: str
    title: str
    grain: str = Field(description="half or year.")
    dimensions: list[str] = Field(description="Always starts with municipality.")
    categories: list[str]
    tier: str = Field(description="normal or sensitive.")

    @classmethod
    def of(cls, t: TableSpec) -> Self:
        return cls(
            code=t.code,
            title=t.title,
            grain=str(t.grain),
            dimensions=[*t.dimensions],
            categories=[*t.categories],
            tier=t.tier,
        )


class CatalogueUnitRead(Dto):
    id: UUID
    name: str
    municipalities: list[str]
    periods: list[str] = Field(description="Released periods, newest first. " + PERIOD)


class CatalogueRead(Dto):
    tables: list[TableRead]
    units: list[CatalogueUnitRead] = Field(description="The units the caller may pull from.")

    @classmethod
    def of(cls, c: Catalogue) -> Self:
        return cls(
            tables=[TableRead.of(t) for t in c.tables],
            units=[
                CatalogueUnitRead(
                    id=u.unit.id,
                    name=u.unit.name,
                    municipalities=[*u.unit.municipalities],
                    periods=[str(p) for p in u.periods],
                )
                for u in c.units
            ],
        )


class ReleaseCreate(Input):
    period: str = Field(min_length=4, max_length=16, description=PERIOD)


class AuditActionRead(Dto):
    round: int
    kind: str = Field(description="secondary, coarsen or totals-only.")
    table: str
    dims: list[str]
    detail: str


class CellWidthRead(Dto):
    table: str
    dims: list[str]
    lo: int
    hi: int | None = Field(description="null: unbounded above.")


class AuditRead(Dto):
    rounds: int
    passed: bool
    actions: list[AuditActionRead]
    widths: list[CellWidthRead] = Field(description="Feasible interval of every suppressed cell.")

    @classmethod
    def of(cls, a: Audit) -> Self:
        return cls(
            rounds=a.rounds,
            passed=a.passed,
            actions=[
                AuditActionRead(
                    round=x.round, kind=x.kind, table=x.table, dims=[*x.dims], detail=x.detail
                )
                for x in a.actions
            ],
            widths=[
                CellWidthRead(table=w.table, dims=[*w.dims], lo=w.lo, hi=w.hi) for w in a.widths
            ],
        )


class CellChangeRead(Dto):
    table: str
    dims: list[str]
    old: int | None = Field(description="The published value before; null when suppressed.")
    new: int | None
    added: bool
    removed: bool


class ReleaseTableRead(Dto):
    table: str
    cells_released: int
    etag_json: str = Field(description="sha256 of the frozen JSON body.")
    etag_csv: str = Field(description="sha256 of the frozen CSV body.")


class ReleaseRead(Dto):
    unit_id: UUID
    unit_name: str
    period: str = Field(description=PERIOD)
    revision: int
    released_at: datetime
    released_by_name: str
    population_vintage: int | None
    tables: list[ReleaseTableRead]
    audit: AuditRead
    change_log: list[CellChangeRead] = Field(
        description="Cells whose published value changed from the previous revision (revision 1: every cell, added)."
    )

    @classmethod
    def of(cls, r: Release) -> Self:
        return cls(
            unit_id=r.unit.id,
            unit_name=r.unit.name,
            period=str(r.period),
            revision=r.revision,
            released_at=r.released_at,
            released_by_name=r.released_by,
            population_vintage=r.population_vintage,
            tables=[
                ReleaseTableRead(
                    table=t.table,
                    cells_released=t.cells_released,
                    etag_json=t.json.etag,
                    etag_csv=t.csv.etag,
                )
                for t in r.tables
            ],
            audit=AuditRead.of(r.audit),
            change_log=[
                CellChangeRead(
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


class PullRead(Dto):
    id: UUID
    unit_id: UUID
    table: str
    period: str
    revision: int
    format: str
    cells_released: int
    pulled_at: datetime
    client_org: str | None = Field(description="A police system's organisation, 0192:<orgnr>.")
    person_id: UUID | None
    by_name: str

    @classmethod
    def of(cls, p: PullRecord) -> Self:
        return cls(
            id=p.id,
            unit_id=p.unit_id,
            table=p.table,
            period=str(p.period),
            revision=p.revision,
            format=p.fmt,
            cells_released=p.cells_released,
            pulled_at=p.at,
            client_org=p.client_org,
            person_id=p.person_id,
            by_name=p.by_name,
        )
