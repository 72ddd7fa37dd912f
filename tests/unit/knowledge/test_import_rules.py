"""Knowledge unit tests room: who may import, tenant isolation of jobs and mappings, the upload's
limits, saved mappings, the format from the extension, and the server's sweeper."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from uuid import UUID

import pytest

from domain.knowledge.errors import FileRejected, ImportNotReady
from domain.knowledge.imports import INTERRUPTED, format_of
from domain.knowledge.model import ImportFormat, ImportKind, ImportMode, JobStatus
from domain.shared.errors import Forbidden, NotFound, StaleVersion, ValidationFailed
from domain.shared.pagination import PageRequest
from domain.shared.principal import Principal
from tests.fakes import FakeKnowledge, coordinator, police_contact, steering_reader
from tests.unit.knowledge.conftest import AREAS_CSV, UNIT_A, UNIT_B, chunks, imported, upload

K = ImportKind


async def test_a_machine_with_import_write_imports_and_is_recorded(
    k: FakeKnowledge, robot: Principal
) -> None:
    job = await imported(k, robot, K.AREAS, AREAS_CSV)
    assert job.status is JobStatus.COMMITTED
    assert (job.machine_org, job.started_by_person_id) == ("0192:974760673", None)
    undone = await k.service.rollback(robot, job.id, job.version)
    assert undone.status is JobStatus.ROLLED_BACK


async def test_readers_see_history_but_not_row_errors_and_cannot_import(
    k: FakeKnowledge, boss: Principal
) -> None:
    job = await imported(k, boss, K.AREAS, AREAS_CSV + ",x,0301\n")
    reader = police_contact(UNIT_A)
    assert (await k.service.job(reader, job.id)).id == job.id
    assert [j.id for j in (await k.service.jobs(steering_reader(UNIT_A), PageRequest())).items] == [
        job.id
    ]
    for call in (
        k.service.errors(reader, job.id, PageRequest()),
        k.service.error_report_csv(reader, job.id),
        upload(k, reader, K.AREAS, AREAS_CSV),
        k.service.rollback(reader, job.id, job.version),
        k.service.mappings(reader, K.AREAS),
    ):
        with pytest.raises(Forbidden):
            await call
    assert k.spool.files == {}


async def test_another_unit_sees_no_job(k: FakeKnowledge, boss: Principal) -> None:
    job = await imported(k, boss, K.AREAS, AREAS_CSV, ImportMode.PREVIEW)
    other = coordinator(UNIT_B)
    assert (await k.service.jobs(other, PageRequest())).items == []
    for call in (
        k.service.job(other, job.id),
        k.service.errors(other, job.id, PageRequest()),
        k.service.commit(other, job.id, job.version),
        k.service.rollback(other, job.id, job.version),
    ):
        with pytest.raises(NotFound):
            await call


async def test_too_large_files_are_refused_and_not_kept(boss: Principal) -> None:
    k = FakeKnowledge.build(max_bytes=10)
    with pytest.raises(FileRejected) as e:
        await upload(k, boss, K.AREAS, AREAS_CSV)
    assert e.value.code == "import-too-large" and k.spool.files == {}


@pytest.mark.parametrize(
    ("filename", "fmt"),
    [
        ("a.CSV", ImportFormat.CSV),
        ("b.jsonl", ImportFormat.JSONL),
        ("c.ndjson", ImportFormat.JSONL),
        ("d.xlsx", ImportFormat.XLSX),
    ],
    ids=["csv", "jsonl", "ndjson", "xlsx"],
)
def test_format_from_the_extension(filename: str, fmt: ImportFormat) -> None:
    assert format_of(filename) is fmt


async def test_unknown_extension_and_bad_names_are_refused(
    k: FakeKnowledge, boss: Principal
) -> None:
    with pytest.raises(FileRejected) as e:
        await upload(k, boss, K.AREAS, AREAS_CSV, filename="data.pdf")
    assert e.value.code == "import-format"
    with pytest.raises(ValidationFailed):
        await upload(k, boss, K.AREAS, AREAS_CSV, filename="a\x00.csv")
    with pytest.raises(ValidationFailed):
        await upload(k, boss, K.AREAS, AREAS_CSV, source="x" * 101)
    assert k.spool.files == {}


async def test_a_saved_mapping_maps_the_next_file_of_its_source(
    k: FakeKnowledge, boss: Principal
) -> None:
    mapping = {"code": "Bydelskode", "name": "Bydelsnavn", "municipality": "Knr"}
    saved = await k.service.save_mapping(boss, K.AREAS, "SSB bydeler", mapping, None)
    with pytest.raises(StaleVersion):
        await k.service.save_mapping(boss, K.AREAS, "SSB bydeler", mapping, None)
    assert [m.source_name for m in await k.service.mappings(boss, K.AREAS)] == ["SSB bydeler"]
    assert await k.service.mappings(coordinator(UNIT_B), K.AREAS) == []
    text = "Bydelskode,Bydelsnavn,Knr,Annet\nsentrum,Sentrum,0301,x\n"
    job = await upload(k, boss, K.AREAS, text, source="SSB bydeler")
    assert job.mapping == mapping and job.ignored_columns == ("Annet",)
    assert (await k.service.run(job.id, UNIT_A)).status is JobStatus.COMMITTED
    changed = await k.service.save_mapping(
        boss, K.AREAS, "SSB bydeler", {**mapping, "kind": "Annet"}, saved.version
    )
    assert changed.version == 2
    with pytest.raises(ValidationFailed):
        await k.service.save_mapping(boss, K.AREAS, "SSB bydeler", {"colour": "x"}, 2)


class Queue:
    def __init__(
        self, stale: Sequence[tuple[UUID, UUID]], queued: Sequence[tuple[UUID, UUID]]
    ) -> None:
        self._stale, self._queued = stale, queued
        self._holding: Sequence[tuple[UUID, UUID]] = ()
        self.naming: set[str] = set()  # the spooled files some job names
        self.before: datetime | None = None

    async def stale(self, heartbeat_before: datetime) -> Sequence[tuple[UUID, UUID]]:
        self.before = heartbeat_before
        return self._stale

    async def queued(self) -> Sequence[tuple[UUID, UUID]]:
        return self._queued

    async def holding(self, finished_before: datetime) -> Sequence[tuple[UUID, UUID]]:
        return self._holding

    async def held(self, refs: Sequence[str]) -> set[str]:
        return {r for r in refs if r in self.naming}


async def test_the_sweeper_interrupts_silent_jobs_and_hands_back_queued_ones(
    k: FakeKnowledge, boss: Principal
) -> None:
    silent = await upload(k, boss, K.AREAS, AREAS_CSV)
    claimed = await k.service._claim(silent.id, UNIT_A)
    assert claimed is not None and claimed.status is JobStatus.RUNNING
    waiting = await upload(k, boss, K.AREAS, AREAS_CSV)
    k.clock.advance(seconds=30)
    queue = Queue([(UNIT_A, silent.id)], [(UNIT_A, waiting.id)])
    assert await k.service.sweep(queue) == [(UNIT_A, waiting.id)]
    assert (await k.service.job(boss, silent.id)).status is JobStatus.RUNNING  # 30 s: not yet
    k.clock.advance(seconds=31)
    await k.service.sweep(queue)
    gone = await k.service.job(boss, silent.id)
    assert gone.status is JobStatus.INTERRUPTED and gone.error is not None
    assert gone.error.message == INTERRUPTED
    assert (await k.service.run(silent.id, UNIT_A)).status is JobStatus.INTERRUPTED  # not queued


async def test_the_sweeper_gives_up_the_file_of_a_preview_never_committed_after_a_day(
    k: FakeKnowledge, boss: Principal
) -> None:
    preview = await imported(k, boss, K.AREAS, AREAS_CSV, ImportMode.PREVIEW)
    assert preview.status is JobStatus.PREVIEWED and preview.file_ref in k.spool.files
    queue = Queue([], [])
    queue._holding = [(UNIT_A, preview.id)]
    k.clock.advance(seconds=23 * 3600)
    await k.service.sweep(queue)  # 23 hours: kept, and still committable
    assert (await k.service.job(boss, preview.id)).file_ref in k.spool.files
    k.clock.advance(seconds=2 * 3600)
    await k.service.sweep(queue)
    assert k.spool.sweeps[-1] == k.clock.now() - timedelta(hours=24)  # unfinished writes too
    gone = await k.service.job(boss, preview.id)
    assert gone.file_ref is None and preview.file_ref not in k.spool.files
    assert gone.status is JobStatus.PREVIEWED and gone.result == preview.result  # kept
    with pytest.raises(ImportNotReady, match="deleted after 24 hours; upload it again"):
        await k.service.commit(boss, gone.id, gone.version)


async def test_the_sweeper_deletes_a_spooled_file_no_job_names_after_a_day(
    k: FakeKnowledge, boss: Principal
) -> None:
    preview = await imported(k, boss, K.AREAS, AREAS_CSV, ImportMode.PREVIEW)
    orphan = await k.spool.store(chunks(AREAS_CSV.encode()), 1000)  # died before its job
    queue = Queue([], [])
    queue.naming = {f for f in (preview.file_ref,) if f is not None}
    k.clock.advance(seconds=23 * 3600)
    await k.service.sweep(queue)
    assert orphan.ref in k.spool.files  # within the day an upload may still be becoming a job
    k.clock.advance(seconds=2 * 3600)
    await k.service.sweep(queue)
    assert orphan.ref not in k.spool.files
    assert preview.file_ref in k.spool.files  # a job names it: only its job gives it up


async def test_run_claims_once(k: FakeKnowledge, boss: Principal) -> None:
    job = await upload(k, boss, K.AREAS, AREAS_CSV, ImportMode.PREVIEW)
    first = await k.service.run(job.id, UNIT_A)
    second = await k.service.run(job.id, UNIT_A)
    assert first == second and k.pipeline.runs == 1
    assert chunks  # the helper streams in small chunks
