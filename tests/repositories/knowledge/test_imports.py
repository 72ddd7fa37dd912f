"""Repository tier, knowledge: the import pipeline and the repositories on PostgreSQL — a round
trip per kind, idempotent re-imports, provenance, previews and failing files that write nothing,
rollback (restores previous values; stack discipline), tenant isolation and two concurrent
commits of one kind."""

from __future__ import annotations

import asyncio
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from domain.knowledge.errors import ImportNotLatest
from domain.knowledge.filters import ObservationFilter
from domain.knowledge.kinds import KINDS
from domain.knowledge.model import ImportKind, ImportMode, JobStatus
from domain.knowledge.periods import Period
from domain.shared.errors import NotFound
from domain.shared.pagination import PageRequest
from tests.repositories.knowledge.conftest import Kpg, seed_context

K = ImportKind
PREVIEW = ImportMode.PREVIEW
AREAS_H = ["kode", "navn", "kommune", "type"]
IND_H = ["kode", "navn", "kilde", "kategori", "enhet", "faktorer", "beskrivelse"]
POP_H = ["område", "år", "aldersgruppe", "innbyggere"]
OBS_H = ["indikator", "område", "periode", "kjønn", "verdi", "antall", "nevner"]
EV_H = ["id", "kategori", "område", "aldersgruppe", "dato", "pseudonym"]
OBS = [
    ["ind.a", "sentrum", "2024", "jente", "12,5", "3", "24"],
    ["ind.a", "sentrum", "2025H1", "", "10", "", ""],
    ["ind.a", "sentrum", "2025H2", "gutt", "8.25", "2", "24"],
]


async def _rows(kpg: Kpg, sql: str) -> list[sa.Row]:  # type: ignore[type-arg]
    async with kpg.admin.connect() as conn:
        return list(await conn.execute(sa.text(sql), {"u": kpg.unit}))


async def _mark(kpg: Kpg, job_id, status: str = "committed") -> None:  # type: ignore[no-untyped-def]
    async with kpg.admin.begin() as conn:
        await conn.execute(
            sa.text("UPDATE knowledge_import_jobs SET status = :s WHERE id = :id"),
            {"s": status, "id": job_id},
        )


async def test_areas_and_populations_round_trip(kpg: Kpg) -> None:
    _, out = await kpg.run(K.AREAS, AREAS_H, [["sentrum", "Sentrum", "0301", "bydel"],
                                              ["by", "Hele byen", "3301", "kommune"]])  # fmt: skip
    assert (out.result.inserted, out.error_count) == (2, 0)
    _, out = await kpg.run(K.POPULATIONS, POP_H, [["sentrum", "2025", "14-15", "1200"],
                                                  ["by", "2025", "10-13", "800"]])  # fmt: skip
    assert out.result.inserted == 2
    async with kpg.factory(kpg.unit) as uow:
        areas = await uow.areas.list()
        pops = await uow.areas.populations()
    assert [(a.code, a.name, a.municipality_number, a.kind) for a in areas] == [
        ("by", "Hele byen", "3301", "municipality"),
        ("sentrum", "Sentrum", "0301", "district"),
    ]
    assert [(p.area_code, p.year, p.age_band, p.residents) for p in pops] == [
        ("by", 2025, "10-13", 800),
        ("sentrum", 2025, "14-15", 1200),
    ]


