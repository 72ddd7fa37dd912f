"""Repository tier, knowledge: the sweeper's view across units on PostgreSQL — which previewed or
interrupted jobs still hold an uploaded file past the keeping time (``samordna_import_holding``,
a SECURITY DEFINER function: the app role reads no other unit's jobs itself), and the sweep
that gives those files up."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from uuid import UUID

from adapters.postgres.connection import RequestConnections
from adapters.postgres.knowledge.jobs import PgImportJobQueue
from domain.knowledge.model import ImportJob, ImportKind, JobStatus
from tests.repositories.knowledge.conftest import AT, Kpg

S = JobStatus


async def _job(
    kpg: Kpg, unit: UUID, status: JobStatus, hours_ago: int, ref: str | None
) -> ImportJob:
    running = await kpg.job(ImportKind.AREAS, ["kode", "navn", "kommune"], unit=unit)
    job = dataclasses.replace(
        running, status=status, file_ref=ref, finished_at=AT - timedelta(hours=hours_ago),
        version=running.version + 1,
    )  # fmt: skip
    async with kpg.factory(unit) as uow:
        await uow.jobs.update(job, running.version)
        await uow.commit()
    return job


async def test_the_jobs_holding_a_file_past_the_keeping_time_in_every_unit(kpg: Kpg) -> None:
    old_preview = await _job(kpg, kpg.unit, S.PREVIEWED, 48, "a" * 32)
    old_interrupted = await _job(kpg, kpg.other, S.INTERRUPTED, 30, "b" * 32)
    await _job(kpg, kpg.unit, S.PREVIEWED, 1, "c" * 32)  # recent: kept
    await _job(kpg, kpg.other, S.COMMITTED, 48, None)  # done: its file went at once
    await _job(kpg, kpg.unit, S.INTERRUPTED, 48, None)  # already given up
    queue = PgImportJobQueue(RequestConnections(kpg.app))
    held = set(await queue.holding(AT - timedelta(hours=24)))
    mine = {(kpg.unit, old_preview.id), (kpg.other, old_interrupted.id)}
    assert mine <= held
    assert all(u not in (kpg.unit, kpg.other) or (u, j) in mine for u, j in held)
