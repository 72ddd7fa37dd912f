"""Archive integration tests room: the test archive (``tests/archive_receiver.py``) served over real
HTTP from a thread, for worker processes to deliver to, and those worker processes themselves
(``samordna worker`` started as a subprocess against the test database)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn

from adapters.mail.catcher import free_port
from adapters.postgres.database import DatabaseUrls
from tests.archive_receiver import ArchiveReceiver

ROOT = Path(__file__).resolve().parents[3]


@dataclass
class HeldReceiver:
    """The receiver, and a pause after it has stored a record and before it answers (``hold``
    seconds): a worker killed in that pause has delivered without knowing it."""

    receiver: ArchiveReceiver = field(default_factory=ArchiveReceiver)
    hold: float = 0.0
    stored: threading.Event = field(default_factory=threading.Event)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.receiver(scope, receive, send)
            return
        sent: list[Any] = []

        async def keep(message: Any) -> None:
            sent.append(message)

        await self.receiver(scope, receive, keep)
        self.stored.set()
        if self.hold:
            await asyncio.sleep(self.hold)
        for message in sent:
            await send(message)


@contextmanager
def serve(app: HeldReceiver) -> Iterator[str]:
    """The app on 127.0.0.1 in a thread of its own; yields its URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test archive did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}/arkiv"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def worker(
    urls: DatabaseUrls, archive_url: str, state: Path, *args: str
) -> subprocess.Popen[bytes]:
    """``samordna worker`` as its own process against the test database."""
    env = {
        **os.environ,
        "DATABASE_URL": urls.app,
        "SAMORDNA_DATABASE_ADMIN_URL": urls.admin,
        "SAMORDNA_ENVIRONMENT": "test",
        "SAMORDNA_STATE_DIR": str(state),
        "SAMORDNA_ARCHIVE_TRANSPORT": f"http:{archive_url}",
        "SAMORDNA_MAIL_CATCHER": "false",
    }
    command = [sys.executable, "-m", "api.cli", "worker", "--idle", "0.2", *args]
    state.mkdir(parents=True, exist_ok=True)
    with (state / "worker.log").open("ab") as log:  # the child keeps its own handle
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
