"""Migration 0002 over a database that the race already damaged: it refuses, names the rule and
says how to find the rows, and changes nothing (deciding which row is right is a person's call)."""

import asyncio
import os
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.postgres import migrate
from adapters.postgres.database import drop_embedded_database, fresh_embedded_database
from tests.conftest import STATE


@pytest.fixture
def at_0001():
    name = f"samordna_overlaps_{os.getpid()}"
    url = fresh_embedded_database(STATE, name).admin
    migrate.upgrade(url, "0001")
    yield url
    drop_embedded_database(STATE, name)


def _sync(url: str, *statements: str, **params: object) -> list[object]:
    return asyncio.run(_run(url, *statements, **params))


async def _run(url: str, *statements: str, **params: object) -> list[object]:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            results = [await conn.execute(sa.text(s), params) for s in statements]
            return [r.scalar() if r.returns_rows else None for r in results]
    finally:
        await engine.dispose()


def test_upgrade_refuses_memberships_that_already_overlap(at_0001):
    # sync: Alembic's env runs its own event loop
    ids = {k: uuid.uuid4() for k in ("unit", "body", "person", "m1", "m2")}
    _sync(
        at_0001,
        "INSERT INTO slt_unit (id, name, kind, police_district)"
        " SELECT :unit, 'Testenhet', 'municipality', min(code) FROM police_district",
        "INSERT INTO body (id, unit_id, name, level) VALUES (:body, :unit, 'Team', 'executive')",
        "INSERT INTO person (id, unit_id, name) VALUES (:person, :unit, 'Test Testesen')",
        "INSERT INTO membership (id, unit_id, body_id, person_id, role, valid_from)"
        " VALUES (:m1, :unit, :body, :person, 'member', '2001-01-01'),"
        "        (:m2, :unit, :body, :person, 'member', '2001-01-01')",
        **ids,
    )
    with pytest.raises(
        RuntimeError, match=r"1 pair\(s\) of memberships break ex_membership_no_overlap"
    ) as refused:
        migrate.upgrade(at_0001, "head")
    # the query it offers finds the pair
    query = str(refused.value).split("find them with: ")[1].split(") and upgrade")[0]
    assert _sync(at_0001, f"SELECT count(*) FROM ({query}) q") == [1]
    assert asyncio.run(migrate.current_revision(at_0001)) == "0001"
