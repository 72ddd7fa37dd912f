"""Migrations: each revision upgrades, downgrades and upgrades again; the result matches the
SQLModel tables exactly."""

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.postgres import migrate
from adapters.postgres.database import drop_embedded_database, fresh_embedded_database
from adapters.postgres.tables import metadata
from tests.conftest import STATE


@pytest.fixture(scope="module")
def scratch_url():
    name = f"samordna_stairway_{os.getpid()}"
    yield fresh_embedded_database(STATE, name).admin
    drop_embedded_database(STATE, name)


def test_stairway(scratch_url):
    revisions = migrate.revisions()
    assert revisions, "no migrations found"
    previous = "base"
    for rev in revisions:
        migrate.upgrade(scratch_url, rev)
        migrate.downgrade(scratch_url, previous)
        migrate.upgrade(scratch_url, rev)
        previous = rev
    assert previous == migrate.head_revision()


def _declared(obj, name, type_, reflected, compare_to):
    """Trigram indexes exist only where the server has pg_trgm (migration 0004): not declared."""
    return not (type_ == "index" and name and name.endswith("_trgm"))


async def test_schema_matches_the_table_definitions(database):
    engine = create_async_engine(database.admin)
    async with engine.connect() as conn:
        diff = await conn.run_sync(
            lambda c: compare_metadata(
                MigrationContext.configure(
                    c, opts={"compare_type": True, "include_object": _declared}
                ),
                metadata,
            )
        )
    await engine.dispose()
    assert diff == []
