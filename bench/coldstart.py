"""Cold start: from process start to the first 200 from /api/openapi.json for
``python -m api.cli serve`` on 127.0.0.1, against the already-migrated bench database."""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import time

import httpx

from bench.env import ROOT, BenchEnv

RUNS = 3
TIMEOUT = 30.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(env: BenchEnv, port: int) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("SAMORDNA_")}
    out.update(
        DATABASE_URL=env.urls.app,
        SAMORDNA_DATABASE_ADMIN_URL=env.urls.admin,
        SAMORDNA_STATE_DIR=str(env.state_dir),
        SAMORDNA_ENVIRONMENT="test",
        SAMORDNA_PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
    )
    return out


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """End the server we started (its own process group: uvicorn only, nothing else)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def one_start(env: BenchEnv) -> float:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api/openapi.json"
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=_env(env, port),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        with httpx.Client(timeout=2.0, trust_env=False) as client:
            while time.perf_counter() - t0 < TIMEOUT:
                if proc.poll() is not None:
                    err = proc.stderr.read().decode()[-800:] if proc.stderr else ""
                    raise RuntimeError(f"serve exited with {proc.returncode}: {err}")
                try:
                    if client.get(url).status_code == 200:
                        return time.perf_counter() - t0
                except httpx.TransportError:
                    pass
                time.sleep(0.01)
        raise RuntimeError(f"no 200 from {url} within {TIMEOUT:.0f} s")
    finally:
        _stop(proc)


def import_seconds() -> float:
    """How much of the start is importing the app (a fresh interpreter, nothing else)."""
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "import api.app, api.cli, uvicorn"],
        cwd=ROOT,
        check=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("SAMORDNA_")},
    )
    return time.perf_counter() - t0


def run(env: BenchEnv) -> tuple[list[tuple[str, float]], list[str]]:
    starts: list[float] = []
    notes: list[str] = []
    for _ in range(RUNS):
        try:
            starts.append(one_start(env))
        except RuntimeError as exc:
            notes.append(f"Cold start failed: {exc}")
    imports = import_seconds()
    if not starts:
        return [("Interpreter start + import api.app, api.cli, uvicorn", imports)], notes
    rows = [
        ("Cold start to first 200 /api/openapi.json (median)", statistics.median(starts)),
        (f"Cold start, fastest of {RUNS}", min(starts)),
        ("Interpreter start + import api.app, api.cli, uvicorn", imports),
    ]
    notes += [
        "Cold start runs: "
        + ", ".join(f"{s:.2f} s" for s in starts)
        + f" (slowest {max(starts):.2f} s)."
    ]
    return rows, notes
