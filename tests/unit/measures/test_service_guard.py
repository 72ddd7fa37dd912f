"""The free-text guard on measure texts: blocked at the coordinating level (measures never
discuss individual cases), admitted with an override reason that is recorded — field, kinds and
counts, who and when, never the text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from domain.measures.changes import MeasureChanges, MilestoneInput
from domain.measures.measure import Tier
from domain.measures.service import MeasuresService
from domain.measures.stage import Stage
from domain.meetings.guard import KernelGuard
from domain.shared.free_text import NO_INDIVIDUAL_CASES, PersonalDataFound
from domain.shared.identity_number import first_synthetic
from tests.fakes.measures import FakeMeasuresUnitOfWorkFactory
from tests.unit.measures.conftest import MARKER, World

S = Stage


async def test_guard_blocks_personal_data_and_records_the_override(world: World) -> None:
    text = f"Gjelder gutten med fnr {MARKER}"
    with pytest.raises(PersonalDataFound) as caught:
        await world.propose(description=text)
    assert caught.value.field == "description"
    assert world.store.tables.measures == {}
    assert all(level == "coordinating" for _, level in world.guard.calls)
    v = await world.svc.propose_measure(
        world.coord,
        MeasureChanges(title="T", problem="P", tier=Tier.UNIVERSAL, description=text),
        override_reason="Fiktivt eksempel i opplæring",
    )
    (record,) = world.store.tables.measure_overrides
    assert (record.measure_id, record.field, record.reason) == (
        v.measure.id,
        "description",
        "Fiktivt eksempel i opplæring",
    )
    assert record.person_id == world.coord.person_id and record.counts == (1,)
    assert MARKER not in repr(record)  # kinds and counts, never the text
    with pytest.raises(PersonalDataFound) as caught:
        await world.svc.update_measure(
            world.coord,
            v.measure.id,
            MeasureChanges(milestones=(MilestoneInput(title=f"Ring {MARKER}"),)),
            1,
        )
    assert caught.value.field == "milestones.0.title"


async def test_the_kernel_guard_blocks_an_identity_number_and_a_phone_number(world: World) -> None:
    """The real guard at the coordinating level: measures never discuss individual cases."""
    real = MeasuresService(
        FakeMeasuresUnitOfWorkFactory(world.store),
        world.clock,
        KernelGuard(reference_year=2026),
        world.mail,
    )
    number = first_synthetic(date(2011, 4, 3))
    for field, text in (
        ("problem", f"Gutten med fnr. {number} er urolig."),
        ("targetGroup", "Ring moren på 412 34 567 for avtale."),
    ):
        changes = MeasureChanges(title="Tiltak", problem="Uro", tier=Tier.UNIVERSAL)
        changes = replace(changes, **{"problem" if field == "problem" else "target_group": text})
        with pytest.raises(PersonalDataFound) as caught:
            await real.propose_measure(world.coord, changes)
        assert caught.value.field == field
        assert caught.value.rule is not None and caught.value.rule.code == NO_INDIVIDUAL_CASES
        assert number not in str(caught.value)
    assert world.store.tables.measures == {}
    ok = await real.propose_measure(
        world.coord,
        MeasureChanges(
            title="Tiltak", problem="Uro blant 13–15-åringer i sentrum", tier=Tier.UNIVERSAL
        ),
    )
    assert ok.measure.stage is S.PROPOSED and world.store.tables.measure_overrides == []
