"""REST and GraphQL through the real app in-process (httpx.ASGITransport), logged in once as the
coordinator persona through the dev identity provider. Counts SQL statements per request at the
asyncpg layer (``sqlcount``: SQLAlchemy's and direct asyncpg statements, authentication included)."""

from __future__ import annotations

import gc
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from api import bootstrap
from api.app import create_app
from bench.env import BenchEnv
from bench.measure import Figure, timed
from bench.sqlcount import counting
from tests.support.auth import login

CONCURRENCY = 8

PERSONS_GQL = """
query Persons($limit: Int) {
  persons(limit: $limit) {
    total nextCursor
    items { id name title organisationId email phone version }
  }
}
"""

# The limit is written into the text: the cost limit (api/graphql/cost.py) prices a variable at
# the maximum page size.
NESTED_GQL = """
query Nested {
  bodies(limit: LIMIT) {
    total
    items {
      id name level
      memberships {
        id role validFrom validTo
        person { id name organisation { id name } }
      }
    }
  }
}
"""

SMALL_GQL = "query Small { unit { id name language version } }"


@dataclass
class Session:
    client: httpx.AsyncClient
    csrf: str

    async def ok(self, method: str, url: str, **kw: Any) -> httpx.Response:
        r = await self.client.request(method, url, **kw)
        if r.status_code >= 300:
            raise RuntimeError(f"{method} {url} -> {r.status_code}: {r.text[:300]}")
        return r

    async def gql(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        r = await self.ok(
            "POST",
            "/graphql",
            json={"query": query, "variables": variables or {}},
            headers={"X-CSRF-Token": self.csrf},
        )
        body = r.json()
        if body.get("errors"):
            raise RuntimeError(f"GraphQL errors: {body['errors']}")
        return body["data"]  # type: ignore[no-any-return]

    async def statements(self, call: Callable[[], Awaitable[object]]) -> int:
        with counting() as log:
            await call()
        return log.n


@asynccontextmanager
async def session(env: BenchEnv) -> AsyncIterator[Session]:
    container = bootstrap.build_container(env.settings, env.urls)
    app = create_app(env.settings, container)
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            csrf = await login(client, "coordinator")
            if not csrf:
                raise RuntimeError("the coordinator persona could not log in")
            yield Session(client, csrf)
    finally:
        await container.aclose()


async def run(env: BenchEnv, *, seconds: float = 2.0) -> tuple[list[Figure], list[str]]:
    figures: list[Figure] = []
    notes: list[str] = []
    async with session(env) as s:

        async def add(name: str, call: Callable[[], Awaitable[object]], **kw: Any) -> Figure:
            sql = await s.statements(call)
            fig = await timed(name, call, seconds=seconds, concurrency=CONCURRENCY, **kw)
            fig.notes.append(f"{sql} SQL")
            figures.append(fig)
            return fig

        person = env.person_ids[0]
        body = env.body_ids[0]
        await add("REST GET /api/persons/{id}", lambda: s.ok("GET", f"/api/persons/{person}"))
        await add("REST GET /api/unit/picture", lambda: s.ok("GET", "/api/unit/picture"))
        await add(
            "REST GET /api/persons?limit=100",
            lambda: s.ok("GET", "/api/persons", params={"limit": 100}),
        )
        await add(
            "GraphQL persons(limit: 100)",
            lambda: s.gql(PERSONS_GQL, {"limit": 100}),
        )
        await add(
            "REST GET /api/memberships?bodyId&limit=200",
            lambda: s.ok("GET", "/api/memberships", params={"bodyId": str(body), "limit": 200}),
        )
        await add(
            "GraphQL bodies(20)>memberships>person>org",
            lambda: s.gql(nested(20)),
            min_n=5,
            max_n=200,
        )
        hit = await add("GraphQL small query, repeated", lambda: s.gql(SMALL_GQL))
        counter = iter(range(10**9))
        miss = await add(
            "GraphQL small query, new text each time",
            lambda: s.gql(f"{SMALL_GQL} # {next(counter)}"),
        )
        notes.append(
            f"Parser/validation caches: a repeated small query takes {hit.median_ms:.2f} ms, "
            f"the same query with new text each time {miss.median_ms:.2f} ms "
            f"({miss.median_ms / hit.median_ms:.1f}x)."
        )
        version = int((await s.ok("GET", f"/api/persons/{person}")).headers["ETag"].strip('"'))
        laps = iter(range(10**9))

        async def patch() -> None:
            nonlocal version
            r = await s.ok(
                "PATCH",
                f"/api/persons/{person}",
                json={"title": f"Rådgiver {next(laps)}"},
                headers={"If-Match": f'"{version}"', "X-CSRF-Token": s.csrf},
            )
            version = int(r.headers["ETag"].strip('"'))

        # Sequential only: concurrent PATCHes of one row would conflict on If-Match by design.
        sql = await s.statements(patch)
        fig = await timed("REST PATCH /api/persons/{id} If-Match", patch, seconds=seconds)
        fig.notes.append(f"{sql} SQL")
        figures.append(fig)

        notes.append(await _dataloader_scaling(s))
    return figures, notes


def nested(limit: int) -> str:
    return NESTED_GQL.replace("LIMIT", str(limit))


async def _dataloader_scaling(s: Session) -> str:
    """SQL statements and latency of the nested query as the number of bodies grows, up to where
    the GraphQL cost limit refuses it."""
    parts = []
    largest = 5
    for limit in (5, 20, 100, 200):
        try:
            data = await s.gql(nested(limit))
        except RuntimeError as exc:
            if "cost" not in str(exc):
                raise
            parts.append(f"{limit} bodies: refused by the cost limit")
            continue
        largest = limit
        members = sum(len(b["memberships"]) for b in data["bodies"]["items"])
        laps = []
        for _ in range(2):
            t0 = time.perf_counter()
            sql = await s.statements(lambda limit=limit: s.gql(nested(limit)))
            laps.append(time.perf_counter() - t0)
        parts.append(f"{limit} bodies/{members} memberships: {sql} SQL, {min(laps) * 1e3:.0f} ms")
    gc.disable()  # how much of the largest case is the cyclic garbage collector
    try:
        t0 = time.perf_counter()
        await s.gql(nested(largest))
        no_gc = time.perf_counter() - t0
    finally:
        gc.enable()
    return (
        "Nested GraphQL (DataLoaders): "
        + "; ".join(parts)
        + f". The {largest}-body case with the cyclic GC disabled: {no_gc * 1e3:.0f} ms."
    )
