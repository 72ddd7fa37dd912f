"""Archive delivery room: rows of the outbox, the settings and the extract jobs to domain values
and back (asyncpg records in, plain values out)."""

from __future__ import annotations

import json
from typing import Any

from domain.archive.extracts import ExtractJob, ExtractStatus, Period
from domain.archive.messages import MessageStatus, OutboxMessage, Receipt
from domain.archive.records import RecordKind
from domain.archive.settings import ArchiveSettings

Row = Any  # an asyncpg Record

MESSAGE_COLUMNS = (
    "id, unit_id, record_kind, record_id, part_id, subject_id, key, record_version, status, attempts,"
    " next_attempt_at, lease_until, last_error, created_at, delivered_at, receipt, version"
)
SETTINGS_COLUMNS = (
    "unit_id, enabled, classification_system, class_id, archive_part, administrative_unit,"
    " case_officer, version"
)
EXTRACT_COLUMNS = (
    "id, unit_id, period_start, period_end, status, done, total, created_at, finished_at,"
    " error, size_bytes"
)
_RECEIPT = ("saksnummer", "journalpostnummer", "mappe_system_id", "registrering_system_id")


def receipt_json(r: Receipt) -> str:
    values: dict[str, Any] = {k: getattr(r, k) for k in _RECEIPT}
    values["existing"] = r.existing
    return json.dumps(values)


def _receipt(value: Any) -> Receipt | None:
    if value is None:
        return None
    data = json.loads(value) if isinstance(value, str) else value
    return Receipt(**{k: data.get(k) for k in _RECEIPT}, existing=bool(data.get("existing", False)))


def message(r: Row) -> OutboxMessage:
    return OutboxMessage(
        id=r["id"],
        unit_id=r["unit_id"],
        record_kind=RecordKind(r["record_kind"]),
        record_id=r["record_id"],
        part_id=r["part_id"],
        subject_id=r["subject_id"],
        key=r["key"],
        record_version=r["record_version"],
        status=MessageStatus(r["status"]),
        attempts=r["attempts"],
        next_attempt_at=r["next_attempt_at"],
        lease_until=r["lease_until"],
        last_error=r["last_error"],
        created_at=r["created_at"],
        delivered_at=r["delivered_at"],
        receipt=_receipt(r["receipt"]),
        version=r["version"],
    )


def settings(r: Row) -> ArchiveSettings:
    return ArchiveSettings(
        unit_id=r["unit_id"],
        enabled=r["enabled"],
        classification_system=r["classification_system"],
        class_id=r["class_id"],
        archive_part=r["archive_part"],
        administrative_unit=r["administrative_unit"],
        case_officer=r["case_officer"],
        version=r["version"],
    )


def extract(r: Row) -> ExtractJob:
    return ExtractJob(
        id=r["id"],
        unit_id=r["unit_id"],
        period=Period(start=r["period_start"], end=r["period_end"]),
        status=ExtractStatus(r["status"]),
        done=r["done"],
        total=r["total"],
        created_at=r["created_at"],
        finished_at=r["finished_at"],
        error=r["error"],
        size=r["size_bytes"],
    )
