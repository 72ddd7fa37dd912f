"""Agreements: the unit's samarbeidsavtaler and politirådsavtaler, their parties and their signed
documents; row-level security forced on each.

The signed document is a ``bytea`` row beside its metadata (ADR 0015), not a large object: the
bytes commit or roll back with the agreement (no orphan on a failed save), ``pg_dump`` carries
them with everything else, and row-level security covers them like any tenant row — a large
object in ``pg_largeobject`` has no row-level security and outlives a deleted row unless
``lo_unlink`` is called. PDFs are compressed already, so the column's storage is EXTERNAL
(out of line, no second compression). Size, digest and the PDF magic bytes are constraints.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 10:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("agreement", "agreement_party", "agreement_document")
MAX_BYTES = 20 * 1024 * 1024


def _secure() -> None:
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY unit_isolation ON {table} "
            "USING (unit_id = samordna_current_unit()) "
            "WITH CHECK (unit_id = samordna_current_unit())"
        )
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO samordna_app")


def _stamp(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        name, sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
    )


def upgrade() -> None:
    text = sqlmodel.sql.sqltypes.AutoString
    op.create_table(
        "agreement",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("kind", text(), nullable=False),
        sa.Column("title", text(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=False),
        sa.Column("documentation_status", text(), nullable=False),
        sa.Column("archive_worthy", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        _stamp("created_at"),
        _stamp("updated_at"),
        sa.CheckConstraint("kind IN ('cooperation','police_council')", name="ck_agreement_kind"),
        sa.CheckConstraint(
            "documentation_status IN ('private_note','in_progress','final')",
            name="ck_agreement_documentation_status",
        ),
        sa.CheckConstraint("char_length(title) BETWEEN 1 AND 200", name="ck_agreement_title"),
        sa.CheckConstraint("valid_until > signed_on", name="ck_agreement_period"),
        sa.CheckConstraint(
            "review_on BETWEEN signed_on AND valid_until", name="ck_agreement_review"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "id"),
    )
    op.create_index(
        "ix_agreement_unit_valid_until", "agreement", ["unit_id", "valid_until"], unique=False
    )
    op.create_table(
        "agreement_party",
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id", "agreement_id"],
            ["agreement.unit_id", "agreement.id"],
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "organisation_id"], ["organisation.unit_id", "organisation.id"]
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("agreement_id", "organisation_id"),
        sa.UniqueConstraint("agreement_id", "position", name="uq_agreement_party_position"),
    )
    op.create_index(
        "ix_agreement_party_organisation",
        "agreement_party",
        ["unit_id", "organisation_id"],
        unique=False,
    )
    op.create_table(
        "agreement_document",
        sa.Column("agreement_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("filename", text(), nullable=False),
        sa.Column("media_type", text(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", text(), nullable=False),
        sa.Column("pdfa", sa.Boolean(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint(
            f"size_bytes BETWEEN 1 AND {MAX_BYTES} AND octet_length(content) = size_bytes",
            name="ck_agreement_document_size",
        ),
        sa.CheckConstraint(
            "substring(content FROM 1 FOR 5) = '\\x255044462d'::bytea"
            " AND media_type = 'application/pdf'",
            name="ck_agreement_document_pdf",
        ),
        sa.CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name="ck_agreement_document_sha256"),
        sa.CheckConstraint(
            "char_length(filename) BETWEEN 1 AND 200", name="ck_agreement_document_filename"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "agreement_id"],
            ["agreement.unit_id", "agreement.id"],
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("agreement_id"),
    )
    op.execute("ALTER TABLE agreement_document ALTER COLUMN content SET STORAGE EXTERNAL")
    _secure()


def downgrade() -> None:
    op.drop_table("agreement_document")
    op.drop_index("ix_agreement_party_organisation", table_name="agreement_party")
    op.drop_table("agreement_party")
    op.drop_index("ix_agreement_unit_valid_until", table_name="agreement")
    op.drop_table("agreement")
