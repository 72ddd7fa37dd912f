"""Repository tier, knowledge: references without per-row foreign keys — the parents guard their
rows (an indicator in use is not deleted, a renamed code carries its observations, areas still in
use are not rolled back) and a deleted unit takes its bulk rows along."""

from __future__ import annotations

import dataclasses

import pytest
import sqlalchemy as sa

from domain.knowledge.errors import IndicatorInUse
from domain.knowledge.kinds import KINDS
from domain.knowledge.model import ImportKind
from domain.shared.errors import InUse
from tests.repositories.knowledge.conftest import Kpg, seed_context
from tests.repositories.knowledge.test_imports import AREAS_H, OBS, OBS_H, POP_H, _rows

K = ImportKind


async def test_rolling_back_areas_still_in_use_is_refused(kpg: Kpg) -> None:
    await seed_context(kpg)
    job, _ = await kpg.run(K.AREAS, AREAS_H, [["nord", "Nord", "0301", ""]])
    await kpg.run(K.POPULATIONS, POP_H, [["nord", "2025", "14-15", "1200"]])
    async with kpg.factory(kpg.unit) as uow:
        with pytest.raises(InUse):
            await uow.undo.rollback(await uow.jobs.get(job.id), KINDS[K.AREAS])
    assert await kpg.count("knowledge_areas") == 2


async def test_parents_guard_their_rows_without_foreign_keys(kpg: Kpg) -> None:
    """An indicator in use is not deleted; a renamed code carries its observations; a deleted
    unit takes its bulk rows along (migration 0014's statement triggers)."""
    await seed_context(kpg)
    await kpg.run(K.OBSERVATIONS, OBS_H, OBS)
    async with kpg.factory(kpg.unit) as uow:
        (a,) = await uow.indicators.by_codes(["ind.a"])
        with pytest.raises(IndicatorInUse):
            await uow.indicators.delete(a.id, a.version)
    async with kpg.factory(kpg.unit) as uow:
        renamed = dataclasses.replace(a, code="ind.renamed", version=a.version + 1)
        await uow.indicators.update(renamed, a.version)
        await uow.commit()
    codes = await _rows(
        kpg, "SELECT DISTINCT indicator_code FROM knowledge_observations WHERE unit_id = :u"
    )
    assert [r[0] for r in codes] == ["ind.renamed"]
    async with kpg.admin.begin() as conn:
        await conn.execute(sa.text("DELETE FROM slt_unit WHERE id = :u"), {"u": kpg.unit})
    assert await kpg.count("knowledge_observations") == 0
