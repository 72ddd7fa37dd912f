"""Access administration: versions on accounts and machine clients, the access change log (with
row-level security), and a guard that a unit which has a unit admin never loses the last one.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIONS = (
    "account_granted",
    "roles_changed",
    "account_revoked",
    "client_registered",
    "client_revoked",
)


def upgrade() -> None:
    for table in ("user_account", "machine_client"):
        op.add_column(
            table, sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)
        )
    op.create_table(
        "access_change",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column(
            "at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("actor_person_id", sa.Uuid(), nullable=True),
        sa.Column("actor_name", sa.Text(), nullable=False),
        sa.Column("target_name", sa.Text(), nullable=True),
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("organisation_number", sa.Text(), nullable=True),
        sa.Column(
            "roles",
            postgresql.ARRAY(sa.Text()),
            server_default=sa.text("'{}'::text[]"),
            nullable=False,
        ),
        sa.Column(
            "scopes",
            postgresql.ARRAY(sa.Text()),
            server_default=sa.text("'{}'::text[]"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "action IN (" + ", ".join(f"'{a}'" for a in ACTIONS) + ")",
            name="ck_access_change_action",
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_access_change_unit_at", "access_change", ["unit_id", "at"])
    op.execute("ALTER TABLE access_change ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY unit_isolation ON access_change USING (unit_id = samordna_current_unit())"
        " WITH CHECK (unit_id = samordna_current_unit())"
    )
    # Append-only for the app: a log it could rewrite would prove nothing.
    op.execute("GRANT SELECT, INSERT ON access_change TO samordna_app")
    _last_admin_guard()


def _last_admin_guard() -> None:
    """Two admins removing each other (or themselves) at once must not both succeed: every change
    to who administers a unit takes the unit's advisory lock, so the second one waits, and the
    check at commit then sees the first one's result (docs/adr/0007: the constraint guarantees)."""
    op.execute(
        """
        CREATE FUNCTION samordna_lock_unit_admins(p_unit uuid) RETURNS void
        LANGUAGE sql VOLATILE AS
        $$ SELECT pg_advisory_xact_lock(hashtextextended('samordna.unit_admins:' || p_unit, 0)) $$
        """
    )
    op.execute("REVOKE ALL ON FUNCTION samordna_lock_unit_admins(uuid) FROM PUBLIC")
    op.execute("GRANT EXECUTE ON FUNCTION samordna_lock_unit_admins(uuid) TO samordna_app")
    op.execute(
        """
        CREATE FUNCTION samordna_unit_keeps_an_admin() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
          IF NOT ('unit_admin' = ANY (OLD.roles)) THEN
            RETURN NULL;
          END IF;
          IF TG_OP = 'UPDATE' AND 'unit_admin' = ANY (NEW.roles) AND NEW.unit_id = OLD.unit_id THEN
            RETURN NULL;
          END IF;
          PERFORM samordna_lock_unit_admins(OLD.unit_id);
          -- A unit being deleted takes its accounts along.
          IF NOT EXISTS (SELECT 1 FROM slt_unit WHERE id = OLD.unit_id) THEN
            RETURN NULL;
          END IF;
          IF NOT EXISTS (SELECT 1 FROM user_account
                          WHERE unit_id = OLD.unit_id AND 'unit_admin' = ANY (roles)) THEN
            RAISE EXCEPTION 'the unit would have no unit admin'
              USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_unit_keeps_an_admin';
          END IF;
          RETURN NULL;
        END $$
        """
    )
    op.execute(
        "CREATE CONSTRAINT TRIGGER tr_user_account_keeps_an_admin"
        " AFTER UPDATE OR DELETE ON user_account DEFERRABLE INITIALLY DEFERRED"
        " FOR EACH ROW EXECUTE FUNCTION samordna_unit_keeps_an_admin()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS tr_user_account_keeps_an_admin ON user_account")
    op.execute("DROP FUNCTION IF EXISTS samordna_unit_keeps_an_admin()")
    op.execute("DROP FUNCTION IF EXISTS samordna_lock_unit_admins(uuid)")
    op.drop_index("ix_access_change_unit_at", table_name="access_change")
    op.drop_table("access_change")
    for table in ("machine_client", "user_account"):
        op.drop_column(table, "version")
