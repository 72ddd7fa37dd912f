"""Meetings: meetings, agenda items, attendance, minutes versions, decisions with their gapless
counter per (unit, body, year), action items and guard overrides; row-level security on each.

Rules concurrency could break are constraints here (ADR 0007): one attendance row per person and
meeting, agenda positions unique per meeting (DEFERRABLE INITIALLY DEFERRED, so a reorder may swap
positions inside one transaction), minutes version numbers unique per meeting, decision numbers
unique per body and year. A trigger refuses any UPDATE of an approved minutes version, so even a
statement that bypasses the adapter cannot change what was approved (a correction is a new row).
Decision numbers come from ``decision_counter`` (``INSERT … ON CONFLICT DO UPDATE … RETURNING``
in the approving transaction), never from a sequence: a rolled-back approval leaves no gap.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 08:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Table → what the app role may do (the override log and the counter are never deleted by it).
GRANTS = {
    "meeting": "SELECT, INSERT, UPDATE, DELETE",
    "agenda_item": "SELECT, INSERT, UPDATE, DELETE",
    "attendance": "SELECT, INSERT, UPDATE, DELETE",
    "minutes_version": "SELECT, INSERT, UPDATE, DELETE",
    "decision": "SELECT, INSERT, UPDATE, DELETE",
    "decision_counter": "SELECT, INSERT, UPDATE",
    "action_item": "SELECT, INSERT, UPDATE, DELETE",
    "guard_override": "SELECT, INSERT",
}

IMMUTABLE = """
CREATE FUNCTION samordna_minutes_approved_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'approved minutes are never updated; correct them as a new version'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'tg_minutes_version_approved',
          TABLE = 'minutes_version';
