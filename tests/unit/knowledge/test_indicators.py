"""Knowledge unit tests room: indicator definitions — create, change, remove, in use, codes
unique per unit, field rules, and who may do what."""

from __future__ import annotations

from uuid import uuid4

import pytest

from domain.knowledge.errors import IndicatorCodeTaken, IndicatorInUse
from domain.knowledge.filters import IndicatorFilter
from domain.knowledge.service import IndicatorChange, IndicatorDraft
from domain.shared.errors import (
    Forbidden,
    NotFound,
    StaleVersion,
    ValidationFailed,
    VersionRequired,
)
from domain.shared.pagination import PageRequest
from domain.shared.principal import Principal
from tests.fakes import FakeKnowledge, coordinator, police_contact
from tests.unit.knowledge.conftest import UNIT_A, UNIT_B, seeded

DRAFT = IndicatorDraft(
    code="ungdata.mobbing", name="Blir mobbet", source="ungdata", category="school",
    measure_unit="percent", factors=("bullying",), description="Andel som blir mobbet",
    higher_is_better=False,
)  # fmt: skip


async def test_create_read_change_remove(k: FakeKnowledge, boss: Principal) -> None:
    i = await k.service.create_indicator(boss, DRAFT)
    assert (await k.service.indicator(police_contact(UNIT_A), i.id)) == i
    changed = await k.service.update_indicator(
        boss, i.id, IndicatorChange(name=" Mobbet ", clear=frozenset({"description"})), i.version
    )
    assert (changed.name, changed.description, changed.version) == ("Mobbet", None, 2)
    with pytest.raises(StaleVersion):
        await k.service.delete_indicator(boss, i.id, 1)
    with pytest.raises(VersionRequired):
        await k.service.delete_indicator(boss, i.id, None)
    await k.service.delete_indicator(boss, i.id, 2)
    with pytest.raises(NotFound):
        await k.service.indicator(boss, i.id)


async def test_codes_are_unique_per_unit(k: FakeKnowledge, boss: Principal) -> None:
    await k.service.create_indicator(boss, DRAFT)
    with pytest.raises(IndicatorCodeTaken):
        await k.service.create_indicator(boss, DRAFT)
    await k.service.create_indicator(coordinator(UNIT_B), DRAFT)  # another unit: its own codes


async def test_an_indicator_with_observations_stays(k: FakeKnowledge, boss: Principal) -> None:
    await seeded(k, boss)
    page = await k.service.indicators(boss, IndicatorFilter(search="alkohol"), PageRequest())
    i = page.items[0]
    with pytest.raises(IndicatorInUse) as e:
        await k.service.delete_indicator(boss, i.id, i.version)
    assert e.value.code == "indicator-in-use"
    with pytest.raises(IndicatorInUse):
        await k.service.update_indicator(boss, i.id, IndicatorChange(code="ny.kode"), i.version)
    renamed = await k.service.update_indicator(
        boss, i.id, IndicatorChange(name="Beruset"), i.version
    )
    assert renamed.code == i.code


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"code": "Store Bokstaver"}, "code", "invalid"),
        ({"code": "x" * 65}, "code", "too-long"),
        ({"name": " "}, "name", "required"),
        ({"source": "twitter"}, "source", "choice"),
        ({"measure_unit": "kg"}, "measureUnit", "choice"),
        ({"factors": ("sunshine",)}, "factors", "unknown"),
        ({"factors": ("bullying", "bullying")}, "factors", "duplicate"),
        ({"description": "x" * 2001}, "description", "too-long"),
        ({"name": "a\x00b"}, "name", "control-characters"),
    ],
    ids=lambda v: str(v)[:20] if isinstance(v, dict) else str(v),
)
async def test_field_rules(
    k: FakeKnowledge, boss: Principal, change: dict[str, object], field: str, code: str
) -> None:
    import dataclasses

    with pytest.raises(ValidationFailed) as e:
        await k.service.create_indicator(boss, dataclasses.replace(DRAFT, **change))  # type: ignore[arg-type]
    assert (field, code) in [(x.field, x.code) for x in e.value.errors]


async def test_readers_read_managers_write_tenants_are_apart(
    k: FakeKnowledge, boss: Principal, robot: Principal
) -> None:
    i = await k.service.create_indicator(boss, DRAFT)
    for p in (police_contact(UNIT_A), robot):
        with pytest.raises(Forbidden):
            await k.service.create_indicator(p, dataclasses_replace_code(DRAFT))
    with pytest.raises(Forbidden):
        await k.service.indicators(robot, IndicatorFilter(), PageRequest())
    other = coordinator(UNIT_B)
    with pytest.raises(NotFound):
        await k.service.indicator(other, i.id)
    with pytest.raises(NotFound):
        await k.service.delete_indicator(other, i.id, i.version)
    assert (await k.service.indicators(other, IndicatorFilter(), PageRequest())).items == []
    with pytest.raises(NotFound):
        await k.service.indicator(boss, uuid4())


def dataclasses_replace_code(d: IndicatorDraft) -> IndicatorDraft:
    import dataclasses

    return dataclasses.replace(d, code="annen.kode")
