"""The free-text guard knows every registered name of the unit: after ``prepare(unit)`` a text
naming a registered subject or guardian (as written, a variant, one edit off) is blocked; the
same text without the name passes; a name registered in another unit does not count here."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest

from domain.meetings.guard import KernelGuard, screen
from domain.shared.free_text.index import NameIndex, build
from domain.shared.free_text.override import PersonalDataFound

HERE, THERE = uuid4(), uuid4()


class FakeRegisteredNames:
    def __init__(self, names: dict[UUID, list[str]]) -> None:
        self.names = names
        self.asked: list[UUID] = []

    async def index(self, unit_id: UUID) -> NameIndex:
        self.asked.append(unit_id)
        return build(self.names.get(unit_id, []))


@pytest.fixture
async def guard() -> KernelGuard:
    names = FakeRegisteredNames(
        {HERE: ["Ronja Fjellheim Skogly", "Halvard Skogly"], THERE: ["Tuva Bergerud"]}
    )
    g = KernelGuard(reference_year=2026, names=names)
    await g.prepare(HERE)
    return g


@pytest.mark.parametrize(
    "text",
    [
        "Ronja Fjellheim Skogly har hatt mye fravær.",  # as registered
        "Skogly, Ronja møter ikke opp.",  # reordered
        "Vi snakket om Ronja Skoglys situasjon.",  # genitive
        "R. Skogly trenger oppfølging.",  # initial
        "Ronja Skogli uteble igjen.",  # one edit off
        "Halvard Skogly ringte skolen.",  # a guardian
    ],
)
def test_a_registered_name_is_found(guard: KernelGuard, text: str) -> None:
    result = guard.check(text, level="coordinating", unit_id=HERE)
    assert result.blocked
    assert {f.kind.value for f in result.findings} == {"registered_name"}
    assert result.rule is not None and result.rule.code == "no-individual-cases"


def test_the_same_text_without_a_registered_name_passes(guard: KernelGuard) -> None:
    assert not guard.check(
        "Eleven har hatt mye fravær.", level="coordinating", unit_id=HERE
    ).blocked


def test_another_units_names_do_not_count(guard: KernelGuard) -> None:
    assert not guard.check("Tuva Bergerud uteble.", level="coordinating", unit_id=HERE).blocked


def test_without_a_unit_only_the_patterns_run(guard: KernelGuard) -> None:
    assert not guard.check("Halvard Skogly ringte.", level="coordinating").blocked


def test_screen_raises_for_the_field_with_the_name(guard: KernelGuard) -> None:
    with pytest.raises(PersonalDataFound) as found:
        screen(
            guard,
            {"title": "Fravær", "openText": "Ronja Skogly uteble."},
            level="coordinating",
            override_reason=None,
            unit_id=HERE,
        )
    assert found.value.field == "openText"
