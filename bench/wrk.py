"""Bench: Samordna against a bare FastAPI + asyncpg app (``bench.baseline``) under wrk — each served
by uvicorn pinned to a core of its own, wrk on another, interleaved rounds — plus statements and
connections per request counted in-process. ``python -m bench.wrk`` runs this row alone."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

import httpx
from sqlalchemy import event

from api import bootstrap
from api.app import create_app
from bench import baseline
from bench.env import ROOT, BenchEnv, asyncpg_params
from bench.sqlcount import counting
from tests.support.auth import login

CONNECTIONS = 50
ROUNDS = 3
SECONDS = 5
PAGE = 50


def _pin(cpu: int) -> list[str]:
    return ["taskset", "-c", str(cpu)] if shutil.which("taskset") and os.cpu_count() else []


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _uvicorn(factory: str, cpu: int, env: dict[str, str]) -> Iterator[str]:
    port = _port()
    cmd = [*_pin(cpu), sys.executable, "-m", "uvicorn", "--factory", factory, "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--no-access-log", "--log-level", "warning"]
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/api/persons/none", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{factory} did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)


def _wrk(url: str, cookie: str, seconds: int) -> tuple[float, int]:
    cmd = [*_pin(0), "wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s"]
    cmd += ["-H", f"Cookie: {baseline.COOKIE}={cookie}", url]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    if rps is None:
        raise RuntimeError(f"wrk said: {out}")
    return float(rps.group(1)), int(bad.group(1)) if bad else 0


async def _cookie(e: BenchEnv) -> str:
    app = create_app(e.settings, bootstrap.build_container(e.settings, e.urls))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as client:
        await login(client, "coordinator")
        await app.state.container.aclose()
        return str(client.cookies[baseline.COOKIE])


# The two bare apps (bench/baseline.py BENCH_SQL): the SQL Samordna sent before issue 6, and since.
BARES = {"bare/before-SQL": "before", "bare/after-SQL": "after"}


def _bare(sql: str) -> Any:
    os.environ["BENCH_SQL"] = sql
    try:
        return baseline.create()
    finally:
        del os.environ["BENCH_SQL"]


async def _per_request(e: BenchEnv, cookie: str, paths: list[str]) -> dict[str, list[float]]:
    """Statements (asyncpg round trips) and connections per request (pool checkouts and
    connections kept between requests taken), 10 requests each."""
    container = bootstrap.build_container(e.settings, e.urls)
    checkouts = 0

    def checked_out(*_: Any) -> None:
        nonlocal checkouts
        checkouts += 1

    # Every pool the app has (since issue 6 the request path has one of its own).
    pools = {
        id(e): e for e in (container.engine, getattr(container, "connections", container).engine)
    }
    for engine in pools.values():
        event.listen(engine.sync_engine, "checkout", checked_out)
    os.environ["BENCH_ASYNCPG"] = json.dumps(asyncpg_params(e.urls.app))
    apps = {name: _bare(sql) for name, sql in BARES.items()}
    apps["samordna"] = create_app(e.settings, container, check_schema=False)
    out: dict[str, list[float]] = {}
    for name, app in apps.items():
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app),
                base_url="http://testserver",
                cookies={baseline.COOKIE: cookie},
            ) as client,
        ):
            for path in paths:
                (await client.get(path)).raise_for_status()
                kept = container.connections.kept_taken
                before = checkouts + kept
                with counting() as log:
                    for _ in range(10):
                        await client.get(path)
                taken = checkouts + container.connections.kept_taken - before
                conns = taken / 10 if name == "samordna" else 1.0
                out.setdefault(name, []).extend([log.n / 10, conns])
    await container.aclose()
    return out


def run(e: BenchEnv) -> list[str]:
    if shutil.which("wrk") is None:
        return ["wrk is not installed (apt-get install -y wrk): the bare-baseline row is skipped."]
    cookie = asyncio.run(_cookie(e))
    paths = [f"/api/persons?limit={PAGE}", f"/api/persons/{e.person_ids[0]}"]
    counts = asyncio.run(_per_request(e, cookie, paths))
    cpu = (os.cpu_count() or 1) - 1
    env = {
        "BENCH_ASYNCPG": json.dumps(asyncpg_params(e.urls.app)),
        "BENCH_URLS": json.dumps({"app": e.urls.app, "admin": e.urls.admin}),
        "BENCH_STATE_DIR": str(e.state_dir),
    }
    rps: dict[tuple[str, str], list[float]] = {}
    errors = 0
    with ExitStack() as stack:
        hosts = {
            name: stack.enter_context(
                _uvicorn("bench.baseline:create", cpu, {**env, "BENCH_SQL": sql})
            )
            for name, sql in BARES.items()
        }
        hosts["samordna"] = stack.enter_context(_uvicorn("bench.served:create", cpu, env))
        same = all(
            len(
                {
                    httpx.get(h + p, cookies={baseline.COOKIE: cookie}).content
                    for h in hosts.values()
                }
            )
            == 1
            for p in paths
        )
        for host in hosts.values():
            for p in paths:
                _wrk(host + p, cookie, 1)  # warm-up
        for _ in range(ROUNDS):
            for name, host in hosts.items():
                for p in paths:
                    r, bad = _wrk(host + p, cookie, SECONDS)
                    rps.setdefault((name, p), []).append(r)
                    errors += bad
    return _lines(rps, counts, paths, same, errors, cpu)


def _lines(
    rps: dict[tuple[str, str], list[float]],
    counts: dict[str, list[float]],
    paths: list[str],
    same: bool,
    errors: int,
    cpu: int,
) -> list[str]:
    med: Callable[[list[float]], float] = statistics.median
    lines = [
        f"wrk, {CONNECTIONS} connections, {ROUNDS} interleaved rounds of {SECONDS} s (median "
        f"round); servers (uvicorn, 1 process each) on CPU {cpu}, wrk on CPU 0; bodies "
        f"byte-identical: {'yes' if same else 'NO'}; non-2xx answers: {errors}"
    ]
    for i, (label, p) in enumerate(
        zip((f"persons page ({PAGE} rows)", "single person"), paths, strict=True)
    ):
        ours = med(rps[("samordna", p)])
        rounds = ", ".join(f"{x:.0f}" for x in rps[("samordna", p)])
        lines.append(
            f"{label}: Samordna {ours:.0f} req/s ({rounds}), {counts['samordna'][2 * i]:.0f} "
            f"statements, {counts['samordna'][2 * i + 1]:.1f} connections per request"
        )
        for name in BARES:
            b = med(rps[(name, p)])
            lines.append(
                f"    vs {name:<15} {b:5.0f} req/s, {counts[name][2 * i]:.0f} statements, "
                f"1 connection: ratio {ours / b:.2f}x"
            )
    return lines


def main() -> None:
    from bench import env

    e = asyncio.run(env.build())
    try:
        for line in run(e):
            print(line, flush=True)
    finally:
        shutil.rmtree(e.state_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