async def test_indicators_round_trip_and_the_picture_reads(kpg: Kpg) -> None:
    await seed_context(kpg)
    row = [
        "ind.b",
        "Trives på skolen",
        "Ungdata",
        "school",
        "percent",
        "bullying, trusted-adult",
        "",
    ]
    _job, out = await kpg.run(K.INDICATORS, IND_H, [row])
    assert out.result.inserted == 1
    async with kpg.factory(kpg.unit) as uow:
        (b,) = await uow.indicators.by_codes(["ind.b"])
        assert (b.name, b.source, b.factors, b.description) == (
            "Trives på skolen", "ungdata", ("bullying", "trusted-adult"), None,
        )  # fmt: skip
        assert not await uow.indicators.in_use(b.id)
    _, out = await kpg.run(K.OBSERVATIONS, OBS_H, OBS)
    assert (out.result.inserted, out.error_count) == (3, 0)
    async with kpg.factory(kpg.unit) as uow:
        obs = await uow.observations.all(ObservationFilter(indicator_codes=("ind.a",)), 100)
        page = await uow.observations.list(ObservationFilter(), PageRequest(limit=2))
        rest = await uow.observations.list(ObservationFilter(), PageRequest.of(2, page.next_cursor))
        within = await uow.observations.all(
            ObservationFilter(period_from=Period.parse("2025"), period_to=Period.parse("2025")), 9
        )
    assert [(str(o.period), o.gender, o.value, o.count) for o in obs] == [
        ("2024", "female", Decimal("12.5"), 3),
        ("2025H1", "all", Decimal("10"), None),
        ("2025H2", "male", Decimal("8.25"), 2),
    ]
    assert page.total == 3 and len(page.items) + len(rest.items) == 3 and rest.next_cursor is None
    assert [str(o.period) for o in within] == ["2025H1", "2025H2"]


async def test_events_round_trip(kpg: Kpg) -> None:
    await seed_context(kpg)
    rows = [["E-1", "violence", "sentrum", "14-15", "03.02.2025", "sa8Hd7sk_29-xk"],
            ["E-2", "Theft", "Sentrum", "16-17", "2025-02-04", "Zq9_8wd-1ab"]]  # fmt: skip
    job, out = await kpg.run(K.EVENTS, EV_H, rows)
    assert out.result.inserted == 2
    got = await _rows(kpg, "SELECT external_id, category, area_code, occurred_on, import_id,"
                      " first_import_id FROM knowledge_event_records WHERE unit_id = :u ORDER BY 1")  # fmt: skip
    assert [tuple(r) for r in got] == [
        ("E-1", "violence", "sentrum", date(2025, 2, 3), job.id, job.id),
        ("E-2", "theft", "sentrum", date(2025, 2, 4), job.id, job.id),
    ]
    async with kpg.factory(kpg.unit) as uow:
        stored = await uow.jobs.get(job.id)
    assert stored.status is JobStatus.COMMITTED and stored.result == out.result


async def test_digest_and_uuid_keys_commit_and_the_table_refuses_identity_numbers(kpg: Kpg):
    """Keys of the form of a digest or UUID load whatever digits they hold (migration 0016's
    CHECK agrees with the validation); an identity number written past the import is refused
    by the table itself, bare or as written."""
    await seed_context(kpg)
    sha, uid = "9f2c01010112345670" + "ab" * 23, "0b6e16a4-2f1c-4b5e-9d1a-010101123456"
    keys = [sha, "pseudo-" + sha.upper(), uid]
    rows = [[f"E-{i}", "violence", "sentrum", "14-15", "2025-02-03", k] for i, k in enumerate(keys)]
    _, out = await kpg.run(K.EVENTS, EV_H, rows)
    assert out.result.inserted == 3 and out.error_count == 0
    for key in ("x01010112345x", "p-010101-12345", "0101011234" + "5" * 21):
        with pytest.raises(sa.exc.IntegrityError, match="pseudonymous"):
            async with kpg.admin.begin() as conn:
                await conn.execute(
                    sa.text(
                        "INSERT INTO knowledge_event_records (unit_id, external_id, category,"
                        " area_code, age_band, occurred_on, subject_key) VALUES (:u, 'E-9',"
                        " 'violence', 'sentrum', '14-15', DATE '2025-02-03', :k)"
                    ),
                    {"u": kpg.unit, "k": key},
                )


