"""Connections kept between requests (``adapters/postgres/kept.py``, ADR 0011 amended): the
next request takes the same backend without a checkout, a connection left in a transaction is
never kept, and one the server closed meanwhile is replaced unseen."""

from __future__ import annotations

import asyncio

import sqlalchemy as sa
from sqlalchemy import event

from adapters.postgres.connection import begin
from adapters.postgres.demo import DEMO_UNIT, demo_id
from tests.support.auth import login

PERSON = demo_id("person/kari")


async def test_a_clean_connection_is_kept_for_the_next_request(container):
    """Between requests a clean connection stays out of the pool (``Kept``): the next request
    takes the same backend without a checkout; one left in a transaction is never kept."""
    connections, checkouts = container.connections, []
    event.listen(connections.engine.sync_engine, "checkout", lambda *_: checkouts.append(1))
    pids = []
    for _ in range(3):
        async with connections.scope() as lease:
            conn = await lease.connection()
            pids.append((await conn.get_raw_connection()).driver_connection.get_server_pid())
        assert connections.in_use() == 0
    assert len(set(pids)) == 1 and len(checkouts) <= 1
    async with connections.scope() as lease:
        conn = await lease.connection()
        await begin(conn, DEMO_UNIT)
        raw = (await conn.get_raw_connection()).driver_connection
        await raw.execute("SELECT 1")  # still inside the transaction when the request ends
    assert not raw.is_in_transaction() and connections.in_use() == 0
    async with connections.scope() as lease:  # not the one left in a transaction: rolled back,
        conn = await lease.connection()  # it went to the pool, which hands it out again
        assert not (await conn.get_raw_connection()).driver_connection.is_in_transaction()


async def test_a_connection_the_server_closed_is_replaced_unseen(client, container, admin_engine):
    """No ping at checkout: a pooled connection whose backend has gone (a restart, an idle
    timeout) is dropped at checkout or retried at its first statement, never a 503. Several
    pooled connections die at once (a restart), so the retry may meet more than one — with
    connections kept between requests, every kept one is dead."""
    client.headers["X-CSRF-Token"] = await login(client, "coordinator")
    warm = await asyncio.gather(*(client.get(f"/api/persons/{PERSON}") for _ in range(6)))
    assert {r.status_code for r in warm} == {200}
    async with admin_engine.connect() as conn:
        await conn.execute(
            sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND usename = 'samordna_app'"
            )
        )
    for _ in range(3):
        r = await client.get(f"/api/persons/{PERSON}")
        assert r.status_code == 200, r.text
