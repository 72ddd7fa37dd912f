"""Cases room: the tables of what accrues on a case — youth plan commitments and their breaches
(descriptions encrypted), notes (text encrypted; written once: append-only), the duty prompts a
note showed and the author's answers (append-only: the latest answer counts), recorded legal
bases other than consent, and break-glass grants with their review."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.cases.tables import (
    CATEGORIES,
    COMMITMENT_KINDS,
    COMMITMENT_STATUSES,
    CONSEQUENCES,
    DUTY_ANSWERS,
    DUTY_TAGS,
    REGIMES,
    all_of,
    ident,
    in_unit,
    metadata,
    one_of,
    sealed,
    stamp,
    unit,
    version,
)

DUTIES = ("report_to_child_welfare", "avert_crime")
RECORDED_BASES = ("same_purpose", "necessary_for_own_tasks", "report_offence")
BASES = (
    "consent", "anonymised", "same_purpose", "necessary_for_own_tasks", "report_offence",
    "own_service", "break_glass",
)  # fmt: skip


def texts(name: str) -> sa.Column[Any]:
    return sa.Column(name, pg.ARRAY(sa.Text()), server_default="{}", nullable=False)


COMMITMENT = sa.Table(
    "case_commitment", metadata, ident(), unit(),
    sa.Column("case_id", sa.Uuid(), nullable=False),
    sa.Column("kind", sa.Text(), nullable=False),
    sa.Column("description_enc", sa.LargeBinary(), nullable=False),
    sa.Column("responsible_organisation_id", sa.Uuid(), nullable=False),
    sa.Column("regime", sa.Text(), nullable=False),
    sa.Column("status", sa.Text(), nullable=False),
    version(), stamp("created_at"),
    sa.UniqueConstraint("unit_id", "id"),
    in_unit(["case_id"], "follow_up_case", ondelete="CASCADE"),
    in_unit(["responsible_organisation_id"], "organisation"),
    one_of("kind", COMMITMENT_KINDS, "ck_case_commitment_kind"),
    one_of("status", COMMITMENT_STATUSES, "ck_case_commitment_status"),
    one_of("regime", REGIMES, "ck_case_commitment_regime"),
    sealed("description_enc", "ck_case_commitment_description"),
    sa.CheckConstraint("version >= 1", name="ck_case_commitment_version"),
    sa.Index("ix_case_commitment_case", "unit_id", "case_id"),
)  # fmt: skip

BREACH = sa.Table(
    "case_breach", metadata, ident(), unit(),
    sa.Column("commitment_id", sa.Uuid(), nullable=False),
    sa.Column("occurred_on", sa.Date(), nullable=False),
    sa.Column("description_enc", sa.LargeBinary(), nullable=False),
    sa.Column("consequence", sa.Text(), nullable=False),
    sa.Column("recorded_by", sa.Uuid(), nullable=True),
    stamp("recorded_at"),
    in_unit(["commitment_id"], "case_commitment", ondelete="CASCADE"),
    one_of("consequence", CONSEQUENCES, "ck_case_breach_consequence"),
    sealed("description_enc", "ck_case_breach_description"),
    sa.Index("ix_case_breach_commitment", "unit_id", "commitment_id"),
)  # fmt: skip

NOTE = sa.Table(
    "case_note", metadata, ident(), unit(),
    sa.Column("case_id", sa.Uuid(), nullable=False),
    sa.Column("author_person_id", sa.Uuid(), nullable=True),
    sa.Column("organisation_id", sa.Uuid(), nullable=False),
    sa.Column("category", sa.Text(), nullable=False),
    sa.Column("regime", sa.Text(), nullable=False),
    sa.Column("text_enc", sa.LargeBinary(), nullable=False),
    texts("duty_tags"), texts("prompted"),
    sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("unit_id", "id"),
    in_unit(["case_id"], "follow_up_case", ondelete="CASCADE"),
    in_unit(["organisation_id"], "organisation"),
    one_of("category", CATEGORIES, "ck_case_note_category"),
    one_of("regime", REGIMES, "ck_case_note_regime"),
    all_of("duty_tags", DUTY_TAGS, "ck_case_note_duty_tags"),
    # The duties shown when the note was written (recorded with it, in order).
    all_of("prompted", DUTIES, "ck_case_note_prompted"),
    sealed("text_enc", "ck_case_note_text"),
    sa.Index("ix_case_note_case", "unit_id", "case_id", "written_at"),
)  # fmt: skip

DUTY_ANSWER = sa.Table(
    "case_duty_answer", metadata, ident(), unit(),
    sa.Column("note_id", sa.Uuid(), nullable=False),
    sa.Column("duty", sa.Text(), nullable=False),
    sa.Column("answer", sa.Text(), nullable=False),
    sa.Column("answered_by", sa.Uuid(), nullable=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    in_unit(["note_id"], "case_note", ondelete="CASCADE"),
    one_of("duty", DUTIES, "ck_case_duty_answer_duty"),
    one_of("answer", DUTY_ANSWERS, "ck_case_duty_answer_answer"),
    sa.Index("ix_case_duty_answer_note", "unit_id", "note_id", "at"),
)  # fmt: skip
BASIS = sa.Table(
    "legal_basis_record", metadata, ident(), unit(),
    sa.Column("case_id", sa.Uuid(), nullable=False),
    sa.Column("basis", sa.Text(), nullable=False),
    sa.Column("recipient_organisation_id", sa.Uuid(), nullable=False),
    texts("categories"),
    sa.Column("justification", sa.Text(), nullable=False),
    sa.Column("agency_decision_ref", sa.Text(), nullable=True),
    sa.Column("recorded_by", sa.Uuid(), nullable=True),
    sa.Column("valid_from", sa.Date(), nullable=False),
    sa.Column("valid_to", sa.Date(), nullable=True),
    stamp("recorded_at"),
    in_unit(["case_id"], "follow_up_case", ondelete="CASCADE"),
    in_unit(["recipient_organisation_id"], "organisation"),
    one_of("basis", RECORDED_BASES, "ck_legal_basis_record_basis"),
    all_of("categories", CATEGORIES, "ck_legal_basis_record_categories"),
    sa.CheckConstraint(
        "char_length(justification) BETWEEN 20 AND 4000",
        name="ck_legal_basis_record_justification",
    ),
    sa.CheckConstraint(
        "basis <> 'report_offence' OR agency_decision_ref IS NOT NULL",
        name="ck_legal_basis_record_decision_ref",
    ),
    sa.CheckConstraint("valid_to >= valid_from", name="ck_legal_basis_record_validity"),
    sa.Index("ix_legal_basis_record_case", "unit_id", "case_id"),
)  # fmt: skip

BREAK_GLASS = sa.Table(
    "break_glass_grant", metadata, ident(), unit(),
    sa.Column("case_id", sa.Uuid(), nullable=False),
    sa.Column("person_id", sa.Uuid(), nullable=False),
    sa.Column("reason", sa.Text(), nullable=False),
    sa.Column("basis", sa.Text(), nullable=False),
    sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("reviewed_by", sa.Uuid(), nullable=True),
    sa.Column("review_note", sa.Text(), nullable=True),
    version(),
    in_unit(["case_id"], "follow_up_case", ondelete="CASCADE"),
    in_unit(["person_id"], "person"),
    one_of("basis", BASES, "ck_break_glass_grant_basis"),
    sa.CheckConstraint("char_length(reason) BETWEEN 20 AND 2000", name="ck_break_glass_grant_reason"),
    sa.CheckConstraint("expires_at > opened_at", name="ck_break_glass_grant_expiry"),
    sa.CheckConstraint(
        "(reviewed_at IS NULL) = (reviewed_by IS NULL)"
        " AND char_length(review_note) <= 2000",
        name="ck_break_glass_grant_review",
    ),
    sa.Index("ix_break_glass_grant_case", "unit_id", "case_id", "person_id"),
    sa.Index(
        "ix_break_glass_grant_unreviewed", "unit_id", "opened_at",
        postgresql_where=sa.text("reviewed_at IS NULL"),
    ),
)  # fmt: skip
