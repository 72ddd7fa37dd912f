"""Annual wheel: templates of recurring tasks, the tasks generated from them per year, and the
calendar feeds' tokens; row-level security on each.

Generation is idempotent under parallel runs: a task's id derives from (template, year) and
``uq_wheel_task_template_year`` holds one task per (unit, template, year), so the adapter's
``INSERT … ON CONFLICT DO NOTHING RETURNING`` creates each task once and never fails.

Feed tokens without SECURITY DEFINER: a feed URL carries a token but no session, so its lookup
happens before any unit is known. Instead of a definer function that would step around row-level
security, ``feed_token`` has a second, SELECT-only policy: a transaction sees a row of any unit
when it has named that row's hash in ``samordna.feed_token_hash`` (``SET LOCAL``). The hash is a
keyed HMAC of a 256-bit token, so naming it is proof of holding the token; the policy shows that
one row and nothing else (no listing, no other unit's tokens, no other table), inserts and
revocations stay bound to the unit's own policy, and row-level security stays forced.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 08:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Table → what the app role may do (tokens are revoked, never deleted).
GRANTS = {
    "wheel_template": "SELECT, INSERT, UPDATE, DELETE",
    "wheel_task": "SELECT, INSERT, UPDATE, DELETE",
    "feed_token": "SELECT, INSERT, UPDATE",
}


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
    op.execute(
        "CREATE POLICY feed_token_by_hash ON feed_token FOR SELECT USING ("
        "token_hash = nullif(current_setting('samordna.feed_token_hash', true), ''))"
    )


def upgrade() -> None:
    op.create_table(
        "feed_token",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("scope", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("scope IN ('person','body')", name="ck_feed_token_scope"),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash", name="uq_feed_token_hash"),
    )
    op.create_index(
        "ix_feed_token_subject", "feed_token", ["unit_id", "scope", "subject_id"], unique=False
    )
    op.create_table(
        "wheel_template",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=True),
        sa.Column("owner_role", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("body_level", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
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
            "body_level IN ('steering','coordinating','executive')",
            name="ck_wheel_template_body_level",
        ),
        sa.CheckConstraint(
            "owner_role IN ('coordinator','chair','secretary')", name="ck_wheel_template_owner_role"
        ),
        sa.CheckConstraint("day BETWEEN 1 AND 31", name="ck_wheel_template_day"),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name="ck_wheel_template_month"),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "id"),
    )
    op.create_table(
        "wheel_task",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("template_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("owner_role", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("body_level", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("body_id", sa.Uuid(), nullable=True),
        sa.Column("owner_person_id", sa.Uuid(), nullable=True),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
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
        sa.CheckConstraint(
            "body_level IN ('steering','coordinating','executive')", name="ck_wheel_task_body_level"
        ),
        sa.CheckConstraint(
            "owner_role IN ('coordinator','chair','secretary')", name="ck_wheel_task_owner_role"
        ),
        sa.CheckConstraint("status IN ('open','done','cancelled')", name="ck_wheel_task_status"),
        sa.CheckConstraint("extract(year FROM due) = year", name="ck_wheel_task_due_in_year"),
        sa.ForeignKeyConstraint(
            ["unit_id", "body_id"],
            ["body.unit_id", "body.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "owner_person_id"],
            ["person.unit_id", "person.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "template_id"],
            ["wheel_template.unit_id", "wheel_template.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "template_id", "year", name="uq_wheel_task_template_year"),
    )
    op.create_index(
        "ix_wheel_task_year_due", "wheel_task", ["unit_id", "year", "due"], unique=False
    )
    _secure()


def downgrade() -> None:
    op.drop_index("ix_wheel_task_year_due", table_name="wheel_task")
    op.drop_table("wheel_task")
    op.drop_table("wheel_template")
    op.drop_index("ix_feed_token_subject", table_name="feed_token")
    op.drop_table("feed_token")