async def test_the_same_file_twice_changes_nothing(kpg: Kpg) -> None:
    await seed_context(kpg)
    first, _ = await kpg.run(K.OBSERVATIONS, OBS_H, OBS)
    _second, out = await kpg.run(K.OBSERVATIONS, OBS_H, OBS)
    assert (out.result.inserted, out.result.updated, out.result.unchanged) == (0, 0, 3)
    assert await kpg.count("knowledge_observations") == 3
    ids = await _rows(
        kpg, "SELECT DISTINCT import_id FROM knowledge_observations WHERE unit_id = :u"
    )
    assert [r[0] for r in ids] == [first.id]  # unchanged rows keep their provenance


async def test_a_changed_row_is_updated_with_the_new_provenance(kpg: Kpg) -> None:
    await seed_context(kpg)
    first, _ = await kpg.run(K.OBSERVATIONS, OBS_H, OBS)
    changed = [
        OBS[0],
        [*OBS[1][:4], "11", "", ""],
        OBS[2],
        ["ind.a", "sentrum", "2023", "", "1", "", ""],
    ]
    second, out = await kpg.run(K.OBSERVATIONS, OBS_H, changed)
    assert (out.result.inserted, out.result.updated, out.result.unchanged) == (1, 1, 2)
    got = await _rows(kpg, "SELECT period, value, import_id, first_import_id FROM"
                      " knowledge_observations WHERE unit_id = :u ORDER BY period_start")  # fmt: skip
    assert [tuple(r) for r in got] == [
        ("2023", Decimal("1"), second.id, second.id),
        ("2024", Decimal("12.5"), first.id, first.id),
        ("2025H1", Decimal("11"), second.id, first.id),
        ("2025H2", Decimal("8.25"), first.id, first.id),
    ]


async def test_a_preview_counts_what_would_change_and_writes_nothing(kpg: Kpg) -> None:
    await seed_context(kpg)
    await kpg.run(K.OBSERVATIONS, OBS_H, OBS[:2])
    job, out = await kpg.run(
        K.OBSERVATIONS, OBS_H, [OBS[0], [*OBS[1][:4], "11", "", ""], OBS[2]], PREVIEW
    )
    assert (out.result.inserted, out.result.updated, out.result.unchanged) == (1, 1, 1)
    assert len(out.sample) == 3 and out.sample[1]["value"] == "11"
    assert await kpg.count("knowledge_observations") == 2
    async with kpg.factory(kpg.unit) as uow:
        assert (await uow.jobs.get(job.id)).status is JobStatus.RUNNING  # the service records it


async def test_a_file_with_one_bad_row_writes_nothing(kpg: Kpg) -> None:
    await seed_context(kpg)
    _job, out = await kpg.run(
        K.OBSERVATIONS, OBS_H, [*OBS, ["ind.a", "vest", "2025", "", "1", "", ""]]
    )
    assert out.error_count == 1 and out.errors[0].code == "unknown-area"
    assert await kpg.count("knowledge_observations") == 0
    assert await kpg.count("knowledge_import_row_history") == 0


async def test_rollback_restores_previous_values_and_keeps_stack_discipline(kpg: Kpg) -> None:
    await seed_context(kpg)
    first, _ = await kpg.run(K.OBSERVATIONS, OBS_H, OBS)
    second, _ = await kpg.run(
        K.OBSERVATIONS,
        OBS_H,
        [[*OBS[0][:4], "99", "", ""], ["ind.a", "sentrum", "2023", "", "1", "", ""]],
    )
    spec = KINDS[K.OBSERVATIONS]
    async with kpg.factory(kpg.unit) as uow:
        stored_first = await uow.jobs.get(first.id)
        assert (await uow.jobs.latest_committed(K.OBSERVATIONS)).id == second.id  # type: ignore[union-attr]
        with pytest.raises(ImportNotLatest):
            await uow.undo.rollback(stored_first, spec)
    async with kpg.factory(kpg.unit) as uow:
        result = await uow.undo.rollback(await uow.jobs.get(second.id), spec)
        await uow.commit()
    assert (result.inserted, result.updated) == (1, 1)
    got = await _rows(kpg, "SELECT period, value, import_id FROM knowledge_observations"
                      " WHERE unit_id = :u ORDER BY period_start")  # fmt: skip
    assert [tuple(r) for r in got] == [
        ("2024", Decimal("12.5"), first.id),
        ("2025H1", Decimal("10"), first.id),
        ("2025H2", Decimal("8.25"), first.id),
    ]
    await _mark(kpg, second.id, "rolled_back")
    async with kpg.factory(kpg.unit) as uow:
        result = await uow.undo.rollback(await uow.jobs.get(first.id), spec)
        await uow.commit()
    assert result.inserted == 3 and await kpg.count("knowledge_observations") == 0


