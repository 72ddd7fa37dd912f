"""Repository tier, knowledge: the sweeper's view across units on PostgreSQL — which previewed or
interrupted jobs still hold an uploaded file past the keeping time (``samordna_import_holding``),
which spooled files any job still names (``samordna_import_files_held``; SECURITY DEFINER
functions both: the app role reads no other unit's jobs itself), and the sweep that gives
those files up."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from uuid import UUID

import sqlalchemy as sa

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


async def test_which_spooled_files_a_job_of_any_unit_names(kpg: Kpg) -> None:
    mine = await _job(kpg, kpg.unit, S.PREVIEWED, 1, "e" * 32)
    theirs = await _job(kpg, kpg.other, S.INTERRUPTED, 1, "f" * 32)
    queue = PgImportJobQueue(RequestConnections(kpg.app))
    nobody = "0" * 32
    assert await queue.held([str(mine.file_ref), str(theirs.file_ref), nobody]) == {
        "e" * 32,
        "f" * 32,
    }
    assert await queue.held([nobody]) == set()
    assert await queue.held([]) == set()


async def test_the_sweepers_functions_are_definers_only_the_app_may_call(kpg: Kpg) -> None:
    functions = sa.text(
        "SELECT p.proname, p.prosecdef, has_function_privilege('samordna_app', p.oid, 'EXECUTE'),"
        " has_function_privilege('public', p.oid, 'EXECUTE'),"
        " array_to_string(p.proconfig, ',') LIKE '%search_path%'"
        " FROM pg_proc p WHERE p.proname IN ('samordna_import_holding', 'samordna_import_files_held')"
        " ORDER BY p.proname"
    )
    async with kpg.admin.connect() as conn:
        rows = (await conn.execute(functions)).all()
    assert [r[0] for r in rows] == ["samordna_import_files_held", "samordna_import_holding"]
    assert all(r[1] and r[2] and not r[3] and r[4] for r in rows), rows
