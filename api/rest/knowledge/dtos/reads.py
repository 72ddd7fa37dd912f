"""REST knowledge room: areas with their populations, observations and the situational picture
(series per indicator × area × cohort × gender, the measures that target each factor)."""

from __future__ import annotations

from decimal import Decimal
from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto
from api.rest.knowledge.dtos.indicators import IndicatorRead
from api.rest.knowledge.dtos.vocab import AgeBand, AreaKind, Cohort, Gender
from domain.knowledge.model import Observation
from domain.knowledge.views import AreaView, IndicatorSeries, Picture, SeriesPoint

VALUE = 'Exact decimal as text, e.g. "12.5".'
PERIOD = "YYYY, YYYYH1/H2 or YYYYQ1..Q4."


class PopulationRead(Dto):
    year: int
    age_band: AgeBand
    residents: int


class AreaRead(Dto):
    id: UUID
    code: str
    name: str
    municipality_number: str
    kind: AreaKind
    populations: list[PopulationRead] = Field(description="By year, then age band.")

    @classmethod
    def of(cls, v: AreaView) -> Self:
        a = v.area
        return cls(
            id=a.id,
            code=a.code,
            name=a.name,
            municipality_number=a.municipality_number,
            kind=a.kind,  # type: ignore[arg-type]
            populations=[PopulationRead.from_domain(p) for p in v.populations],
        )


class ObservationRead(Dto):
    indicator_code: str
    area_code: str
    period: str = Field(description=PERIOD)
    cohort: Cohort
    gender: Gender
    value: Decimal = Field(description=VALUE)
    count: int | None
    denominator: int | None
    import_id: UUID | None = Field(description="The import that set the value (provenance).")

    @classmethod
    def of(cls, o: Observation) -> Self:
        values = {f: getattr(o, f) for f in cls.model_fields if f != "period"}
        return cls.model_validate({**values, "period": str(o.period)})


class PointRead(Dto):
    period: str = Field(description=PERIOD)
    value: Decimal = Field(description=VALUE)
    count: int | None
    denominator: int | None

    @classmethod
    def of(cls, p: SeriesPoint) -> Self:
        return cls(period=str(p.period), value=p.value, count=p.count, denominator=p.denominator)


class AreaRef(Dto):
    id: UUID
    code: str
    name: str


class SeriesRead(Dto):
    indicator: IndicatorRead
    area: AreaRef
    cohort: Cohort
    gender: Gender
    points: list[PointRead] = Field(description="By period.")

    @classmethod
    def of(cls, s: IndicatorSeries) -> Self:
        return cls(
            indicator=IndicatorRead.from_domain(s.indicator),
            area=AreaRef.from_domain(s.area),
            cohort=s.cohort,  # type: ignore[arg-type]
            gender=s.gender,  # type: ignore[arg-type]
            points=[PointRead.of(p) for p in s.points],
        )


class MeasureRefRead(Dto):
    id: UUID
    title: str
    stage: str
    factors: list[str]


class SituationPictureRead(Dto):
    series: list[SeriesRead] = Field(description="By indicator code, area code, cohort, gender.")
    measures_by_factor: dict[str, list[MeasureRefRead]] = Field(
        description="For each factor of the series' indicators, the measures that target it."
    )

    @classmethod
    def of(cls, p: Picture) -> Self:
        return cls(
            series=[SeriesRead.of(s) for s in p.series],
            measures_by_factor={
                f: [MeasureRefRead.from_domain(m) for m in refs]
                for f, refs in p.measures_by_factor.items()
            },
        )
