"""Measures on PostgreSQL only: the records the database keeps as they were written — the stage
history chains and ends in the measure's stage, the history and notes cannot be changed or
removed by the app role (nor the history by the owner: a trigger), and the guard's override log
keeps kinds and counts, never the text."""

from __future__ import annotations

import dataclasses
from uuid import uuid4

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from domain.measures.history import StageChange
from domain.measures.measure import Measure
from domain.measures.overrides import MeasureOverrideRecord
from domain.measures.stage import Stage
from domain.shared.errors import Conflict
from domain.shared.free_text import Kind, Override
from tests.repositories.conftest import Engines
from tests.repositories.measures.conftest import AT, MeasureBackend


@pytest.fixture
def engines(request: pytest.FixtureRequest) -> Engines:
    """PostgreSQL only (overrides the tier's fake/postgres pair)."""
    return Engines(request.getfixturevalue("admin_engine"), request.getfixturevalue("app_engine"))


async def test_the_history_chains_and_ends_in_the_measures_stage(mb: MeasureBackend) -> None:
    m = mb.measure()
    await mb.store(m)
    first = mb.first_step(m)
    gap = dataclasses.replace(
        first, id=uuid4(), from_stage=Stage.ASSESSED, to_stage=Stage.DECIDED, sequence=2
    )
    async with mb.factory(mb.unit) as uow:
        with pytest.raises(Conflict):  # does not start where the history ended
            await uow.history.append(gap)
    step = dataclasses.replace(gap, from_stage=Stage.PROPOSED, to_stage=Stage.ASSESSED)
    for write_step, write_stage in ((True, False), (False, True)):
        with pytest.raises(Conflict):  # one without the other: refused at commit
            await _commit_parts(mb, m, step if write_step else None, write_stage)
    await _commit_parts(mb, m, step, True)
    async with mb.factory(mb.unit) as uow:
        assert (await uow.measures.get(m.id)).stage is Stage.ASSESSED


async def _commit_parts(
    mb: MeasureBackend, m: Measure, step: StageChange | None, stage: bool
) -> None:
    async with mb.factory(mb.unit) as uow:
        if step is not None:
            await uow.history.append(step)
        if stage:
            await uow.measures.update(m.with_stage(Stage.ASSESSED), m.version)
        await uow.commit()


@pytest.mark.parametrize("table", ["measure_stage_change", "measure_progress_note"])
async def test_the_app_role_cannot_change_or_remove_the_records(
    mb: MeasureBackend, app_engine: AsyncEngine, table: str
) -> None:
    m = mb.measure()
    await mb.store(m)
    unit = sa.text("SELECT set_config('samordna.unit_id', :u, true)")
    for statement in (
        f"UPDATE {table} SET at = now()",
        f"DELETE FROM {table}",
        f"TRUNCATE {table}",
    ):
        async with app_engine.connect() as conn:
            await conn.execute(unit, {"u": str(mb.unit)})
            with pytest.raises(DBAPIError, match="permission denied"):
                await conn.execute(sa.text(statement))
            await conn.rollback()


async def test_the_trigger_refuses_changing_history_even_for_the_owner(
    mb: MeasureBackend, admin_engine: AsyncEngine
) -> None:
    m = mb.measure()
    await mb.store(m)
    with pytest.raises(IntegrityError) as caught:
        async with admin_engine.begin() as conn:  # the owner, a superuser: triggers still fire
            await conn.execute(
                sa.text("UPDATE measure_stage_change SET reason = 'x' WHERE measure_id = :id"),
                {"id": m.id},
            )
    cause = caught.value.orig.__cause__  # type: ignore[union-attr]
    assert getattr(cause, "constraint_name", None) == "tg_measure_stage_change_append_only"


async def test_an_override_is_logged_with_kinds_and_counts_never_the_text(
    mb: MeasureBackend, admin_engine: AsyncEngine, app_engine: AsyncEngine
) -> None:
    m = mb.measure()
    await mb.store(m)
    override = Override(
        reason="Syntetisk testdata", field="problem", counts=((Kind.PHONE, 2),), rule="nb-1"
    )
    entry = MeasureOverrideRecord(
        override=override, measure_id=m.id, person_id=mb.owner.id, subject_key="k", at=AT
    )
    async with mb.factory(mb.unit) as uow:
        await uow.overrides.record(entry)
        await uow.commit()
    async with admin_engine.connect() as conn:
        row = (
            await conn.execute(
                sa.text("SELECT * FROM measure_text_override WHERE measure_id = :m"), {"m": m.id}
            )
        ).one()
    assert (row.field, row.reason, row.counts, row.rule) == (
        "problem", "Syntetisk testdata", {"phone": 2}, "nb-1",
    )  # fmt: skip
    unit = sa.text("SELECT set_config('samordna.unit_id', :u, true)")
    async with app_engine.connect() as conn:  # the log only grows
        await conn.execute(unit, {"u": str(mb.unit)})
        with pytest.raises(DBAPIError, match="permission denied"):
            await conn.execute(sa.text("DELETE FROM measure_text_override"))
        await conn.rollback()