END
$$
"""


def _secure() -> None:
    for table, rights in GRANTS.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY unit_isolation ON {table} "
            "USING (unit_id = samordna_current_unit()) "
            "WITH CHECK (unit_id = samordna_current_unit())"
        )
        op.execute(f"GRANT {rights} ON {table} TO samordna_app")
    op.execute(IMMUTABLE)
    op.execute(
        "CREATE TRIGGER tg_minutes_version_approved BEFORE UPDATE ON minutes_version"
        " FOR EACH ROW WHEN (OLD.approved_at IS NOT NULL)"
        " EXECUTE FUNCTION samordna_minutes_approved_immutable()"
    )


def upgrade() -> None:
    op.create_table(
        "decision_counter",
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("body_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id", "body_id"],
            ["body.unit_id", "body.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("unit_id", "body_id", "year"),
    )
    op.create_table(
        "meeting",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("body_id", sa.Uuid(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("place", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("link", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("cancel_reason", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("documentation_status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("archive_worthy", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(status = 'cancelled') = (cancel_reason IS NOT NULL)", name="ck_meeting_cancel_reason"
        ),
        sa.CheckConstraint(
            "documentation_status IN ('private_note','in_progress','final')",
            name="ck_meeting_documentation_status",
        ),
        sa.CheckConstraint(
            "status IN ('planned','held','minutes_draft','minutes_approved','distributed','cancelled')",
            name="ck_meeting_status",
        ),
        sa.CheckConstraint("ends_at > starts_at", name="ck_meeting_period"),
        sa.ForeignKeyConstraint(
            ["unit_id", "body_id"],
            ["body.unit_id", "body.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "id"),
    )
    op.create_index(
        "ix_meeting_body_start", "meeting", ["unit_id", "body_id", "starts_at"], unique=False
    )
    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("owner_person_id", sa.Uuid(), nullable=True),
        sa.Column("measure_id", sa.Uuid(), nullable=True),
        sa.Column("focus_area_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "kind IN ('information','discussion','decision')", name="ck_agenda_item_kind"
        ),
        sa.CheckConstraint("position >= 1", name="ck_agenda_item_position"),
        sa.ForeignKeyConstraint(
            ["unit_id", "meeting_id"], ["meeting.unit_id", "meeting.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "owner_person_id"],
            ["person.unit_id", "person.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "id"),
        sa.UniqueConstraint(
            "unit_id",
            "meeting_id",
            "position",
            deferrable=True,
            initially="DEFERRED",
            name="uq_agenda_item_position",
        ),
    )
    op.create_table(
        "attendance",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("presence", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("substitute_for_person_id", sa.Uuid(), nullable=True),
        sa.Column("organisation_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "presence IN ('present','absent_with_notice','absent_without_notice')",
            name="ck_attendance_presence",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "meeting_id"], ["meeting.unit_id", "meeting.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "organisation_id"],
            ["organisation.unit_id", "organisation.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "person_id"],
            ["person.unit_id", "person.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "substitute_for_person_id"],
            ["person.unit_id", "person.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "meeting_id", "person_id", name="uq_attendance_person"),
    )
    op.create_table(
        "guard_override",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("subject_key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("field", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("rule", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("counts", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id", "meeting_id"], ["meeting.unit_id", "meeting.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_guard_override_meeting", "guard_override", ["unit_id", "meeting_id"], unique=False
    )
    op.create_table(
        "minutes_version",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("items", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("approval_kind", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approval_recorded_by_person_id", sa.Uuid(), nullable=True),
        sa.Column("approval_chair_person_id", sa.Uuid(), nullable=True),
        sa.Column("approving_meeting_id", sa.Uuid(), nullable=True),
        sa.Column("correction_reason", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "approval_kind IS NULL OR approval_kind IN ('chair','next_meeting')",
            name="ck_minutes_version_approval_kind",
        ),
        sa.CheckConstraint(
            "(approval_kind IS NULL) = (approved_at IS NULL)", name="ck_minutes_version_approval"
        ),
        sa.CheckConstraint("number >= 1", name="ck_minutes_version_number"),
        sa.ForeignKeyConstraint(
            ["unit_id", "meeting_id"], ["meeting.unit_id", "meeting.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "meeting_id", "number", name="uq_minutes_version_number"),
    )
    op.create_table(
        "action_item",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("agenda_item_id", sa.Uuid(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("owner_person_id", sa.Uuid(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("status IN ('open','done','cancelled')", name="ck_action_item_status"),
        sa.ForeignKeyConstraint(
            ["unit_id", "agenda_item_id"],
            ["agenda_item.unit_id", "agenda_item.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "meeting_id"], ["meeting.unit_id", "meeting.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "owner_person_id"],
            ["person.unit_id", "person.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_action_item_meeting", "action_item", ["unit_id", "meeting_id"], unique=False
    )
    op.create_index(
        "ix_action_item_owner_due",
        "action_item",
        ["unit_id", "owner_person_id", "due"],
        unique=False,
    )
    op.create_table(
        "decision",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("agenda_item_id", sa.Uuid(), nullable=False),
        sa.Column("body_id", sa.Uuid(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("number_body_code", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("number_sequence", sa.Integer(), nullable=True),
        sa.Column("number_year", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(number_sequence IS NULL) = (number_year IS NULL) AND (number_sequence IS NULL) = (number_body_code IS NULL)",
            name="ck_decision_number_whole",
        ),
        sa.CheckConstraint("number_sequence >= 1", name="ck_decision_number_sequence"),
        sa.ForeignKeyConstraint(
            ["unit_id", "agenda_item_id"],
            ["agenda_item.unit_id", "agenda_item.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "body_id"],
            ["body.unit_id", "body.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "meeting_id"], ["meeting.unit_id", "meeting.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "unit_id", "body_id", "number_year", "number_sequence", name="uq_decision_number"
        ),
    )
    op.create_index("ix_decision_meeting", "decision", ["unit_id", "meeting_id"], unique=False)
    _secure()


def downgrade() -> None:
    op.execute("DROP TRIGGER tg_minutes_version_approved ON minutes_version")
    op.execute("DROP FUNCTION samordna_minutes_approved_immutable()")
    op.drop_index("ix_decision_meeting", table_name="decision")
    op.drop_table("decision")
    op.drop_index("ix_action_item_owner_due", table_name="action_item")
    op.drop_index("ix_action_item_meeting", table_name="action_item")
    op.drop_table("action_item")
    op.drop_table("minutes_version")
    op.drop_index("ix_guard_override_meeting", table_name="guard_override")
    op.drop_table("guard_override")
    op.drop_table("attendance")
    op.drop_table("agenda_item")
    op.drop_index("ix_meeting_body_start", table_name="meeting")
    op.drop_table("meeting")
    op.drop_table("decision_counter")
