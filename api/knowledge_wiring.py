"""Composition root room (knowledge): the knowledge context's use cases on the PostgreSQL unit of
work, the set-based import pipeline and the import readers' spool; and the app's import runner —
an asyncio task set owned by the app (at most ``RUNNING_AT_ONCE`` jobs at once, each on its own
connection) with its sweeper (interrupted jobs marked, queued ones started), which the app's
lifespan starts and stops like the audit sealer. Only ``api.bootstrap`` and ``api.app`` use it."""

from __future__ import annotations

import asyncio
import contextvars
import logging
from typing import TYPE_CHECKING, Any
from uuid import UUID

from adapters.imports.readers import SpoolReaders
from adapters.imports.spool import DiskSpool
from adapters.postgres.knowledge.jobs import PgImportJobQueue
from adapters.postgres.knowledge.pipeline import PgImportPipeline
from adapters.postgres.knowledge.uow import PgKnowledgeUnitOfWorkFactory
from domain.knowledge.limits import RUNNING_AT_ONCE
from domain.knowledge.model import ImportJob
from domain.knowledge.ports import ImportJobQueue
from domain.knowledge.service import KnowledgeService

if TYPE_CHECKING:
    from api.bootstrap import Container

log = logging.getLogger("samordna.imports")
SWEEP_SECONDS = 20.0
# An import's session: its staging and checked tables in local buffers, not spilled to disk
# at 8 MB (settable only before a session's first temporary table, hence at connect); no JIT
# (compiling the generated validation's expressions costs more than it saves).
IMPORT_SESSION = {"temp_buffers": "256MB", "jit": "off"}


def knowledge_service(c: Container) -> KnowledgeService:
    spool = DiskSpool(c.settings.state_dir / "imports")
    return KnowledgeService(
        PgKnowledgeUnitOfWorkFactory(c.connections),
        c.clock,
        SpoolReaders(spool),
        spool,
        PgImportPipeline(c.imports_engine),
        max_bytes=c.settings.import_max_bytes,
    )


class ImportRunner:
    """Runs import jobs in the server process. ``schedule`` may be called from a request: each
    job's task starts in a fresh context (never the request's connection); a job already
    scheduled here is not scheduled twice (and a second runner's claim loses quietly)."""

    def __init__(
        self,
        service: KnowledgeService,
        queue: ImportJobQueue,
        *,
        at_once: int = RUNNING_AT_ONCE,
        sweep_seconds: float = SWEEP_SECONDS,
    ) -> None:
        self._service = service
        self._queue = queue
        self._slots = asyncio.Semaphore(at_once)
        self._sweep_seconds = sweep_seconds
        self._tasks: set[asyncio.Task[Any]] = set()
        self._scheduled: set[UUID] = set()
        self._sweeper: asyncio.Task[None] | None = None

    def schedule(self, job: ImportJob) -> None:
        self.schedule_id(job.unit_id, job.id)

    def schedule_id(self, unit_id: UUID, job_id: UUID) -> None:
        if job_id in self._scheduled:
            return
        self._scheduled.add(job_id)
        loop = asyncio.get_running_loop()
        task = loop.create_task(self._run(unit_id, job_id), context=contextvars.Context())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _run(self, unit_id: UUID, job_id: UUID) -> None:
        try:
            async with self._slots:
                await self._service.run(job_id, unit_id)
        except Exception as exc:  # recorded on the job as interrupted; ids only in the log
            log.error("import job %s stopped: %s", job_id, type(exc).__name__)
        finally:
            self._scheduled.discard(job_id)

    async def sweep(self) -> None:
        """Stale running jobs become interrupted; queued ones are started."""
        for unit_id, job_id in await self._service.sweep(self._queue):
            self.schedule_id(unit_id, job_id)

    async def _sweep_forever(self) -> None:
        while True:
            try:
                await self.sweep()
            except Exception as exc:
                log.warning("import sweep failed: %s", type(exc).__name__)
            await asyncio.sleep(self._sweep_seconds)

    def start(self) -> None:
        if self._sweeper is None:
            loop = asyncio.get_running_loop()
            self._sweeper = loop.create_task(self._sweep_forever(), context=contextvars.Context())

    async def idle(self) -> None:
        """Until every scheduled job has finished (tests, the CLI)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def stop(self) -> None:
        """The sweeper and running jobs are cancelled: their transactions never commit, and the
        next start's sweep marks them interrupted."""
        tasks = [t for t in (self._sweeper, *self._tasks) if t is not None]
        self._sweeper = None
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def import_runner(c: Container) -> ImportRunner:
    return ImportRunner(c.knowledge, PgImportJobQueue(c.connections))
