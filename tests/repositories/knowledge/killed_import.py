"""Repository tier, knowledge: the child process of the killed-import test — runs the pipeline on
a stored job with a source that writes a marker once the COPY has taken rows, then hangs until it
is killed. ``python -m tests.repositories.knowledge.killed_import <app url> <unit> <job> <marker>``."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from uuid import UUID

from adapters.postgres.database import make_engine
from adapters.postgres.knowledge.pipeline import PgImportPipeline
from adapters.postgres.knowledge.uow import PgKnowledgeUnitOfWorkFactory
from domain.knowledge.kinds import KINDS


class HangingSource:
    def __init__(self, header: Sequence[str], marker: Path) -> None:
        self.columns, self.marker = list(header), marker
        self.bytes_total, self.bytes_read = 10**9, 0

    async def chunks(self) -> AsyncIterator[bytes]:
        for i in range(20):
            data = "".join(f"ind.a,sentrum,{2000 + i},,{n},,\n" for n in range(1)).encode()
            self.bytes_read += len(data)
            yield data
        self.marker.write_text("copying")
        await asyncio.sleep(3600)
        yield b""


async def _progress(rows_read: int, bytes_read: int) -> None:
    return None


async def main(url: str, unit: UUID, job_id: UUID, marker: Path) -> None:
    engine = make_engine(url, pool_size=2)
    async with PgKnowledgeUnitOfWorkFactory(engine)(unit) as uow:
        job = await uow.jobs.get(job_id)
    source = HangingSource(job.columns, marker)
    await PgImportPipeline(engine).run(job, KINDS[job.kind], job.mapping, source, _progress)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], UUID(sys.argv[2]), UUID(sys.argv[3]), Path(sys.argv[4])))
