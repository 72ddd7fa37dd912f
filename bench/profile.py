"""Bench: the server's own cost of one request path, in-process and without a client: the ASGI app
called directly as the coordinator (``python -m bench.profile [page|single] [n] [--profile]
[--logs]``): mean µs per request over n, wall and this process's CPU (the database's own work
excluded), best of three runs, or a cProfile of one run. ``--logs``: JSON logs as served (to
/dev/null), so the access line's cost counts."""

from __future__ import annotations

import asyncio
import cProfile
import logging.config
import os
import pstats
import shutil
import sys
import time
from typing import Any

import httpx

from api import bootstrap
from api.app import create_app
from api.logs import log_config
from bench import baseline, env


async def _call(app: Any, path: str, cookie: bytes) -> int:
    raw_path, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": raw_path,
        "raw_path": raw_path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"t"), (b"cookie", cookie), (b"accept", b"*/*")],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 80),
        "state": {},
    }
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


async def _run(e: env.BenchEnv, path: str, n: int, profile: bool) -> None:
    app = create_app(e.settings, bootstrap.build_container(e.settings, e.urls), check_schema=False)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client,
    ):
        from tests.support.auth import login

        await login(client, "coordinator")
        cookie = f"{baseline.COOKIE}={client.cookies[baseline.COOKIE]}".encode()
    async with app.router.lifespan_context(app):
        for _ in range(100):
            assert await _call(app, path, cookie) == 200
        if profile:
            prof = cProfile.Profile()
            prof.enable()
            for _ in range(n):
                await _call(app, path, cookie)
            prof.disable()
            stats = pstats.Stats(prof).strip_dirs()
            stats.sort_stats("tottime").print_stats(45)
            stats.dump_stats("/tmp/samordna.prof")
            return
        wall, cpu = [], []
        for _ in range(3):
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in range(n):
                await _call(app, path, cookie)
            wall.append((time.perf_counter() - t0) / n * 1e6)
            cpu.append((time.process_time() - c0) / n * 1e6)
        runs = ", ".join(f"{w:.0f}/{c:.0f}" for w, c in zip(wall, cpu, strict=True))
        print(f"{path}: {min(wall):.0f} µs wall, {min(cpu):.0f} µs CPU a request (runs: {runs})")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    which = args[0] if args else "page"
    n = int(args[1]) if len(args) > 1 else 1000
    e = asyncio.run(env.build())
    if "--logs" in sys.argv:  # as bench/served.py and `api.cli serve` log, written nowhere
        config = log_config()
        config["handlers"]["stdout"]["stream"] = open(os.devnull, "w")  # noqa: SIM115
        logging.config.dictConfig(config)
    try:
        paths = {"page": "/api/persons?limit=50", "single": f"/api/persons/{e.person_ids[0]}"}
        for name, path in paths.items():
            if which in (name, "both"):
                asyncio.run(_run(e, path, n, "--profile" in sys.argv))
    finally:
        shutil.rmtree(e.state_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
