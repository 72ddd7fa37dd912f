"""Knowledge domain room: the reads of the knowledge base — areas with their populations,
observations, and the situational picture (series per indicator × area × cohort × gender beside
the measures that target the indicators' factors: the logic model)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from domain.knowledge import vocab
from domain.knowledge.base import UseCases
from domain.knowledge.filters import ObservationFilter, PictureQuery
from domain.knowledge.model import Area, AreaPopulation, Indicator, Observation
from domain.knowledge.views import AreaView, IndicatorSeries, MeasureRef, Picture, SeriesPoint
from domain.shared.errors import Errors
from domain.shared.pagination import Page, PageRequest
from domain.shared.principal import Principal

PICTURE_MAX_OBSERVATIONS = 20_000  # a picture draws at most this many points


def check_filter(f: ObservationFilter) -> None:
    e = Errors()
    if any(c not in vocab.COHORTS for c in f.cohorts):
        e.add("cohort", "choice", "Not one of the cohorts.")
    if any(g not in vocab.GENDERS for g in f.genders):
        e.add("gender", "choice", "Not one of the genders.")
    if f.period_from and f.period_to and f.period_to.end <= f.period_from.start:
        e.add("to", "before-start", "The end of the range is before its start.")
    e.raise_if_any()


def area_views(areas: Sequence[Area], populations: Sequence[AreaPopulation]) -> list[AreaView]:
    by_area: dict[str, list[AreaPopulation]] = defaultdict(list)
    for pop in populations:
        by_area[pop.area_code].append(pop)
    band = {b: i for i, b in enumerate(vocab.AGE_BANDS)}
    return [
        AreaView(
            area=a,
            populations=tuple(
                sorted(by_area[a.code], key=lambda x: (x.year, band.get(x.age_band, 99)))
            ),
        )
        for a in sorted(areas, key=lambda a: a.code)
    ]


def assemble(
    indicators: Sequence[Indicator],
    areas: Sequence[Area],
    observations: Sequence[Observation],
    measures: Sequence[MeasureRef],
) -> Picture:
    """Pure: group observations into series and line measures up by the indicators' factors."""
    by_code = {i.code: i for i in indicators}
    area_by_code = {a.code: a for a in areas}
    cohort_rank = {c: i for i, c in enumerate(vocab.COHORTS)}
    gender_rank = {g: i for i, g in enumerate(vocab.GENDERS)}
    groups: dict[tuple[str, str, str, str], list[Observation]] = defaultdict(list)
    for o in observations:
        if o.indicator_code in by_code and o.area_code in area_by_code:
            groups[(o.indicator_code, o.area_code, o.cohort, o.gender)].append(o)
    keys = sorted(
        groups,
        key=lambda k: (k[0], k[1], cohort_rank.get(k[2], 99), gender_rank.get(k[3], 99)),
    )
    series = tuple(
        IndicatorSeries(
            indicator=by_code[k[0]],
            area=area_by_code[k[1]],
            cohort=k[2],
            gender=k[3],
            points=tuple(
                SeriesPoint(
                    period=o.period, value=o.value, count=o.count, denominator=o.denominator
                )
                for o in sorted(groups[k], key=lambda o: o.period.sort_key())
            ),
        )
        for k in keys
    )
    factors = sorted({f for i in indicators for f in i.factors})
    by_factor = {
        f: tuple(sorted((m for m in measures if f in m.factors), key=lambda m: (m.title, m.id)))
        for f in factors
    }
    return Picture(series=series, measures_by_factor=by_factor)


class PictureUseCases(UseCases):
    async def areas(self, p: Principal) -> list[AreaView]:
        async with self._read(p) as uow:
            return area_views(await uow.areas.list(), await uow.areas.populations())

    async def observations(
        self, p: Principal, f: ObservationFilter, page: PageRequest
    ) -> Page[Observation]:
        check_filter(f)
        async with self._read(p) as uow:
            return await uow.observations.list(f, page)

    async def picture(self, p: Principal, q: PictureQuery) -> Picture:
        f = q.as_filter()
        check_filter(f)
        async with self._read(p) as uow:
            indicators = await uow.indicators.by_codes(list(q.indicator_codes or ()))
            areas = await uow.areas.list()
            observations = (
                await uow.observations.all(f, PICTURE_MAX_OBSERVATIONS) if indicators else []
            )
            factors = sorted({x for i in indicators for x in i.factors})
            measures = await uow.measure_targets.targeting(factors) if factors else []
        return assemble(indicators, areas, observations, measures)
