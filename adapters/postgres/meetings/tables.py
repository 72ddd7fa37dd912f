"""Meetings room: the SQLModel tables of the meetings context (meetings, agenda items, attendance,
minutes versions, decisions and their gapless counter, action items, guard overrides).
``adapters.postgres.tables`` gathers them into one ``metadata``; the Core tables below are what
the repositories write with. Every table carries ``unit_id`` (row-level security, ADR 0003) and
refers to its parents within the same unit (composite foreign keys)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlmodel import Field, SQLModel

from adapters.postgres.table_helpers import stamp as _stamp


def _version() -> Any:
    return Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})


def _in_unit(column: str, target: str, *, cascade: bool = False) -> sa.ForeignKeyConstraint:
    """``(unit_id, column)`` refers to ``target``'s ``(unit_id, id)``: never across units."""
    return sa.ForeignKeyConstraint(
        ["unit_id", column],
        [f"{target}.unit_id", f"{target}.id"],
        ondelete="CASCADE" if cascade else None,
    )


class MeetingRow(SQLModel, table=True):
    __tablename__ = "meeting"
    __table_args__ = (
        sa.UniqueConstraint("unit_id", "id"),
        _in_unit("body_id", "body"),
        sa.CheckConstraint("ends_at > starts_at", name="ck_meeting_period"),
        sa.CheckConstraint(
            "status IN ('planned','held','minutes_draft','minutes_approved','distributed',"
            "'cancelled')",
            name="ck_meeting_status",
        ),
        sa.CheckConstraint(
            "(status = 'cancelled') = (cancel_reason IS NOT NULL)", name="ck_meeting_cancel_reason"
        ),
        sa.CheckConstraint(
            "documentation_status IN ('private_note','in_progress','final')",
            name="ck_meeting_documentation_status",
        ),
        sa.Index("ix_meeting_body_start", "unit_id", "body_id", "starts_at"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    body_id: UUID
    starts_at: datetime = Field(sa_type=sa.DateTime(timezone=True))
    ends_at: datetime = Field(sa_type=sa.DateTime(timezone=True))
    place: str | None = None
    link: str | None = None
    status: str
    cancel_reason: str | None = None
    documentation_status: str
    archive_worthy: bool
    version: int = _version()
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class AgendaItemRow(SQLModel, table=True):
    __tablename__ = "agenda_item"
    __table_args__ = (
        sa.UniqueConstraint("unit_id", "id"),
        _in_unit("meeting_id", "meeting", cascade=True),
        _in_unit("owner_person_id", "person"),
        # Deferred to the commit, so a reorder may pass through a duplicate position.
        sa.UniqueConstraint(
            "unit_id",
            "meeting_id",
            "position",
            name="uq_agenda_item_position",
            deferrable=True,
            initially="DEFERRED",
        ),
        sa.CheckConstraint("position >= 1", name="ck_agenda_item_position"),
        sa.CheckConstraint(
            "kind IN ('information','discussion','decision')", name="ck_agenda_item_kind"
        ),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    meeting_id: UUID
    position: int
    title: str
    kind: str
    owner_person_id: UUID | None = None
    measure_id: UUID | None = None
    focus_area_id: UUID | None = None
    version: int = _version()
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class AttendanceRow(SQLModel, table=True):
    __tablename__ = "attendance"
    __table_args__ = (
        _in_unit("meeting_id", "meeting", cascade=True),
        _in_unit("person_id", "person"),
        _in_unit("substitute_for_person_id", "person"),
        _in_unit("organisation_id", "organisation"),
        sa.UniqueConstraint("unit_id", "meeting_id", "person_id", name="uq_attendance_person"),
        sa.CheckConstraint(
            "presence IN ('present','absent_with_notice','absent_without_notice')",
            name="ck_attendance_presence",
        ),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    meeting_id: UUID
    person_id: UUID
    presence: str
    substitute_for_person_id: UUID | None = None
    organisation_id: UUID | None = None
    version: int = _version()
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class MinutesVersionRow(SQLModel, table=True):
    """Items are a JSON array of ``{agenda_item_id, open_text, restricted_text}``: a version is
    read and written whole. The approval is flat columns, ``approved_at`` set meaning approved
    (migration 0006's trigger refuses any UPDATE of such a row)."""

    __tablename__ = "minutes_version"
    __table_args__ = (
        _in_unit("meeting_id", "meeting", cascade=True),
        sa.UniqueConstraint("unit_id", "meeting_id", "number", name="uq_minutes_version_number"),
        sa.CheckConstraint("number >= 1", name="ck_minutes_version_number"),
        sa.CheckConstraint(
            "approval_kind IS NULL OR approval_kind IN ('chair','next_meeting')",
            name="ck_minutes_version_approval_kind",
        ),
        sa.CheckConstraint(
            "(approval_kind IS NULL) = (approved_at IS NULL)", name="ck_minutes_version_approval"
        ),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    meeting_id: UUID
    number: int
    written_at: datetime = Field(sa_type=sa.DateTime(timezone=True))
    items: list[dict[str, Any]] = Field(sa_type=pg.JSONB)
    approval_kind: str | None = None
    approved_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))
    approval_recorded_by_person_id: UUID | None = None
    approval_chair_person_id: UUID | None = None
    approving_meeting_id: UUID | None = None
    correction_reason: str | None = None
    version: int = _version()
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class DecisionRow(SQLModel, table=True):
    __tablename__ = "decision"
    __table_args__ = (
        _in_unit("meeting_id", "meeting", cascade=True),
        _in_unit("agenda_item_id", "agenda_item"),
        _in_unit("body_id", "body"),
        sa.UniqueConstraint(
            "unit_id", "body_id", "number_year", "number_sequence", name="uq_decision_number"
        ),
        sa.CheckConstraint(
            "(number_sequence IS NULL) = (number_year IS NULL)"
            " AND (number_sequence IS NULL) = (number_body_code IS NULL)",
            name="ck_decision_number_whole",
        ),
        sa.CheckConstraint("number_sequence >= 1", name="ck_decision_number_sequence"),
        sa.Index("ix_decision_meeting", "unit_id", "meeting_id"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    meeting_id: UUID
    agenda_item_id: UUID
    body_id: UUID
    text: str
    ordinal: int
    number_body_code: str | None = None
    number_sequence: int | None = None
    number_year: int | None = None
    version: int = _version()
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class DecisionCounterRow(SQLModel, table=True):
    """The last decision number given per (unit, body, year): taken with ``UPDATE … RETURNING``
    inside the approving transaction, so it is gapless (a rollback gives the number back)."""

    __tablename__ = "decision_counter"
    __table_args__ = (_in_unit("body_id", "body"),)
    unit_id: UUID = Field(primary_key=True, foreign_key="slt_unit.id", ondelete="CASCADE")
    body_id: UUID = Field(primary_key=True)
    year: int = Field(primary_key=True)
    last: int


class ActionItemRow(SQLModel, table=True):
    __tablename__ = "action_item"
    __table_args__ = (
        _in_unit("meeting_id", "meeting", cascade=True),
        _in_unit("agenda_item_id", "agenda_item"),
        _in_unit("owner_person_id", "person"),
        sa.CheckConstraint("status IN ('open','done','cancelled')", name="ck_action_item_status"),
        sa.Index("ix_action_item_meeting", "unit_id", "meeting_id"),
        sa.Index("ix_action_item_owner_due", "unit_id", "owner_person_id", "due"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    meeting_id: UUID
    agenda_item_id: UUID
    text: str
    owner_person_id: UUID
    due: date | None = None
    status: str
    version: int = _version()
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class GuardOverrideRow(SQLModel, table=True):
    """An override of the free-text guard: why, which field, kinds and counts — never the text."""

    __tablename__ = "guard_override"
    __table_args__ = (
        _in_unit("meeting_id", "meeting", cascade=True),
        sa.Index("ix_guard_override_meeting", "unit_id", "meeting_id"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    meeting_id: UUID
    person_id: UUID | None = None
    subject_key: str
    field: str
    reason: str
    rule: str | None = None
    counts: dict[str, int] = Field(sa_type=pg.JSONB)
    at: datetime = Field(sa_type=sa.DateTime(timezone=True))


def _table(row: type[SQLModel]) -> sa.Table:
    return row.__table__  # type: ignore[attr-defined, no-any-return]


MEETING = _table(MeetingRow)
AGENDA_ITEM = _table(AgendaItemRow)
ATTENDANCE = _table(AttendanceRow)
MINUTES_VERSION = _table(MinutesVersionRow)
DECISION = _table(DecisionRow)
ACTION_ITEM = _table(ActionItemRow)
GUARD_OVERRIDE = _table(GuardOverrideRow)

# Every table of the context, as ``adapters.postgres.tables.TENANT_TABLES`` lists them.
TENANT_TABLES: dict[str, str] = dict.fromkeys(
    (
        "meeting",
        "agenda_item",
        "attendance",
        "minutes_version",
        "decision",
        "decision_counter",
        "action_item",
        "guard_override",
    ),
    "unit_id",
)
