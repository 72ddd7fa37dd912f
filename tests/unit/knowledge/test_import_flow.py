"""Knowledge unit tests room: an import from upload through preview, commit and rollback on the
fakes — all or nothing, provenance, stack discipline, the interrupted job and the sweeper."""

from __future__ import annotations

import pytest

from domain.knowledge.errors import FileRejected, ImportNotLatest, ImportNotReady
from domain.knowledge.filters import ObservationFilter
from domain.knowledge.model import ImportKind, ImportMode, JobStatus
from domain.shared.errors import StaleVersion, VersionRequired
from domain.shared.pagination import PageRequest
from domain.shared.principal import Principal
from tests.fakes import FakeKnowledge
from tests.unit.knowledge.conftest import (
    AREAS_CSV,
    INDICATORS_CSV,
    OBSERVATIONS_CSV,
    UNIT_A,
    imported,
    seeded,
    upload,
)

K = ImportKind


async def test_preview_writes_nothing_then_commit_writes_with_provenance(
    k: FakeKnowledge, boss: Principal
) -> None:
    job = await upload(k, boss, K.AREAS, AREAS_CSV, ImportMode.PREVIEW)
    assert job.status is JobStatus.QUEUED and job.mapping == {
        "code": "kode", "name": "navn", "municipality": "kommune", "kind": "type",
    }  # fmt: skip
    done = await k.service.run(job.id, UNIT_A)
    assert done.status is JobStatus.PREVIEWED
    assert done.result is not None and done.result.inserted == 2 and done.result.error_count == 0
    assert done.sample[0]["kind"] == "district" and done.sample[1]["kind"] == "district"
    assert await k.service.areas(boss) == []
    queued = await k.service.commit(boss, job.id, done.version)
    assert queued.status is JobStatus.QUEUED and queued.mode is ImportMode.COMMIT
    committed = await k.service.run(job.id, UNIT_A)
    assert committed.status is JobStatus.COMMITTED and committed.file_ref is None
    assert [a.area.code for a in await k.service.areas(boss)] == ["nord", "sentrum"]
    assert committed.file_ref is None and k.spool.files == {}


async def test_a_second_commit_of_one_preview_is_stale(k: FakeKnowledge, boss: Principal) -> None:
    job = await imported(k, boss, K.AREAS, AREAS_CSV, ImportMode.PREVIEW)
    await k.service.commit(boss, job.id, job.version)
    with pytest.raises(StaleVersion):
        await k.service.commit(boss, job.id, job.version)
    with pytest.raises(VersionRequired):
        await k.service.commit(boss, job.id, None)


async def test_row_errors_fail_the_job_and_nothing_is_written(
    k: FakeKnowledge, boss: Principal
) -> None:
    text = AREAS_CSV + "Bad Code,X,0301,\nvest,Vest,9999,\n"
    job = await imported(k, boss, K.AREAS, text)
    assert job.status is JobStatus.FAILED
    assert job.error is not None and job.error.code == "import-rows-rejected"
    assert job.result is not None and job.result.rejected_rows == 2
    errors = await k.service.errors(boss, job.id, PageRequest())
    assert [(e.row, e.column, e.code) for e in errors.items] == [
        (3, "code", "bad-code"),
        (4, "municipality", "unknown-municipality"),
    ]
    assert await k.service.areas(boss) == []
    report = (await k.service.error_report_csv(boss, job.id)).decode("utf-8-sig")
    assert report.splitlines()[0] == "rad;kolonne;kildekolonne;kode;melding;verdi"
    assert "4;municipality;kommune;unknown-municipality;" in report


async def test_a_preview_with_errors_cannot_be_committed(k: FakeKnowledge, boss: Principal) -> None:
    job = await imported(k, boss, K.AREAS, AREAS_CSV + ",X,0301,\n", ImportMode.PREVIEW)
    assert job.status is JobStatus.FAILED
    with pytest.raises(ImportNotReady):
        await k.service.commit(boss, job.id, job.version)


async def test_a_wrong_header_is_refused_at_upload_and_nothing_is_kept(
    k: FakeKnowledge, boss: Principal
) -> None:
    with pytest.raises(FileRejected) as e:
        await upload(k, boss, K.OBSERVATIONS, "indikator,område\nx,y\n")
    assert e.value.code == "import-columns" and "period" in e.value.detail
    assert k.spool.files == {} and (await k.service.jobs(boss, PageRequest())).items == []


