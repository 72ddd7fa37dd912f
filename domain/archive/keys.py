"""Archive domain room: the stable ``referanseEksternNoekkel`` values — correlation and idempotency.

``<record_kind>/<record uuid>[/<part uuid>]`` names the outbox row (migration 0013 writes the same
expression); the mappe, registrering and each dokumentbeskrivelse derive their own keys from it.
No personal data, nothing that changes when a title is edited. For minutes the record is the
approved minutes version and the part the agenda item: a correction (a new version) is a new
registration in the same moetemappe (keyed by the meeting), not an "already exists" answer.
"""

from __future__ import annotations

import re
from uuid import UUID

from domain.archive.records import ArchiveRecord, RecordKind

FAGSYSTEM = "Samordna"
_SAFE = re.compile(r"[^A-Za-z0-9_.-]")


def outbox_key(kind: RecordKind, record_id: UUID, part_id: UUID | None = None) -> str:
    """The outbox row's key (what the database triggers write, the same expression in SQL)."""
    base = f"{kind.value}/{record_id}"
    return f"{base}/{part_id}" if part_id is not None else base


def record_outbox_key(record: ArchiveRecord) -> str:
    return outbox_key(record.kind, record.record_id, record.part_id)


def mappe_key(record: ArchiveRecord) -> str:
    """The mappe's key: the meeting for minutes, the record itself otherwise."""
    if record.meeting is not None:
        return f"{RecordKind.MINUTES.value}/{record.meeting.meeting_id}"
    return f"{record.kind.value}/{record.record_id}"


def registration_key(record: ArchiveRecord) -> str:
    """The registrering's key: the outbox key for minutes (version + agenda item);
    ``…/registrering`` for the other kinds (a later edit keeps it: the archive answers "exists")."""
    if record.is_minutes:
        return record_outbox_key(record)
    return f"{mappe_key(record)}/registrering"


def document_key(record: ArchiveRecord, number: int) -> str:
    """The n-th (1-based) dokumentbeskrivelse's key."""
    return f"{registration_key(record)}/dokument/{number}"


def folder_name(key: str) -> str:
    """A file-system-safe folder name for a key (drop transport): ``/`` → ``_``, and nothing else
    than letters, digits, ``_``, ``.`` and ``-`` survives."""
    return _SAFE.sub("-", key.replace("/", "_"))
