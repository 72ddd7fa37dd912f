"""GraphQL knowledge room: the context's object types, each built by the house's ``from_domain``
convention (vocabulary codes travel as strings: ``10-13`` is no GraphQL enum name)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from api.graphql.shared.mapping import from_domain
from domain.knowledge import model as m
from domain.knowledge import views as dv

ImportKind = strawberry.enum(m.ImportKind, name="ImportKind")
ImportFormat = strawberry.enum(m.ImportFormat, name="ImportFormat")
ImportMode = strawberry.enum(m.ImportMode, name="ImportMode")
ImportStatus = strawberry.enum(m.JobStatus, name="ImportStatus")


@strawberry.type
class Indicator:
    id: UUID
    code: str
    name: str
    source: str
    category: str
    measure_unit: str
    factors: list[str]
    description: str | None
    higher_is_better: bool | None
    version: int

    @classmethod
    def of(cls, i: m.Indicator) -> Indicator:
        return from_domain(cls, i)


@strawberry.type
class AreaPopulation:
    year: int
    age_band: str
    residents: int


@strawberry.type
class Area:
    id: UUID
    code: str
    name: str
    municipality_number: str
    kind: str
    populations: list[AreaPopulation]

    @classmethod
    def of(cls, v: dv.AreaView) -> Area:
        pops = [from_domain(AreaPopulation, p) for p in v.populations]
        return from_domain(cls, v.area, populations=pops)


@strawberry.type
class Observation:
    indicator_code: str
    area_code: str
    period: str
    cohort: str
    gender: str
    value: Decimal
    count: int | None
    denominator: int | None
    import_id: UUID | None

    @classmethod
    def of(cls, o: m.Observation) -> Observation:
        return from_domain(cls, o, period=str(o.period))


@strawberry.type
class SeriesPoint:
    period: str
    value: Decimal
    count: int | None
    denominator: int | None


@strawberry.type
class AreaRef:
    id: UUID
    code: str
    name: str


@strawberry.type
class IndicatorSeries:
    indicator: Indicator
    area: AreaRef
    cohort: str
    gender: str
    points: list[SeriesPoint]

    @classmethod
    def of(cls, s: dv.IndicatorSeries) -> IndicatorSeries:
        points = [from_domain(SeriesPoint, p, period=str(p.period)) for p in s.points]
        return from_domain(
            cls,
            s,
            indicator=Indicator.of(s.indicator),
            area=from_domain(AreaRef, s.area),
            points=points,
        )


@strawberry.type
class MeasureRef:
    id: UUID
    title: str
    stage: str
    factors: list[str]


@strawberry.type
class FactorMeasures:
    factor: str
    measures: list[MeasureRef]


@strawberry.type
class SituationalPicture:
    series: list[IndicatorSeries]
    measures_by_factor: list[FactorMeasures]

    @classmethod
    def of(cls, p: dv.Picture) -> SituationalPicture:
        return cls(
            series=[IndicatorSeries.of(s) for s in p.series],
            measures_by_factor=[
                FactorMeasures(factor=f, measures=[from_domain(MeasureRef, r) for r in refs])
                for f, refs in p.measures_by_factor.items()
            ],
        )


@strawberry.type
class ImportProgress:
    rows_read: int
    bytes_read: int
    bytes_total: int


@strawberry.type
class ImportResult:
    inserted: int
    updated: int
    unchanged: int
    rejected_rows: int
    error_count: int


@strawberry.type
class ImportFileError:
    code: str
    message: str


@strawberry.type
class ImportJob:
    id: UUID
    kind: ImportKind  # type: ignore[valid-type]
    format: ImportFormat  # type: ignore[valid-type]
    filename: str
    size_bytes: int
    sha256: str
    mode: ImportMode  # type: ignore[valid-type]
    mapping: JSON = strawberry.field(description="Target column → the file's header.")
    columns: list[str]
    ignored_columns: list[str]
    source_name: str | None
    status: ImportStatus  # type: ignore[valid-type]
    progress: ImportProgress
    result: ImportResult | None
    error: ImportFileError | None
    file_kept: bool = strawberry.field(
        description="The uploaded file is still on the server (commit and retry need it)."
    )
    started_by_name: str
    machine_org: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    rolled_back_at: datetime | None
    rolled_back_by_name: str | None
    version: int

    @classmethod
    def of(cls, j: m.ImportJob) -> ImportJob:
        return from_domain(
            cls,
            j,
            mapping=dict(j.mapping),
            progress=from_domain(ImportProgress, j.progress),
            result=None if j.result is None else from_domain(ImportResult, j.result),
            error=None if j.error is None else from_domain(ImportFileError, j.error),
            file_kept=j.file_ref is not None,
        )


@strawberry.type
class ImportColumn:
    name: str
    type: str
    required: bool
    max_length: int
    aliases: list[str]
    vocabulary: list[str] | None
    default: str | None
    minimum: int | None
    maximum: int | None
    references: str | None
    rule: str | None


@strawberry.type
class ImportKindSpec:
    kind: ImportKind  # type: ignore[valid-type]
    columns: list[ImportColumn]
    key: list[str]
