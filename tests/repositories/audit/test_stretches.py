"""The verifier split into stretches walked by worker processes in one exported snapshot, on real
PostgreSQL: tampering at a seam between two stretches and inside a later stretch is reported at
its exact position, exactly as one walk from the start reports it — through the app role's
definer function and as the owner reading the tables directly."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.audit.sealer import Sealer
from adapters.postgres.audit.verifier import Checkpoint, Problem, Report, verify
from tests.repositories.audit.conftest import START, append, entry, ids, raw, tamper


async def _stretched(engine: AsyncEngine, marks: list[Checkpoint] | None = None) -> Report:
    """12 links in 3 stretches of 4: (0, 4], (4, 8], (8, 12]; seams before positions 5 and 9."""
    return await verify(engine, marks or [], workers=3, min_stretch=1)


@pytest.fixture(params=["app", "owner"])
def reader(request: pytest.FixtureRequest) -> AsyncEngine:
    """The app role pages the definer function; the owner streams the plain join."""
    engine: AsyncEngine = request.getfixturevalue(
        "app_engine" if request.param == "app" else "admin_engine"
    )
    return engine


async def _sealed(app: AsyncEngine, admin: AsyncEngine) -> list[int]:
    unit = uuid4()
    entries = [
        entry(unit, n, at=START + timedelta(seconds=n, microseconds=n * 1010)) for n in range(11)
    ]
    entries.append(entry(unit, 11, actor_role="rådgiver ✓", client='a\tb\\c"d\x01'))
    await append(app, unit, entries)
    await Sealer(app).seal()
    return await ids(admin)


@pytest.mark.parametrize(
    ("case", "sql", "found"),
    [
        ("seam entry", "UPDATE access_log_entry SET client = 'x' WHERE id = {5}", ["changed@5"]),
        ("second stretch", "UPDATE access_log_entry SET at = at + interval '1 microsecond' WHERE id = {7}", ["changed@7"]),
        ("link before seam", "UPDATE access_log_chain SET hash = sha256(hash) WHERE position = 4", ["changed@4", "link-altered@5"]),
        ("links across seam", "DELETE FROM access_log_chain WHERE position IN (4, 5)", ["link-missing@4", "link-altered@6"]),
        ("whole stretch", "DELETE FROM access_log_chain WHERE position BETWEEN 5 AND 8", ["link-missing@5", "link-altered@9"]),
        ("deleted at seam", "DELETE FROM access_log_entry WHERE id = {9}", ["deleted@9"]),
        ("odd time", "UPDATE access_log_entry SET at = 'infinity' WHERE id = {6}", ["changed@6"]),
        ("non-ascii", "UPDATE access_log_entry SET actor_role = 'rådgivar ✓' WHERE id = {12}", ["changed@12"]),
    ],
)  # fmt: skip
async def test_stretches_find_tampering_at_seams_exactly_as_one_walk(
    app_engine: AsyncEngine,
    admin_engine: AsyncEngine,
    reader: AsyncEngine,
    case: str,
    sql: str,
    found: list[str],
) -> None:
    chain = await _sealed(app_engine, admin_engine)
    await tamper(admin_engine, sql.format(None, *chain))
    report = await _stretched(reader)
    expected = []
    for f in found:
        kind, position = f.split("@")
        at = int(position)
        expected.append(Problem(kind, at, None if kind == "link-missing" else chain[at - 1]))
    assert report.problems == expected, case
    assert report.first == expected[0]
    one_walk = await verify(reader, workers=1)
    assert report.problems == one_walk.problems and report.checked == one_walk.checked


async def test_checkpoints_are_read_in_every_stretch(
    app_engine: AsyncEngine, admin_engine: AsyncEngine, reader: AsyncEngine
) -> None:
    await _sealed(app_engine, admin_engine)
    rows = await raw(admin_engine, "SELECT position, hash FROM access_log_chain WHERE $1", True)
    heads = {r[0]: bytes(r[1]) for r in rows}
    marks = [Checkpoint(p, heads[p]) for p in (3, 6, 12)]
    report = await _stretched(reader, marks)
    assert report.ok and report.checked == 12
    forged = [Checkpoint(6, heads[5]), Checkpoint(13, heads[12])]
    assert (await _stretched(reader, forged)).problems == [
        Problem("checkpoint-mismatch", 6),
        Problem("truncated", 13),
    ]


async def test_every_link_once_whatever_the_number_of_stretches(
    app_engine: AsyncEngine, admin_engine: AsyncEngine, reader: AsyncEngine
) -> None:
    await _sealed(app_engine, admin_engine)
    for workers in (1, 2, 12, 40):  # 40: no more stretches than links
        report = await verify(reader, workers=workers, min_stretch=1)
        assert report.ok and report.checked == 12 and report.unsealed == 0, workers
