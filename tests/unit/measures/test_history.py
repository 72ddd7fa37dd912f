"""The stage history replays: any walk along the table's edges ends where ``replay`` says, in
whatever order the steps are handed over; a history that does not chain is refused."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.measures.history import BrokenHistory, StageChange, replay
from domain.measures.stage import EDGES, Stage

UNIT, MEASURE = uuid4(), uuid4()
AT = datetime(2026, 3, 14, tzinfo=UTC)


def change(sequence: int, source: Stage | None, target: Stage) -> StageChange:
    return StageChange(
        id=uuid4(),
        unit_id=UNIT,
        measure_id=MEASURE,
        from_stage=source,
        to_stage=target,
        at=AT,
        actor_person_id=None,
        actor_name="Test",
        sequence=sequence,
    )


@given(st.lists(st.integers(0, 2), max_size=12), st.randoms())
def test_a_walk_along_the_table_replays_to_where_it_ends(picks: list[int], rnd) -> None:  # type: ignore[no-untyped-def]
    steps, stage = [change(1, None, Stage.PROPOSED)], Stage.PROPOSED
    for pick in picks:
        onward = sorted(EDGES[stage])
        if not onward:
            break
        target = onward[pick % len(onward)]
        steps.append(change(len(steps) + 1, stage, target))
        stage = target
    rnd.shuffle(steps)
    assert replay(steps) is stage


def test_a_broken_history_is_refused() -> None:
    with pytest.raises(BrokenHistory):
        replay([])
    with pytest.raises(BrokenHistory):
        replay([change(1, Stage.PROPOSED, Stage.ASSESSED)])
    with pytest.raises(BrokenHistory):
        replay([change(1, None, Stage.PROPOSED), change(2, Stage.ASSESSED, Stage.DECIDED)])
