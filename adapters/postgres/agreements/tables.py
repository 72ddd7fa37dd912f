"""Agreements room: the SQLModel tables of the agreements, their parties and their signed
documents. ``adapters.postgres.tables`` gathers them into one ``metadata``."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from adapters.postgres.table_helpers import stamp as _stamp
from domain.agreements.limits import DOCUMENT_MAX_BYTES, TITLE_MAX

KINDS = "('cooperation','police_council')"
DOC_STATUSES = "('private_note','in_progress','final')"
# The PDF magic bytes "%PDF-" as a bytea literal: the table holds nothing else, whatever a door does.
PDF_MAGIC_SQL = "'\\x255044462d'::bytea"


def _in_unit(
    columns: list[str], target: str, ondelete: str | None = None
) -> sa.ForeignKeyConstraint:
    """``(unit_id, column)`` refers to ``target``'s ``(unit_id, id)``: never across units."""
    return sa.ForeignKeyConstraint(
        ["unit_id", *columns], [f"{target}.unit_id", f"{target}.id"], ondelete=ondelete
    )


class AgreementRow(SQLModel, table=True):
    __tablename__ = "agreement"
    __table_args__ = (
        sa.UniqueConstraint("unit_id", "id"),
        sa.CheckConstraint(f"kind IN {KINDS}", name="ck_agreement_kind"),
        sa.CheckConstraint(
            f"documentation_status IN {DOC_STATUSES}", name="ck_agreement_documentation_status"
        ),
        sa.CheckConstraint(
            f"char_length(title) BETWEEN 1 AND {TITLE_MAX}", name="ck_agreement_title"
        ),
        sa.CheckConstraint("valid_until > signed_on", name="ck_agreement_period"),
        sa.CheckConstraint(
            "review_on BETWEEN signed_on AND valid_until", name="ck_agreement_review"
        ),
        sa.Index("ix_agreement_unit_valid_until", "unit_id", "valid_until"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    kind: str
    title: str
    signed_on: date
    valid_until: date
    review_on: date
    documentation_status: str
    archive_worthy: bool
    version: int = Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class AgreementPartyRow(SQLModel, table=True):
    """One party (an organisation of the same unit) in its place on the agreement. An
    organisation that is a party cannot be deleted (mark it inactive)."""

    __tablename__ = "agreement_party"
    __table_args__ = (
        _in_unit(["agreement_id"], "agreement", ondelete="CASCADE"),
        _in_unit(["organisation_id"], "organisation"),
        sa.UniqueConstraint("agreement_id", "position", name="uq_agreement_party_position"),
        sa.Index("ix_agreement_party_organisation", "unit_id", "organisation_id"),
    )
    agreement_id: UUID = Field(primary_key=True)
    organisation_id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    position: int


class AgreementDocumentRow(SQLModel, table=True):
    """The signed document's bytes beside its metadata, in the agreement's transaction (ADR 0015):
    size, digest and magic bytes are constraints, so no door can store a non-PDF or a wrong size."""

    __tablename__ = "agreement_document"
    __table_args__ = (
        _in_unit(["agreement_id"], "agreement", ondelete="CASCADE"),
        sa.CheckConstraint(
            f"size_bytes BETWEEN 1 AND {DOCUMENT_MAX_BYTES} AND octet_length(content) = size_bytes",
            name="ck_agreement_document_size",
        ),
        sa.CheckConstraint(
            f"substring(content FROM 1 FOR 5) = {PDF_MAGIC_SQL} AND media_type = 'application/pdf'",
            name="ck_agreement_document_pdf",
        ),
        sa.CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name="ck_agreement_document_sha256"),
        sa.CheckConstraint(
            "char_length(filename) BETWEEN 1 AND 200", name="ck_agreement_document_filename"
        ),
    )
    agreement_id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    filename: str
    media_type: str
    size_bytes: int
    sha256: str
    pdfa: bool
    uploaded_at: datetime = Field(sa_type=sa.DateTime(timezone=True))
    content: bytes = Field(sa_type=sa.LargeBinary())


def _table(row: type[SQLModel]) -> sa.Table:
    return row.__table__  # type: ignore[attr-defined, no-any-return]


AGREEMENT = _table(AgreementRow)
AGREEMENT_PARTY = _table(AgreementPartyRow)
AGREEMENT_DOCUMENT = _table(AgreementDocumentRow)

TENANT_TABLES: dict[str, str] = dict.fromkeys(
    ("agreement", "agreement_party", "agreement_document"), "unit_id"
)
