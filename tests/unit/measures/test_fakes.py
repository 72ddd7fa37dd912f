"""The measures fakes keep the database's rules (so the use-case tests mean what they say): the
history's first step is the proposal, each step chains and takes the next number once; updates
name the stored version; rows are another unit's to nobody; a rollback leaves nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from uuid import uuid4

import pytest

from domain.measures.history import StageChange
from domain.measures.measure import Measure, Tier
from domain.measures.stage import Stage
from domain.shared.errors import Conflict, NotFound, StaleVersion
from tests.fakes.measures import FakeMeasuresStore, FakeMeasuresUnitOfWorkFactory

AT = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)
S = Stage


def step(m: Measure, sequence: int, source: Stage | None, target: Stage) -> StageChange:
    return StageChange(
        id=uuid4(),
        unit_id=m.unit_id,
        measure_id=m.id,
        from_stage=source,
        to_stage=target,
        at=AT,
        actor_person_id=None,
        actor_name="Test",
        sequence=sequence,
    )


async def test_the_fakes_keep_the_databases_rules() -> None:
    store = FakeMeasuresStore()
    unit, other = store.seed_unit().id, store.seed_unit(name="Annen").id
    uows = FakeMeasuresUnitOfWorkFactory(store)
    m = Measure(id=uuid4(), unit_id=unit, title="T", problem="P", tier=Tier.UNIVERSAL)
    async with uows(unit) as uow:
        await uow.measures.add(m)
        with pytest.raises(Conflict):  # the first step is the proposal
            await uow.history.append(step(m, 1, S.PROPOSED, S.ASSESSED))
        await uow.history.append(step(m, 1, None, S.PROPOSED))
        with pytest.raises(StaleVersion):  # unique (measure, sequence)
            await uow.history.append(step(m, 1, None, S.PROPOSED))
        with pytest.raises(Conflict):  # does not start where the last one ended
            await uow.history.append(step(m, 2, S.ASSESSED, S.DECIDED))
        with pytest.raises(Conflict):  # a gap
            await uow.history.append(step(m, 3, S.PROPOSED, S.ASSESSED))
        await uow.history.append(step(m, 2, S.PROPOSED, S.ASSESSED))
        with pytest.raises(StaleVersion):
            await uow.measures.update(m, expected_version=2)
        await uow.commit()
    async with uows(other) as uow:
        with pytest.raises(NotFound):
            await uow.measures.get(m.id)
        assert await uow.history.of_measure(m.id) == []
        with pytest.raises(Conflict):  # another unit's measure is not there to refer to
            await uow.history.append(replace(step(m, 3, S.ASSESSED, S.DECIDED), unit_id=other))
    async with uows(unit) as uow:
        await uow.measures.delete(m.id, expected_version=1)  # not committed: rolled back
    async with uows(unit) as uow:
        assert [c.sequence for c in await uow.history.of_measure(m.id)] == [1, 2]
