"""Composition root room (archive): the archive's unit of work, the workers' queue, the message
builder and the configured transport put together into the worker's ``Deliverer``, and the loop
``samordna worker`` runs. Only ``api.bootstrap`` and ``api.cli`` (through bootstrap) use it."""

from __future__ import annotations

import asyncio
import contextvars
import logging
import signal
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

from adapters.archive.arkivmelding import FiksArkivMessageBuilder
from adapters.archive.config import transport_from_setting
from adapters.archive.extract.writer import NoarkExtractWriter
from adapters.archive.worker import WorkerTotals, run_worker
from adapters.postgres.archive.queue import PgDeliveryQueue
from adapters.postgres.archive.uow import PgArchiveUnitOfWorkFactory
from adapters.postgres.connection import RequestConnections
from domain.archive.delivery import BATCH, Deliverer, DeliveryReport
from domain.archive.extracts import Period
from domain.archive.messages import LEASE
from domain.archive.ports import ArchiveTransport, Clock, Progress
from domain.archive.service import ArchiveService
from domain.measures.ports import PlanRenderer
from domain.measures.service import MeasuresService
from domain.shared.documents import DocumentRenderingFailed, MinutesRenderer
from domain.shared.errors import DomainError
from domain.shared.principal import Principal, PrincipalKind, Role

if TYPE_CHECKING:
    from api.bootstrap import Container
    from api.settings import Settings

log = logging.getLogger("samordna.archive")


def archive_transport(settings: Settings) -> ArchiveTransport:
    """``SAMORDNA_ARCHIVE_TRANSPORT``; unset, a drop folder under the state directory."""
    return transport_from_setting(settings.archive_transport, settings.state_dir / "archive-drop")


def _archivist(unit_id: UUID) -> Principal:
    """The worker reading a finished plan for its unit's archive: a coordinator's read, no person."""
    return Principal(
        kind=PrincipalKind.PERSON,
        subject_key="system:archive",
        unit_id=unit_id,
        display_name="Arkivleveranse",
        roles=frozenset({Role.COORDINATOR}),
    )


class PlanPdfs:
    """An adopted plan's PDF/A, as the plan export renders it (the measures' own read and the plan
    renderer), in a context of its own: it opens its own unit of work, never the request's."""

    def __init__(self, measures: MeasuresService, renderer: PlanRenderer) -> None:
        self._measures = measures
        self._renderer = renderer

    async def _render(self, unit_id: UUID, plan_id: UUID) -> bytes | None:
        try:
            export = await self._measures.plan_export(_archivist(unit_id), plan_id)
            return await self._renderer.render_plan(export)
        except DocumentRenderingFailed:
            raise
        except DomainError:  # the plan is gone or no longer readable: no document
            return None

    async def __call__(self, unit_id: UUID, plan_id: UUID) -> bytes | None:
        task = asyncio.create_task(self._render(unit_id, plan_id), context=contextvars.Context())
        return await task


def archive_uow_factory(
    connections: RequestConnections,
    renderer: MinutesRenderer,
    measures: MeasuresService,
    plan_renderer: PlanRenderer,
) -> PgArchiveUnitOfWorkFactory:
    return PgArchiveUnitOfWorkFactory(connections, renderer, PlanPdfs(measures, plan_renderer))


def archive_service(uow_factory: PgArchiveUnitOfWorkFactory, clock: Clock) -> ArchiveService:
    return ArchiveService(uow_factory, clock, NoarkExtractWriter())


async def write_extract(
    service: ArchiveService, unit_id: UUID, period: Period, out: Path, progress: Progress
) -> int:
    """The deposit extract as ``out`` (written beside it, then renamed: never half a zip)."""
    part = out.with_name(f".{out.name}.part")
    try:
        with part.open("wb") as f:
            count = await service.write_extract(unit_id, period, f, progress)
        part.replace(out)
    finally:
        part.unlink(missing_ok=True)
    return count


def deliverer(
    connections: RequestConnections,
    uow_factory: PgArchiveUnitOfWorkFactory,
    transport: ArchiveTransport,
    clock: Clock,
    *,
    batch: int = BATCH,
    lease: timedelta = LEASE,
) -> Deliverer:
    return Deliverer(
        PgDeliveryQueue(connections),
        uow_factory,
        FiksArkivMessageBuilder(),
        transport,
        clock,
        batch=batch,
        lease=lease,
    )


async def work(d: Deliverer, *, idle: float, until_idle: bool = False) -> WorkerTotals:
    """The worker loop until SIGTERM/SIGINT (a batch in flight is finished first)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        return await run_worker(d, stop, idle=idle, until_idle=until_idle)
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)


def archive_deliverer(c: Container, *, batch: int = BATCH, lease: timedelta = LEASE) -> Deliverer:
    """The worker's use case: the configured transport (``SAMORDNA_ARCHIVE_TRANSPORT``)."""
    transport = archive_transport(c.settings)
    return deliverer(c.connections, c.archive_uow, transport, c.clock, batch=batch, lease=lease)


async def run_archive_worker(
    settings: Settings,
    *,
    idle: float,
    batch: int = BATCH,
    lease: timedelta = LEASE,
    until_idle: bool = False,
) -> DeliveryReport:
    """``samordna worker``: deliver until SIGTERM/SIGINT (or, ``until_idle``, until none is due)."""
    from api.bootstrap import build_container  # the composition root builds the container

    c = build_container(settings)
    try:
        d = archive_deliverer(c, batch=batch, lease=lease)
        return (await work(d, idle=idle, until_idle=until_idle)).report
    finally:
        await c.aclose()


async def write_archive_extract(
    settings: Settings, unit_id: UUID, start: date, end: date, out: Path, progress: Progress
) -> int:
    """``samordna archive extract``: the unit's Noark 5 deposit for the period as a zip; the
    number of records. ``LookupError`` for an unknown unit."""
    from api.bootstrap import build_container, database_urls, unit_ids

    if unit_id not in await unit_ids(database_urls(settings)):
        raise LookupError(unit_id)
    c = build_container(settings)
    try:
        return await write_extract(c.archive, unit_id, Period(start=start, end=end), out, progress)
    finally:
        await c.aclose()
