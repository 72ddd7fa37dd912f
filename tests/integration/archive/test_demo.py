"""Archive integration: the demo's archive (``samordna demo``) — the finished records it loads
enqueue through the triggers; the demo unit's archive is on, a meeting's minutes and the plan
show as delivered with the archive's references, one concluded measure is a dead letter, the
rest waits for the worker; loading it again changes nothing."""

from __future__ import annotations

from api import bootstrap
from tests.integration.archive.support import UNIT, outbox


async def test_the_demo_shows_delivered_waiting_and_one_dead_message(
    demo, admin_engine, settings, database
):
    await bootstrap.load_demo(settings, database, measures=True)
    rows = await outbox(admin_engine, unit_id=UNIT)
    kinds = {r["record_kind"] for r in rows}
    assert {"minutes", "action_plan", "measure", "evaluation"} <= kinds
    delivered = [r for r in rows if r["status"] == "delivered"]
    assert {r["record_kind"] for r in delivered} == {"minutes", "action_plan"}
    [plan] = [r for r in delivered if r["record_kind"] == "action_plan"]
    assert plan["receipt"]["saksnummer"] == "2026/118" and plan["delivered_at"]
    [dead] = [r for r in rows if r["status"] == "dead"]
    assert dead["record_kind"] == "measure" and dead["last_error"].startswith("rejected:")
    assert any(r["status"] == "pending" for r in rows)
    await bootstrap.load_demo(settings, database, measures=True)
    again = await outbox(admin_engine, unit_id=UNIT)
    assert [(r["id"], r["status"], r["version"]) for r in again] == [
        (r["id"], r["status"], r["version"]) for r in rows
    ]
