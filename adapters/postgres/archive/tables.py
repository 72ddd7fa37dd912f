"""Archive delivery room: the SQLModel tables of the outbox and the per-unit archive settings
(migration 0013 creates the same, plus row-level security, the enqueue triggers and the claim)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlmodel import Field, SQLModel

from adapters.postgres.table_helpers import stamp as _stamp
from domain.archive.limits import CODE_MAX, NAME_MAX

KINDS = "('minutes','action_plan','agreement','evaluation','measure')"
STATUSES = "('pending','delivering','delivered','failed','dead')"
ERROR_MAX = 1000


class ArchiveMessageRow(SQLModel, table=True):
    """One arkivmelding to deliver: which record (and part), its idempotency key, where it is in
    its delivery, and the archive's receipt once delivered. The triggers of migration 0013 add
    rows in the record's own transaction; ``(unit_id, key, record_version)`` is unique, so a
    second trigger run for the same version of a record adds nothing."""

    __tablename__ = "archive_message"
    __table_args__ = (
        sa.UniqueConstraint("unit_id", "key", "record_version", name="uq_archive_message_key"),
        sa.CheckConstraint(f"record_kind IN {KINDS}", name="ck_archive_message_kind"),
        sa.CheckConstraint(f"status IN {STATUSES}", name="ck_archive_message_status"),
        sa.CheckConstraint("attempts >= 0", name="ck_archive_message_attempts"),
        sa.CheckConstraint(
            "(status = 'delivering') = (lease_until IS NOT NULL)", name="ck_archive_message_lease"
        ),
        sa.CheckConstraint(
            "(status = 'delivered') = (delivered_at IS NOT NULL)",
            name="ck_archive_message_delivered",
        ),
        sa.CheckConstraint(
            f"char_length(last_error) <= {ERROR_MAX}", name="ck_archive_message_error"
        ),
        sa.CheckConstraint("char_length(key) BETWEEN 1 AND 200", name="ck_archive_message_key"),
        sa.Index("ix_archive_message_unit_status", "unit_id", "status", "created_at"),
        sa.Index("ix_archive_message_record", "unit_id", "record_kind", "subject_id"),
        sa.Index(
            "ix_archive_message_due",
            "next_attempt_at",
            postgresql_where=sa.text("status IN ('pending','failed')"),
        ),
        sa.Index(
            "ix_archive_message_lease",
            "lease_until",
            postgresql_where=sa.text("status = 'delivering'"),
        ),
    )
    id: UUID = Field(
        primary_key=True, sa_column_kwargs={"server_default": sa.text("gen_random_uuid()")}
    )
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    record_kind: str
    record_id: UUID
    part_id: UUID | None = None
    # The record page's id: the meeting for minutes (the record is its minutes version), else
    # the record itself; what GET /api/archive/records/{kind}/{id} looks up.
    subject_id: UUID
    key: str
    record_version: str
    status: str = Field(sa_column_kwargs={"server_default": sa.text("'pending'")})
    attempts: int = Field(default=0, sa_column_kwargs={"server_default": sa.text("0")})
    next_attempt_at: datetime = _stamp()
    lease_until: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))
    last_error: str | None = None
    receipt: dict[str, Any] | None = Field(default=None, sa_type=pg.JSONB)
    delivered_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))
    version: int = Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class ArchiveSettingsRow(SQLModel, table=True):
    """The unit's archive: whether delivery is on, and where its records are filed."""

    __tablename__ = "archive_settings"
    __table_args__ = tuple(
        sa.CheckConstraint(f"char_length({c}) BETWEEN 1 AND {n}", name=f"ck_archive_settings_{c}")
        for c, n in (
            ("classification_system", CODE_MAX),
            ("class_id", CODE_MAX),
            ("archive_part", CODE_MAX),
            ("administrative_unit", NAME_MAX),
            ("case_officer", NAME_MAX),
        )
    )
    unit_id: UUID = Field(primary_key=True, foreign_key="slt_unit.id", ondelete="CASCADE")
    enabled: bool = Field(default=False, sa_column_kwargs={"server_default": sa.text("false")})
    classification_system: str | None = None
    class_id: str | None = None
    archive_part: str | None = None
    administrative_unit: str | None = None
    case_officer: str | None = None
    version: int = Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})
    updated_at: datetime = _stamp()


class ArchiveExtractRow(SQLModel, table=True):
    """A deposit extract job and, once done, its zip (``bytea`` beside the job, ADR 0015)."""

    __tablename__ = "archive_extract"
    __table_args__ = (
        sa.CheckConstraint(
            "status IN ('queued','running','done','failed')", name="ck_archive_extract_status"
        ),
        sa.CheckConstraint(
            "done >= 0 AND total >= 0 AND done <= total", name="ck_archive_extract_progress"
        ),
        sa.CheckConstraint("period_end >= period_start", name="ck_archive_extract_period"),
        sa.CheckConstraint("char_length(error) <= 500", name="ck_archive_extract_error"),
        sa.Index("ix_archive_extract_unit_created", "unit_id", "created_at"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    period_start: date
    period_end: date
    status: str
    done: int = Field(default=0, sa_column_kwargs={"server_default": sa.text("0")})
    total: int = Field(default=0, sa_column_kwargs={"server_default": sa.text("0")})
    created_at: datetime = _stamp()
    finished_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))
    error: str | None = None
    size_bytes: int | None = None
    content: bytes | None = Field(default=None, sa_type=sa.LargeBinary())


def _table(row: type[SQLModel]) -> sa.Table:
    return row.__table__  # type: ignore[attr-defined, no-any-return]


ARCHIVE_MESSAGE = _table(ArchiveMessageRow)
ARCHIVE_SETTINGS = _table(ArchiveSettingsRow)
ARCHIVE_EXTRACT = _table(ArchiveExtractRow)

TENANT_TABLES: dict[str, str] = dict.fromkeys(
    ("archive_message", "archive_settings", "archive_extract"), "unit_id"
)
