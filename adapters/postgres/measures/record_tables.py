"""Measures room: the SQLModel tables of what accrues beside a measure — its stage history and
progress notes (append-only: the app role may only SELECT and INSERT them, and a trigger refuses
any UPDATE, migration 0010), its evaluations and their attached reports (``bytea`` in the
evaluation's transaction, like agreements' documents)."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlmodel import Field, SQLModel

from adapters.postgres.measures.tables import ASPECTS, PERFORMERS, STAGES, in_unit, table, version
from adapters.postgres.table_helpers import stamp as _stamp
from domain.measures import limits

REPORT_MAX_BYTES = 20 * 1024 * 1024
PDF_MAGIC, ZIP_MAGIC = "255044462d", "504b0304"  # "%PDF-"; DOCX and ODT are ZIPs: "PK\\x03\\x04"
REPORT_TYPES = {
    "application/pdf": PDF_MAGIC,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ZIP_MAGIC,
    "application/vnd.oasis.opendocument.text": ZIP_MAGIC,
}
REPORT_MAGIC = " OR ".join(
    f"(media_type = '{t}' AND substring(content FROM 1 FOR {len(m) // 2}) = '\\x{m}'::bytea)"
    for t, m in REPORT_TYPES.items()
)


class StageChangeRow(SQLModel, table=True):
    __tablename__ = "measure_stage_change"
    __table_args__ = (
        in_unit(["measure_id"], "measure", ondelete="CASCADE"),
        # Two transitions that read the same measure both write its next step: one loses here.
        sa.UniqueConstraint("measure_id", "sequence", name="uq_measure_stage_change_sequence"),
        sa.CheckConstraint(
            "sequence >= 1 AND (sequence = 1) = (from_stage IS NULL)"
            " AND (sequence > 1 OR to_stage = 'proposed')",
            name="ck_measure_stage_change_sequence",
        ),
        sa.CheckConstraint(
            f"to_stage IN {STAGES} AND (from_stage IS NULL OR from_stage IN {STAGES})",
            name="ck_measure_stage_change_stages",
        ),
        sa.CheckConstraint(
            f"char_length(reason) <= {limits.REASON_MAX}", name="ck_measure_stage_change_reason"
        ),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    measure_id: UUID
    sequence: int
    from_stage: str | None = None
    to_stage: str
    at: datetime = Field(sa_type=sa.DateTime(timezone=True))
    actor_person_id: UUID | None = None
    actor_name: str
    reason: str | None = None
    decision_id: UUID | None = None
    decision_label: str | None = None


class ProgressNoteRow(SQLModel, table=True):
    __tablename__ = "measure_progress_note"
    __table_args__ = (
        in_unit(["measure_id"], "measure", ondelete="CASCADE"),
        sa.CheckConstraint(
            f"char_length(text) BETWEEN 1 AND {limits.TEXT_MAX}",
            name="ck_measure_progress_note_text",
        ),
        sa.Index("ix_measure_progress_note_measure", "unit_id", "measure_id", "at"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    measure_id: UUID
    at: datetime = Field(sa_type=sa.DateTime(timezone=True))
    author_person_id: UUID | None = None
    author_name: str
    text: str


class EvaluationRow(SQLModel, table=True):
    __tablename__ = "evaluation"
    __table_args__ = (
        sa.UniqueConstraint("unit_id", "id"),
        in_unit(["measure_id"], "measure", ondelete="CASCADE"),
        sa.CheckConstraint(f"performer IN {PERFORMERS}", name="ck_evaluation_performer"),
        sa.CheckConstraint(f"aspects <@ {ASPECTS}", name="ck_evaluation_aspects"),
        sa.CheckConstraint(
            "conclusion IS NULL OR (conclusion IN ('continue','adjust','stop')"
            " AND findings IS NOT NULL AND completed_on IS NOT NULL)",
            name="ck_evaluation_conclusion",
        ),
        sa.CheckConstraint("version >= 1", name="ck_evaluation_version"),
        sa.Index("ix_evaluation_measure", "unit_id", "measure_id"),
        # The evaluations due: open ones by due date.
        sa.Index(
            "ix_evaluation_due",
            "unit_id",
            "due_on",
            postgresql_where=sa.text("conclusion IS NULL"),
        ),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    measure_id: UUID
    aspects: list[str] = Field(sa_type=pg.ARRAY(sa.Text()))
    performer: str
    method: str
    due_on: date | None = None
    performer_name: str | None = None
    findings: str | None = None
    conclusion: str | None = None
    completed_on: date | None = None
    version: int = version()
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class EvaluationReportRow(SQLModel, table=True):
    """The report's bytes beside its metadata: size, digest and magic bytes are constraints."""

    __tablename__ = "evaluation_report"
    __table_args__ = (
        in_unit(["evaluation_id"], "evaluation", ondelete="CASCADE"),
        sa.CheckConstraint(
            f"size_bytes BETWEEN 1 AND {REPORT_MAX_BYTES} AND octet_length(content) = size_bytes",
            name="ck_evaluation_report_size",
        ),
        sa.CheckConstraint(REPORT_MAGIC, name="ck_evaluation_report_type"),
        sa.CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name="ck_evaluation_report_sha256"),
        sa.CheckConstraint(
            "char_length(filename) BETWEEN 1 AND 200", name="ck_evaluation_report_filename"
        ),
    )
    evaluation_id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    filename: str
    media_type: str
    size_bytes: int
    sha256: str
    uploaded_at: datetime = Field(sa_type=sa.DateTime(timezone=True))
    content: bytes = Field(sa_type=sa.LargeBinary())


STAGE_CHANGE = table(StageChangeRow)
PROGRESS_NOTE = table(ProgressNoteRow)
EVALUATION = table(EvaluationRow)
EVALUATION_REPORT = table(EvaluationReportRow)
