"""Archive delivery room: the archive's unit of work — one transaction in one unit with the outbox,
the settings, the extract jobs and the record source on the same connection. It extends the
meetings' unit of work so the minutes record is built by the meetings' own repositories and
open-minutes mapping, inside the same snapshot as the outbox row it serves."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self
from uuid import UUID

from adapters.postgres import connection as tx
from adapters.postgres.archive.case_source import CaseRecords, PlanDocuments
from adapters.postgres.archive.minutes_source import load_minutes
from adapters.postgres.archive.outbox import PgOutboxRepository
from adapters.postgres.archive.settings import PgExtractJobRepository, PgSettingsRepository
from adapters.postgres.meetings.uow import PgMeetingsUnitOfWork
from adapters.postgres.organisation.sql import Reader
from adapters.postgres.transaction import request_connections
from domain.archive.records import ArchiveRecord, RecordKind
from domain.shared.documents import MinutesRenderer

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from domain.archive.ports import ArchiveUnitOfWork, ArchiveUnitOfWorkFactory


class PgRecordSource:
    """``RecordSource``: the finished record behind an outbox row, or None when it is gone."""

    def __init__(
        self, uow: PgMeetingsUnitOfWork, renderer: MinutesRenderer, plans: PlanDocuments | None
    ) -> None:
        self._uow = uow
        self._renderer = renderer
        self._cases = CaseRecords(Reader(uow.conn), uow.unit_id, plans)

    async def load(
        self, kind: RecordKind, record_id: UUID, part_id: UUID | None
    ) -> ArchiveRecord | None:
        match kind:
            case RecordKind.MINUTES:
                return await load_minutes(self._uow, self._renderer, record_id, part_id)
            case RecordKind.ACTION_PLAN:
                return await self._cases.plan(record_id)
            case RecordKind.AGREEMENT:
                return await self._cases.agreement(record_id)
            case RecordKind.EVALUATION:
                return await self._cases.evaluation(record_id)
            case RecordKind.MEASURE:
                return await self._cases.measure(record_id)


class PgArchiveUnitOfWork(PgMeetingsUnitOfWork):
    outbox: PgOutboxRepository
    settings: PgSettingsRepository
    extracts: PgExtractJobRepository
    records: PgRecordSource

    def __init__(
        self,
        connections: tx.RequestConnections,
        unit_id: UUID,
        renderer: MinutesRenderer,
        plans: PlanDocuments | None,
    ) -> None:
        super().__init__(connections, unit_id)
        self._renderer = renderer
        self._plans = plans

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        c, u = self.conn, self.unit_id
        self.outbox = PgOutboxRepository(c, u)
        self.settings = PgSettingsRepository(c, u)
        self.extracts = PgExtractJobRepository(c, u)
        self.records = PgRecordSource(self, self._renderer, self._plans)
        return self


class PgArchiveUnitOfWorkFactory:
    def __init__(
        self,
        engine: AsyncEngine | tx.RequestConnections,
        renderer: MinutesRenderer,
        plans: PlanDocuments | None = None,
    ) -> None:
        self._connections = request_connections(engine)
        self._renderer = renderer
        self._plans = plans

    def __call__(self, unit_id: UUID) -> PgArchiveUnitOfWork:
        return PgArchiveUnitOfWork(self._connections, unit_id, self._renderer, self._plans)


if TYPE_CHECKING:  # the adapter satisfies the port it stands in for
    _uow: ArchiveUnitOfWork = PgArchiveUnitOfWork(None, UUID(int=0), None, None)  # type: ignore[arg-type]
    _factory: ArchiveUnitOfWorkFactory = PgArchiveUnitOfWorkFactory(None, None)  # type: ignore[arg-type]
