"""Archive integration: the outbox is written by migration 0013's triggers in the record's own
transaction — an approval enqueues exactly its messages, a failed or rolled-back record commit
leaves none, a second firing adds none, and nothing of the restricted layer is in the outbox."""

from __future__ import annotations

from uuid import UUID

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, IntegrityError

from adapters.postgres import connection as tx
from adapters.postgres.database import make_engine
from tests.api.meetings.support import headers
from tests.integration.archive.support import RESTRICTED, UNIT, approvable, approve, outbox


async def test_an_approval_enqueues_one_message_per_agenda_item(client, admin_engine):
    h = await headers(client)
    mid, items = await approvable(client, h, items=3)
    assert await outbox(admin_engine, subject_id=UUID(mid)) == []  # nothing before approval
    r = await approve(client, h, mid)
    assert r.status_code == 200, r.text
    rows = await outbox(admin_engine, subject_id=UUID(mid))
    assert len(rows) == 3
    version = rows[0]["record_id"]  # the approved minutes version is the record
    assert {r["part_id"] for r in rows} == {UUID(i) for i in items}
    assert {r["key"] for r in rows} == {f"minutes/{version}/{i}" for i in items}
    assert all(r["record_kind"] == "minutes" and r["unit_id"] == UNIT for r in rows)
    assert all(r["status"] == "pending" and r["attempts"] == 0 for r in rows)
    assert all(r["record_version"] == "1" for r in rows)
    assert RESTRICTED not in repr(rows)


async def test_a_correction_enqueues_new_messages_for_the_new_version(client, admin_engine):
    h = await headers(client)
    mid, items = await approvable(client, h, items=1)
    assert (await approve(client, h, mid)).status_code == 200
    c = await client.post(
        f"/api/meetings/{mid}/minutes/corrections",
        json={
            "reason": "Skrivefeil i sammendraget.",
            "items": [{"agendaItemId": items[0], "openText": "Rettet sammendrag."}],
        },
        headers=h,
    )
    assert c.status_code == 201, c.text
    rows = await outbox(admin_engine, subject_id=UUID(mid))
    assert [r["record_version"] for r in rows] == ["1", "2"]
    assert rows[1]["record_id"] == UUID(c.json()["id"])
    assert rows[0]["key"] != rows[1]["key"]


async def test_approval_makes_any_meeting_archive_worthy_and_enqueues(client, admin_engine):
    h = await headers(client)
    mid, _ = await approvable(client, h, worthy=False)
    assert (await approve(client, h, mid)).status_code == 200
    assert len(await outbox(admin_engine, subject_id=UUID(mid))) == 2
    meeting = (await client.get(f"/api/meetings/{mid}", headers=h)).json()
    assert meeting["archiveWorthy"] and meeting["documentationStatus"] == "final"


async def _approve_by_sql(database, mid: str, then: str | None) -> None:
    """Approve the meeting's draft as the app role in one transaction, run ``then`` in it and
    commit (a statement that breaks a deferred constraint makes the commit itself fail)."""
    engine = make_engine(database.app, pool_size=1, autocommit=True)
    try:
        async with engine.connect() as conn:
            await tx.begin(conn, UNIT)
            await conn.execute(
                sa.text(
                    "UPDATE minutes_version SET approved_at = now(), approval_kind = 'chair'"
                    " WHERE meeting_id = :m AND approved_at IS NULL"
                ),
                {"m": mid},
            )
            # The trigger has run: inside the transaction the messages are there.
            inside = await conn.execute(
                sa.text("SELECT count(*) FROM archive_message WHERE subject_id = :m"), {"m": mid}
            )
            assert inside.scalar_one() == 2
            if then:
                await conn.execute(sa.text(then), {"m": mid})
            await tx.commit(conn)
    finally:
        await engine.dispose()


async def test_a_failed_record_commit_leaves_no_message(client, admin_engine, database):
    h = await headers(client)
    mid, _ = await approvable(client, h)
    # Two agenda items on one position: uq_agenda_item_position is deferred, so COMMIT fails.
    swap = "UPDATE agenda_item SET position = 1 WHERE meeting_id = :m"
    with pytest.raises(IntegrityError):
        await _approve_by_sql(database, mid, swap)
    assert await outbox(admin_engine, subject_id=UUID(mid)) == []
    r = await client.get(f"/api/meetings/{mid}/minutes", headers=h)
    assert not r.json()[-1]["approved"]  # the record's change went with it


async def test_a_rolled_back_approval_leaves_no_message(client, admin_engine, database):
    h = await headers(client)
    mid, _ = await approvable(client, h)
    with pytest.raises(DBAPIError):  # the statement after the approval fails: rolled back
        await _approve_by_sql(database, mid, "SELECT 1/0")
    assert await outbox(admin_engine, subject_id=UUID(mid)) == []


async def test_the_same_version_fired_twice_is_enqueued_once(client, admin_engine, database):
    h = await headers(client)
    mid, _ = await approvable(client, h)
    await _approve_by_sql(database, mid, None)
    # The approval column written again (the owner may; the app role's trigger refuses it).
    async with admin_engine.begin() as conn:
        await conn.execute(
            sa.text("ALTER TABLE minutes_version DISABLE TRIGGER tg_minutes_version_approved")
        )
        await conn.execute(
            sa.text("UPDATE minutes_version SET approved_at = approved_at WHERE meeting_id = :m"),
            {"m": mid},
        )
        await conn.execute(
            sa.text("ALTER TABLE minutes_version ENABLE TRIGGER tg_minutes_version_approved")
        )
    assert len(await outbox(admin_engine, subject_id=UUID(mid))) == 2
