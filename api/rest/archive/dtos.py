"""REST archive room: DTOs — messages with the archive's receipt, a record's status, the unit's
settings and the deposit extract jobs (camelCase on the wire)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import Bool, IsoDate, optional
from domain.archive import limits
from domain.archive.extracts import ExtractJob, ExtractStatus
from domain.archive.messages import MessageStatus
from domain.archive.records import RecordKind
from domain.archive.settings import ArchiveSettings
from domain.archive.status import ArchiveState, RecordArchiveStatus


class ReceiptRead(Dto):
    saksnummer: str | None = Field(description='The archive\'s case number, e.g. "2026/123".')
    journalpostnummer: str | None = Field(description='The registry entry number, e.g. "45".')
    mappe_system_id: str | None
    registrering_system_id: str | None
    existing: bool = Field(description="The archive already held the key (a re-sent message).")


class ArchiveMessageRead(Dto):
    id: UUID
    record_kind: RecordKind
    record_id: UUID
    part_id: UUID | None
    subject_id: UUID = Field(
        description="The record as the SPA names it (the meeting for minutes)."
    )
    key: str = Field(description="referanseEksternNoekkel.noekkel: the idempotency key.")
    status: MessageStatus
    attempts: int
    next_attempt_at: datetime
    last_error: str | None = Field(description="Composed by Samordna; never record content.")
    created_at: datetime
    delivered_at: datetime | None
    receipt: ReceiptRead | None
    version: int


class RecordStatusRead(Dto):
    state: ArchiveState = Field(
        description="Worst first: dead, failed, waiting (not_configured when the archive is off),"
        " delivered; none when nothing was enqueued."
    )
    saksnummer: str | None
    journalpostnummer: str | None
    messages: list[ArchiveMessageRead]

    @classmethod
    def of(cls, s: RecordArchiveStatus) -> Self:
        return cls(
            state=s.state,
            saksnummer=s.saksnummer,
            journalpostnummer=s.journalpostnummer,
            messages=[ArchiveMessageRead.from_domain(m) for m in s.messages],
        )


class ArchiveSettingsRead(Dto):
    enabled: bool = Field(description="Off: messages are enqueued but wait (not configured).")
    classification_system: str | None = Field(description='klassifikasjonssystem, "ARKNOKKEL".')
    class_id: str | None = Field(description='klasseID, e.g. "026".')
    archive_part: str | None = Field(description="arkivdel")
    administrative_unit: str | None = Field(description="administrativEnhet")
    case_officer: str | None = Field(description="saksansvarlig")
    version: int = Field(description="0 until first saved.")

    @classmethod
    def of(cls, s: ArchiveSettings) -> Self:
        values: dict[str, Any] = {
            "enabled": s.enabled,
            "classification_system": s.classification_system,
            "class_id": s.class_id,
            "archive_part": s.archive_part,
            "administrative_unit": s.administrative_unit,
            "case_officer": s.case_officer,
            "version": s.version,
        }
        return cls.model_validate(values)


def _code() -> Any:
    return Field(default=None, max_length=limits.CODE_MAX, description="null or blank: cleared.")


def _name() -> Any:
    return Field(default=None, max_length=limits.NAME_MAX, description="null or blank: cleared.")


class ArchiveSettingsUpdate(Update):
    enabled: Bool = optional()
    classification_system: str | None = _code()
    class_id: str | None = _code()
    archive_part: str | None = _code()
    administrative_unit: str | None = _name()
    case_officer: str | None = _name()


class ExtractCreate(Input):
    start: IsoDate = Field(alias="from", description="First day (inclusive).")
    end: IsoDate = Field(alias="to", description="Last day (inclusive).")


class ExtractJobRead(Dto):
    id: UUID
    start: date = Field(alias="from")
    end: date = Field(alias="to")
    status: ExtractStatus
    done: int = Field(description="Records read so far.")
    total: int = Field(description="Records to read (0 until the job has counted them).")
    created_at: datetime
    finished_at: datetime | None
    error: str | None = Field(description="Why it failed, by kind; never record content.")
    size: int | None = Field(description="Bytes of the finished zip.")
    filename: str

    @classmethod
    def of(cls, j: ExtractJob) -> Self:
        values: dict[str, Any] = {
            "id": j.id,
            "from": j.period.start,
            "to": j.period.end,
            "status": j.status,
            "done": j.done,
            "total": j.total,
            "createdAt": j.created_at,
            "finishedAt": j.finished_at,
            "error": j.error,
            "size": j.size,
            "filename": j.filename,
        }
        return cls.model_validate(values)
