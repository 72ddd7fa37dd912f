"""Knowledge unit tests room: the situational picture — series grouped by indicator × area ×
cohort × gender in period order, measures lined up by the indicators' factors; areas with their
populations; observation filters; another unit sees nothing."""

from __future__ import annotations

from decimal import Decimal
from uuid import uuid4

import pytest

from domain.knowledge.filters import ObservationFilter, PictureQuery
from domain.knowledge.model import ImportKind
from domain.knowledge.periods import Period
from domain.knowledge.views import MeasureRef
from domain.shared.errors import Forbidden, ValidationFailed
from domain.shared.pagination import PageRequest
from domain.shared.principal import Principal
from tests.fakes import FakeKnowledge, coordinator, machine, person, steering_reader
from tests.unit.knowledge.conftest import UNIT_A, UNIT_B, imported, seeded

REF_A = MeasureRef(
    id=uuid4(),
    title="Foreldremøter om alkohol",
    stage="active",
    factors=("early-substance-use", "parental-support"),
)
REF_B = MeasureRef(
    id=uuid4(), title="Aktivitetskort", stage="decided", factors=("positive-leisure",)
)
REF_C = MeasureRef(
    id=uuid4(),
    title="Skolemiljøteam",
    stage="active",
    factors=("school-attachment", "early-substance-use"),
)


async def test_series_and_measures_by_factor(k: FakeKnowledge, boss: Principal) -> None:
    await seeded(k, boss)
    k.store.measures[UNIT_A] = [REF_A, REF_B, REF_C]
    pic = await k.service.picture(
        steering_reader(UNIT_A), PictureQuery(indicator_codes=("ungdata.alkohol",))
    )
    keys = [(s.indicator.code, s.area.code, s.cohort, s.gender) for s in pic.series]
    assert keys == [
        ("ungdata.alkohol", "nord", "grade-8-10", "female"),
        ("ungdata.alkohol", "sentrum", "grade-8-10", "all"),
    ]
    sentrum = pic.series[1]
    assert [(str(p.period), p.value, p.count, p.denominator) for p in sentrum.points] == [
        ("2023", Decimal("12.5"), 25, 200),
        ("2024", Decimal("10.0"), 20, 200),
    ]
    assert pic.measures_by_factor == {"early-substance-use": (REF_A, REF_C)}


async def test_every_indicator_and_filters(k: FakeKnowledge, boss: Principal) -> None:
    await seeded(k, boss)
    pic = await k.service.picture(
        boss,
        PictureQuery(
            area_code="sentrum", period_from=Period.parse("2024"), period_to=Period.parse("2024")
        ),
    )
    assert [(s.area.code, len(s.points)) for s in pic.series] == [("sentrum", 1)]
    assert set(pic.measures_by_factor) == {"early-substance-use", "school-attachment"}
    assert pic.measures_by_factor["school-attachment"] == ()
    none = await k.service.picture(boss, PictureQuery(indicator_codes=("finnes.ikke",)))
    assert none.series == () and none.measures_by_factor == {}
    f = ObservationFilter(genders=("female",))
    assert [o.area_code for o in (await k.service.observations(boss, f, PageRequest())).items] == [
        "nord"
    ]


async def test_bad_filters_are_field_errors(k: FakeKnowledge, boss: Principal) -> None:
    with pytest.raises(ValidationFailed) as e:
        await k.service.observations(
            boss,
            ObservationFilter(
                cohorts=("old",), period_from=Period.parse("2025"), period_to=Period.parse("2024")
            ),
            PageRequest(),
        )
    assert {(x.field, x.code) for x in e.value.errors} == {
        ("cohort", "choice"),
        ("to", "before-start"),
    }


async def test_areas_carry_their_populations(k: FakeKnowledge, boss: Principal) -> None:
    await seeded(k, boss)
    text = "område,år,aldersgruppe,innbyggere\nsentrum,2025,16-17,90\nsentrum,2024,18-24,300\nsentrum,2025,10-13,120\n"
    job = await imported(k, boss, ImportKind.POPULATIONS, text)
    assert job.status == "committed"
    views = await k.service.areas(boss)
    assert [v.area.code for v in views] == ["nord", "sentrum"]
    assert [(p.year, p.age_band, p.residents) for p in views[1].populations] == [
        (2024, "18-24", 300), (2025, "10-13", 120), (2025, "16-17", 90),
    ]  # fmt: skip


async def test_another_unit_and_outsiders_see_nothing(k: FakeKnowledge, boss: Principal) -> None:
    await seeded(k, boss)
    other = coordinator(UNIT_B)
    assert (await k.service.picture(other, PictureQuery())).series == ()
    assert await k.service.areas(other) == []
    assert (await k.service.observations(other, ObservationFilter(), PageRequest())).items == []
    for outsider in (person(UNIT_A), machine(UNIT_A, ["samordna:import.write"])):
        with pytest.raises(Forbidden):
            await k.service.picture(outsider, PictureQuery())
