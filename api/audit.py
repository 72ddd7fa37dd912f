"""Composition root room (access log): the sealer the app's lifespan runs, and what ``samordna
audit seal|verify|checkpoint`` call — built from the settings on the access-log adapter. Only
``api.app``, ``api.cli`` and ``api.bootstrap`` use it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.audit.checkpoints import (
    Signer,
    read_checkpoints,
    signing_key,
    write_checkpoint,
)
from adapters.postgres.audit.sealer import Sealer, SealResult
from adapters.postgres.audit.verifier import Report, verify
from adapters.postgres.database import make_engine
from api import bootstrap
from api.settings import Settings

log = logging.getLogger(__name__)


class BackgroundSealer:
    """The sealer loop as a task of the app's lifespan: ``start`` when serving, ``stop`` on
    shutdown (the loop ends between runs; a run in progress is waited for, then cancelled).
    Every process of the app runs one; the advisory lock lets one of them seal at a time."""

    def __init__(self, engine: AsyncEngine, interval: float) -> None:
        self._sealer = Sealer(engine)
        self._interval = interval
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._sealer.run(self._interval), name="audit-sealer")

    async def stop(self, within_seconds: float = 5.0) -> None:
        task, self._task = self._task, None
        if task is None:
            return
        self._sealer.stop()
        try:
            await asyncio.wait_for(task, within_seconds)
        except TimeoutError:
            log.warning("the access log sealer did not stop in time")
        with contextlib.suppress(asyncio.CancelledError):
            await task


def background_sealer(c: bootstrap.Container) -> BackgroundSealer | None:
    """The lifespan's sealer on the container's engine, or None when it is switched off."""
    if not c.settings.audit_sealer_enabled:
        return None
    return BackgroundSealer(c.engine, c.settings.audit_seal_interval_seconds)


def signer(settings: Settings) -> Signer:
    return Signer(signing_key(settings.audit_key))


def _on_engine(settings: Settings) -> AsyncEngine:
    return make_engine(bootstrap.database_urls(settings).app, pool_size=1)


async def seal(settings: Settings) -> SealResult:
    engine = _on_engine(settings)
    try:
        return await Sealer(engine).seal()
    finally:
        await engine.dispose()


async def verify_log(settings: Settings, checkpoints: Path | None = None) -> Report:
    """The whole chain, against the signed checkpoint files of ``checkpoints`` (default: the
    configured folder)."""
    folder = checkpoints or settings.audit_checkpoints
    marks = read_checkpoints(folder, signer(settings)) if folder.is_dir() else []
    engine = _on_engine(settings)
    try:
        return await verify(engine, marks)
    finally:
        await engine.dispose()


async def checkpoint(settings: Settings, folder: Path | None = None) -> Path | None:
    """Seal what is pending, then sign the head into ``folder`` (default: the configured one)."""
    engine = _on_engine(settings)
    try:
        await Sealer(engine).seal()
        return await write_checkpoint(
            engine, signer(settings), folder or settings.audit_checkpoints
        )
    finally:
        await engine.dispose()
