"""The last unit admin under parallel requests: two admins removing each other, or themselves, at
once never leave the unit without one — in the application and in the database alone."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator

import httpx
import pytest
import sqlalchemy as sa

from adapters.identity.person_key import person_key
from adapters.identity.personas import persona
from adapters.postgres.demo import DEMO_UNIT, demo_id
from tests.support.auth import login

ROUNDS = 5
ACCOUNTS = "/api/access/accounts"
SIRI = demo_id(f"account/{DEMO_UNIT}/{persona('unit_admin').pid}")
KARI = demo_id(f"account/{DEMO_UNIT}/{persona('coordinator').pid}")


async def _both_admins(admin_engine, settings) -> None:
    """Siri and Kari both unit admins, at version 1 (put back if a round deleted one)."""
    async with admin_engine.begin() as conn:
        for account, who in ((SIRI, "unit_admin"), (KARI, "coordinator")):
            await conn.execute(
                sa.text(
                    "INSERT INTO user_account (id, unit_id, person_key, roles)"
                    " VALUES (:i, :u, :k, '{unit_admin}') ON CONFLICT DO NOTHING"
                ),
                {
                    "i": account,
                    "u": DEMO_UNIT,
                    "k": person_key(settings.person_secret, persona(who).pid),
                },
            )
        await conn.execute(
            sa.text(
                "UPDATE user_account SET roles = '{unit_admin}', version = 1 WHERE id IN (:a, :b)"
            ),
            {"a": SIRI, "b": KARI},
        )


async def _admins(admin_engine) -> int:
    async with admin_engine.connect() as conn:
        row = await conn.execute(
            sa.text(
                "SELECT count(*) FROM user_account WHERE unit_id = :u AND 'unit_admin' = ANY (roles)"
            ),
            {"u": DEMO_UNIT},
        )
        return int(row.scalar_one())


@pytest.fixture
async def two_admins(
    app, client, admin_engine, settings
) -> AsyncIterator[tuple[httpx.AsyncClient, ...]]:
    await _both_admins(admin_engine, settings)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as kari:
        client.headers["X-CSRF-Token"] = await login(client, "unit_admin")
        kari.headers["X-CSRF-Token"] = await login(kari, "coordinator")
        yield client, kari


async def test_two_admins_revoking_each_other_leave_one(two_admins, admin_engine, settings):
    siri, kari = two_admins
    for n in range(ROUNDS):
        await _both_admins(admin_engine, settings)
        answers = await asyncio.gather(
            siri.delete(f"{ACCOUNTS}/{KARI}", headers={"If-Match": '"1"'}),
            kari.delete(f"{ACCOUNTS}/{SIRI}", headers={"If-Match": '"1"'}),
        )
        statuses = Counter(a.status_code for a in answers)
        # The loser is no longer an admin when its turn comes: refused, not obeyed.
        assert statuses == {204: 1, 403: 1}, (n, [a.text for a in answers])
        assert await _admins(admin_engine) == 1


async def test_two_admins_stepping_down_at_once_leave_one(two_admins, admin_engine, settings):
    siri, kari = two_admins
    for n in range(ROUNDS):
        await _both_admins(admin_engine, settings)
        body = {"roles": ["coordinator"]}
        answers = await asyncio.gather(
            siri.patch(f"{ACCOUNTS}/{SIRI}", json=body, headers={"If-Match": '"1"'}),
            kari.patch(f"{ACCOUNTS}/{KARI}", json=body, headers={"If-Match": '"1"'}),
        )
        statuses = Counter(a.status_code for a in answers)
        assert statuses == {200: 1, 409: 1}, (n, [a.text for a in answers])
        loser = next(a for a in answers if a.status_code == 409)
        assert loser.json()["type"] == "/problems/last-unit-admin"
        assert await _admins(admin_engine) == 1


async def test_the_database_alone_keeps_one_admin_under_parallel_commits(
    two_admins, container, admin_engine, settings
):
    """Two transactions that each delete one of two admins, committed at once: one fails."""
    for _ in range(ROUNDS):
        await _both_admins(admin_engine, settings)
        conns = [await container.engine.connect() for _ in range(2)]
        try:
            for conn, victim in zip(conns, (SIRI, KARI), strict=True):
                await conn.begin()
                await conn.execute(
                    sa.text("SELECT set_config('samordna.unit_id', :u, true)"),
                    {"u": str(DEMO_UNIT)},
                )
                await conn.execute(sa.text("DELETE FROM user_account WHERE id = :i"), {"i": victim})
            results = await asyncio.gather(*(c.commit() for c in conns), return_exceptions=True)
        finally:
            for conn in conns:
                await conn.close()
        failures = [r for r in results if isinstance(r, BaseException)]
        assert len(failures) == 1, results
        assert isinstance(failures[0], sa.exc.IntegrityError)
        assert await _admins(admin_engine) == 1
