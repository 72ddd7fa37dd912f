"""The PostgreSQL session store on the real test database: single-use attempts, sliding and absolute expiry, sealing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
import sqlalchemy as sa

from adapters.identity.sessions import PgSessionStore, csrf_token_for

pytestmark = pytest.mark.asyncio


class Now:
    def __init__(self) -> None:
        self.value = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.value


@pytest.fixture
def now() -> Now:
    return Now()


@pytest.fixture
def store(admin_engine, now: Now) -> PgSessionStore:
    return PgSessionStore(
        admin_engine, idle=timedelta(minutes=30), absolute=timedelta(minutes=120), now=now
    )


async def test_a_login_attempt_can_be_taken_once(store: PgSessionStore) -> None:
    handle = await store.create_pending({"state": "s", "return_to": "/x"})
    assert await store.take_pending(handle) == {"state": "s", "return_to": "/x"}
    assert await store.take_pending(handle) is None


async def test_a_login_attempt_expires_after_ten_minutes(store: PgSessionStore, now: Now) -> None:
    handle = await store.create_pending({"state": "s"})
    now.value += timedelta(minutes=11)
    assert await store.take_pending(handle) is None


async def test_the_idle_timeout_slides_at_most_once_a_minute(
    store: PgSessionStore, now: Now, admin_engine
) -> None:
    session, csrf = await store.create_active(
        person_key="pk", unit_id=uuid4(), acr="idporten-loa-high", id_token=None
    )
    assert csrf == csrf_token_for(session)
    first = await store.get_active(session)
    assert first is not None

    async def last_seen() -> datetime:
        async with admin_engine.connect() as conn:
            rows = await conn.execute(sa.text("SELECT last_seen_at FROM web_session"))
            return max(r.last_seen_at for r in rows)

    start = await last_seen()
    now.value += timedelta(seconds=30)
    await store.get_active(session)
    assert await last_seen() == start
    now.value += timedelta(seconds=40)
    await store.get_active(session)
    assert await last_seen() > start
    # 29 idle minutes after the last slide it is still alive; 31 and it is gone.
    now.value += timedelta(minutes=29)
    assert await store.get_active(session) is not None
    now.value += timedelta(minutes=31)
    assert await store.get_active(session) is None


async def test_the_absolute_maximum_holds_however_active(store: PgSessionStore, now: Now) -> None:
    session, _ = await store.create_active(person_key="pk", unit_id=None, acr=None, id_token=None)
    for _ in range(12):
        now.value += timedelta(minutes=10)
        alive = await store.get_active(session)
    assert alive is None


async def test_the_id_token_is_sealed_and_returned_on_logout(store: PgSessionStore) -> None:
    session, _ = await store.create_active(
        person_key="pk", unit_id=None, acr=None, id_token="header.payload.signature"
    )
    other, _ = await store.create_active(person_key="pk", unit_id=None, acr=None, id_token=None)
    assert await store.delete(session) == (True, "header.payload.signature")
    assert await store.delete(session) == (False, None)
    assert await store.delete(other) == (True, None)


async def test_a_pending_handle_is_not_a_session(store: PgSessionStore) -> None:
    handle = await store.create_pending({"state": "s"})
    assert await store.get_active(handle) is None
