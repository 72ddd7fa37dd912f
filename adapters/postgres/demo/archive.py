"""Demo room: the archive of SLT Lillestrøm (demo) — its settings (delivery on, filed under the
municipality's ARKNOKKEL class 026 in the SLT archive part) and, of the outbox rows the demo's
finished records enqueued through migration 0013's triggers while they were loaded, the minutes
and the adopted plan shown as delivered (invented saksnummer and journalpostnummer) and one
concluded measure as a dead letter the archive rejected; the rest stays waiting for the worker
(``make run`` starts one, delivering into ``var/archive-drop``). Idempotent: once any of the
unit's messages has moved on, nothing is changed."""

from __future__ import annotations

import json
from uuid import UUID, uuid5

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.demo.data import DEMO_UNIT

SETTINGS = sa.text(
    "INSERT INTO archive_settings (unit_id, enabled, classification_system, class_id,"
    " archive_part, administrative_unit, case_officer)"
    " VALUES (:u, true, 'ARKNOKKEL', '026', 'SLT', 'Kommunedirektørens stab', 'SLT-koordinator')"
    " ON CONFLICT (unit_id) DO NOTHING"
)
MESSAGES = sa.text(
    "SELECT id, record_kind, subject_id, status, attempts FROM archive_message"
    " WHERE unit_id = :u ORDER BY created_at, key"
)
DELIVERED = sa.text(
    "UPDATE archive_message SET status = 'delivered', attempts = 1, receipt = CAST(:r AS jsonb),"
    " delivered_at = created_at + interval '3 minutes', version = version + 1"
    " WHERE id = :id AND status = 'pending' AND attempts = 0"
)
DEAD = sa.text(
    "UPDATE archive_message SET status = 'dead', attempts = 1, version = version + 1,"
    " last_error = 'rejected: HTTP 400 (feilId KLASSE-UKJENT)'"
    " WHERE id = :id AND status = 'pending' AND attempts = 0"
)
IDS = UUID("0b5e7d2a-6a1c-4d8e-9a49-3c1f0e2d7a61")


def _receipt(kind: str, subject: UUID, message: UUID) -> str:
    """A moetemappe's kvittering carries system ids only; a saksmappe's its case and entry."""
    case = kind != "minutes"
    return json.dumps(
        {
            "saksnummer": "2026/118" if case else None,
            "journalpostnummer": "1" if case else None,
            "mappe_system_id": str(uuid5(IDS, f"mappe/{subject}")),
            "registrering_system_id": str(uuid5(IDS, f"registrering/{message}")),
            "existing": False,
        }
    )


async def load_archive(engine: AsyncEngine) -> None:
    """After the measures' demo (its finished records are what enqueued the messages)."""
    async with engine.begin() as conn:
        await conn.execute(SETTINGS, {"u": DEMO_UNIT})
        rows = (await conn.execute(MESSAGES, {"u": DEMO_UNIT})).all()
        if any(r.status != "pending" or r.attempts for r in rows):
            return  # loaded before (or delivered since): the demo's outbox stays as it is
        minutes = [r for r in rows if r.record_kind == "minutes"]
        first_meeting = minutes[0].subject_id if minutes else None
        delivered = [r for r in minutes if r.subject_id == first_meeting]
        delivered += [r for r in rows if r.record_kind == "action_plan"][:1]
        for r in delivered:
            await conn.execute(
                DELIVERED, {"id": r.id, "r": _receipt(r.record_kind, r.subject_id, r.id)}
            )
        dead = next((r for r in rows if r.record_kind == "measure"), None)
        if dead is not None:
            await conn.execute(DEAD, {"id": dead.id})
