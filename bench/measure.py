"""Timing: a warm-up, then latencies for a fixed time (or count), and throughput with concurrency."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field


@dataclass
class Figure:
    name: str
    n: int
    median_ms: float
    p95_ms: float
    per_s: float  # sequential: 1 / mean latency
    concurrent_per_s: float | None = None  # with ``concurrency`` callers on one event loop
    notes: list[str] = field(default_factory=list)


def _p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]


async def timed(
    name: str,
    call: Callable[[], Awaitable[object]],
    *,
    seconds: float = 2.0,
    min_n: int = 20,
    max_n: int = 2_000,
    warmup: int = 5,
    concurrency: int = 0,
    concurrent_seconds: float = 1.5,
) -> Figure:
    """Latency of ``call`` run one at a time; with ``concurrency`` > 0 also the throughput of that
    many callers looping for ``concurrent_seconds``."""
    for _ in range(warmup):
        await call()
    laps: list[float] = []
    end = time.perf_counter() + seconds
    while len(laps) < max_n and (len(laps) < min_n or time.perf_counter() < end):
        t0 = time.perf_counter()
        await call()
        laps.append(time.perf_counter() - t0)
    fig = Figure(
        name=name,
        n=len(laps),
        median_ms=statistics.median(laps) * 1e3,
        p95_ms=_p95(laps) * 1e3,
        per_s=len(laps) / sum(laps),
    )
    if concurrency:
        fig.concurrent_per_s = await throughput(call, concurrency, concurrent_seconds)
    return fig


async def throughput(
    call: Callable[[], Awaitable[object]], concurrency: int, seconds: float
) -> float:
    done = 0
    stop = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal done
        while time.perf_counter() < stop:
            await call()
            done += 1

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return done / (time.perf_counter() - t0)