async def test_another_unit_sees_nothing(kpg: Kpg) -> None:
    await seed_context(kpg)
    job, _ = await kpg.run(K.OBSERVATIONS, OBS_H, OBS)
    async with kpg.factory(kpg.other) as uow:
        assert await uow.areas.list() == [] and await uow.indicators.by_codes([]) == []
        assert await uow.observations.all(ObservationFilter(), 100) == []
        assert (await uow.jobs.list(PageRequest())).total == 0
        with pytest.raises(NotFound):
            await uow.jobs.get(job.id)
    # Its own file naming the first unit's codes finds none of them.
    await seed_context(kpg, kpg.other)
    _, out = await kpg.run(K.OBSERVATIONS, OBS_H, [["ind.a", "sentrum", "2024", "", "1", "", ""],
                                                   ["ind.a", "sentrum", "2024", "gutt", "1", "", ""]],
                           unit=kpg.other)  # fmt: skip
    assert out.result.inserted == 2
    assert await kpg.count("knowledge_observations") == 3
    assert await kpg.count("knowledge_observations", kpg.other) == 2


async def test_two_concurrent_commits_of_one_kind_stay_consistent(kpg: Kpg) -> None:
    await seed_context(kpg)
    await kpg.run(K.OBSERVATIONS, OBS_H, OBS)
    a_rows = [
        [*OBS[0][:4], "1", "", ""],
        [*OBS[1][:4], "1", "", ""],
        ["ind.a", "sentrum", "2020", "", "1", "", ""],
    ]
    b_rows = [
        [*OBS[0][:4], "2", "", ""],
        [*OBS[2][:4], "2", "", ""],
        ["ind.a", "sentrum", "2020", "", "2", "", ""],
    ]
    (a, oa), (b, ob) = await asyncio.gather(
        kpg.run(K.OBSERVATIONS, OBS_H, a_rows), kpg.run(K.OBSERVATIONS, OBS_H, b_rows)
    )
    # Together: 2020 inserted once, then updated by the later one; every row names its writer.
    assert oa.result.inserted + ob.result.inserted == 1
    got = {r[0]: (r[1], r[2]) for r in await _rows(kpg, "SELECT period, value, import_id FROM"
                                                  " knowledge_observations WHERE unit_id = :u")}  # fmt: skip
    assert len(got) == 4
    async with kpg.factory(kpg.unit) as uow:
        latest = await uow.jobs.latest_committed(K.OBSERVATIONS)
    assert latest is not None and latest.id in (a.id, b.id)
    later_rows = b_rows if latest.id == b.id else a_rows
    assert got["2020"] == (Decimal(later_rows[2][4]), latest.id)
    # Undoing both, latest first, leaves the first file's values: the histories chained.
    for job in (latest, a if latest.id == b.id else b):
        async with kpg.factory(kpg.unit) as uow:
            await uow.undo.rollback(await uow.jobs.get(job.id), KINDS[K.OBSERVATIONS])
            await uow.commit()
        await _mark(kpg, job.id, "rolled_back")
    got = {r[0]: r[1] for r in await _rows(kpg, "SELECT period, value FROM"
                                           " knowledge_observations WHERE unit_id = :u")}  # fmt: skip
    assert got == {"2024": Decimal("12.5"), "2025H1": Decimal("10"), "2025H2": Decimal("8.25")}
