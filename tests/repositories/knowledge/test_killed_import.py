"""Repository tier, knowledge: a process killed in the middle of an import (SIGKILL after its COPY
has started) leaves nothing written; the same import run again succeeds."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from adapters.postgres.database import DatabaseUrls
from domain.knowledge.model import ImportKind
from tests.conftest import ROOT
from tests.repositories.knowledge.conftest import Kpg, seed_context

OBS_H = ["indikator", "område", "periode", "kjønn", "verdi", "antall", "nevner"]


async def test_a_killed_import_writes_nothing_and_runs_again(
    kpg: Kpg, database: DatabaseUrls, tmp_path: Path
) -> None:
    await seed_context(kpg)
    job = await kpg.job(ImportKind.OBSERVATIONS, OBS_H)
    marker = tmp_path / "marker"
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.repositories.knowledge.killed_import",
        database.app, str(kpg.unit), str(job.id), str(marker), cwd=ROOT,
    )  # fmt: skip
    try:
        for _ in range(600):
            if marker.exists() or child.returncode is not None:
                break
            await asyncio.sleep(0.05)
        assert marker.exists(), "the child never started its COPY"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.returncode is None:
            child.kill()
        await child.wait()
    assert child.returncode == -signal.SIGKILL
    for _ in range(100):  # the server notices the closed socket and aborts the transaction
        if await kpg.count("knowledge_observations") == 0:
            break
        await asyncio.sleep(0.05)
    assert await kpg.count("knowledge_observations") == 0
    assert await kpg.count("knowledge_import_row_history") == 0
    rows = [["ind.a", "sentrum", str(2000 + i), "", "1", "", ""] for i in range(20)]
    _, outcome = await kpg.run(ImportKind.OBSERVATIONS, OBS_H, rows)
    assert outcome.result.inserted == 20 and await kpg.count("knowledge_observations") == 20