async def test_a_file_problem_mid_stream_is_recorded_not_raised(
    k: FakeKnowledge, boss: Principal
) -> None:
    job = await upload(k, boss, K.AREAS, AREAS_CSV)
    k.spool.files[job.file_ref or ""] = b"kode,navn,kommune\n\xff\xfe\n"
    done = await k.service.run(job.id, UNIT_A)
    assert done.status is JobStatus.FAILED and done.error is not None
    assert done.error.code == "import-encoding"


async def test_an_empty_file_fails_with_import_empty(k: FakeKnowledge, boss: Principal) -> None:
    job = await imported(k, boss, K.AREAS, "kode,navn,kommune\n")
    assert job.status is JobStatus.FAILED and job.error and job.error.code == "import-empty"


async def test_update_counts_unchanged_and_rollback_restores(
    k: FakeKnowledge, boss: Principal
) -> None:
    await seeded(k, boss)
    again = OBSERVATIONS_CSV.replace("10.0,20", "11.0,22")
    second = await imported(k, boss, K.OBSERVATIONS, again)
    assert second.result is not None
    assert (second.result.inserted, second.result.updated, second.result.unchanged) == (0, 1, 2)
    page = await k.service.observations(boss, ObservationFilter(), PageRequest())
    assert {
        o.import_id for o in page.items if str(o.period) == "2024" and o.area_code == "sentrum"
    } == {second.id}
    undone = await k.service.rollback(boss, second.id, second.version)
    assert undone.status is JobStatus.ROLLED_BACK and undone.rolled_back_by_name
    values = {
        (o.area_code, str(o.period)): o.value
        for o in (await k.service.observations(boss, ObservationFilter(), PageRequest())).items
    }
    assert str(values[("sentrum", "2024")]) == "10.0"


async def test_rollback_keeps_stack_discipline(k: FakeKnowledge, boss: Principal) -> None:
    first = await imported(k, boss, K.AREAS, AREAS_CSV)
    second = await imported(k, boss, K.AREAS, "kode,navn,kommune\nvest,Vest,0301\n")
    with pytest.raises(ImportNotLatest) as e:
        await k.service.rollback(boss, first.id, first.version)
    assert str(second.id) in e.value.detail
    await k.service.rollback(boss, second.id, second.version)
    await k.service.rollback(boss, first.id, first.version)
    assert await k.service.areas(boss) == []
    with pytest.raises(ImportNotReady):
        await k.service.rollback(boss, first.id, first.version + 1)


async def test_a_killed_commit_writes_nothing_and_the_sweeper_interrupts_it(
    k: FakeKnowledge, boss: Principal
) -> None:
    job = await upload(k, boss, K.AREAS, AREAS_CSV)
    k.pipeline.crash_before_commit = True
    with pytest.raises(RuntimeError):
        await k.service.run(job.id, UNIT_A)
    got = await k.service.job(boss, job.id)
    assert got.status is JobStatus.INTERRUPTED and got.file_ref is not None
    assert await k.service.areas(boss) == []
    k.pipeline.crash_before_commit = False
    again = await k.service.retry(boss, job.id, got.version)
    assert (await k.service.run(again.id, UNIT_A)).status is JobStatus.COMMITTED


async def test_indicators_then_observations_refer_to_them(
    k: FakeKnowledge, boss: Principal
) -> None:
    await seeded(k, boss)
    job = await imported(
        k, boss, K.OBSERVATIONS, "indikator,område,periode,verdi\nnope,sentrum,2024,1\n"
    )
    errors = await k.service.errors(boss, job.id, PageRequest())
    assert [e.code for e in errors.items] == ["unknown-indicator"]
    assert INDICATORS_CSV


async def test_the_version_a_client_sees_at_commit_rolls_back(
    k: FakeKnowledge, boss: Principal
) -> None:
    """The pipeline commits the rows and the job's `committed` together; the runner's
    housekeeping afterwards keeps that version, so a rollback sent with what a poll showed at
    that moment is not a 412."""
    job = await upload(k, boss, K.AREAS, AREAS_CSV, ImportMode.COMMIT)
    seen: list[int] = []
    inner = k.pipeline.run

    async def spy(*args: object, **kwargs: object) -> object:
        outcome = await inner(*args, **kwargs)  # type: ignore[arg-type]
        seen.append(k.store.tables.jobs[job.id].version)  # what a poll now returns
        return outcome

    k.pipeline.run = spy  # type: ignore[method-assign,assignment]
    done = await k.service.run(job.id, UNIT_A)
    assert done.status is JobStatus.COMMITTED and done.version == seen[0]
    rolled = await k.service.rollback(boss, job.id, seen[0])
    assert rolled.status is JobStatus.ROLLED_BACK
