"""Repository tier, archive: the contract cases run on the fakes (``tests/fakes/archive.py``) and on
PostgreSQL (``adapters/postgres/archive``) through the ports only. Each test gets two fresh units.
``enqueue`` is what a trigger does: on PostgreSQL migration 0013's own ``samordna_archive_enqueue``
called in the unit's transaction as the app role, on the fakes ``FakeArchiveStore.enqueue``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID, uuid4

import pytest
import sqlalchemy as sa

from adapters.postgres import connection as tx
from adapters.postgres.archive.queue import PgDeliveryQueue
from adapters.postgres.archive.uow import PgArchiveUnitOfWorkFactory
from adapters.postgres.database import make_engine
from domain.archive.ports import ArchiveUnitOfWorkFactory, DeliveryQueue
from domain.archive.records import RecordKind
from domain.archive.settings import ArchiveSettings
from tests.fakes.archive import FakeArchiveStore, FakeArchiveUnitOfWorkFactory, FakeDeliveryQueue
from tests.repositories.conftest import OTHER_NAME, UNIT_NAME, Engines, _pg_units

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class ArchiveBackend:
    name: str
    factory: ArchiveUnitOfWorkFactory
    queue: DeliveryQueue
    unit: UUID
    other: UUID
    store: FakeArchiveStore | None = None
    engine: object | None = None  # the app role's autocommit engine (PostgreSQL)

    async def enqueue(
        self, kind: RecordKind, record: UUID, part: UUID | None = None, *,
        version: str = "1", subject: UUID | None = None, unit: UUID | None = None,
        at: datetime = T0,
    ) -> None:  # fmt: skip
        unit = unit or self.unit
        if self.store is not None:
            self.store.enqueue(
                unit, kind, record, part, record_version=version, subject_id=subject, at=at
            )
            return
        async with self.engine.connect() as conn:  # type: ignore[attr-defined]
            await tx.begin(conn, unit)
            await conn.execute(
                sa.text("SELECT samordna_archive_enqueue(:u, :k, :r, :p, :s, :v)"),
                {"u": unit, "k": kind.value, "r": record, "p": part,
                 "s": subject or record, "v": version},
            )  # fmt: skip
            await conn.execute(
                sa.text("UPDATE archive_message SET created_at = :t, next_attempt_at = :t"
                        " WHERE unit_id = :u AND record_id = :r AND record_version = :v"),
                {"t": at, "u": unit, "r": record, "v": version},
            )  # fmt: skip
            await tx.commit(conn)

    async def enable(self, unit: UUID | None = None) -> None:
        unit = unit or self.unit
        async with self.factory(unit) as uow:
            current = await uow.settings.get()
            on = ArchiveSettings(unit_id=unit, enabled=True, class_id="026")
            await uow.settings.save(on, current.version)
            await uow.commit()


@pytest.fixture
async def archive(engines: Engines | None, database) -> AsyncIterator[ArchiveBackend]:
    if engines is None:
        store = FakeArchiveStore()
        yield ArchiveBackend(
            "fake", FakeArchiveUnitOfWorkFactory(store), FakeDeliveryQueue(store),
            uuid4(), uuid4(), store=store,
        )  # fmt: skip
        return
    mine, theirs = uuid4(), uuid4()
    await _pg_units(
        engines.admin,
        [(mine, UNIT_NAME, "municipality", ["3301"]),
         (theirs, OTHER_NAME, "inter_municipal", ["4640", "4644"])],
    )  # fmt: skip
    engine = make_engine(database.app, pool_size=2, autocommit=True)
    try:
        connections = tx.RequestConnections(engine)
        yield ArchiveBackend(
            "postgres", PgArchiveUnitOfWorkFactory(connections, None, None),  # type: ignore[arg-type]
            PgDeliveryQueue(connections), mine, theirs, engine=engine,
        )  # fmt: skip
    finally:
        await engine.dispose()
        async with engines.admin.begin() as conn:
            await conn.execute(
                sa.text("DELETE FROM slt_unit WHERE id IN (:a, :b)"), {"a": mine, "b": theirs}
            )
