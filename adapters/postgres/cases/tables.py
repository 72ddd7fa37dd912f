"""Cases room: the tables of a case itself — subjects and guardians (names, birth dates, identity
numbers and contacts as AES-GCM ``bytea``, never text), the case with its reference, its team,
its youth plan (commitments, breaches), notes, duty prompts, the unit's settings, the
de-identified statistics a deleted case leaves, and the per-unit counter the free-text guard's
name cache reads. Consents, legal bases and break-glass are in ``consent_tables.py``.

Encrypted columns end in ``_enc`` and hold key id + nonce + ciphertext (``adapters/crypto``);
the identity number is findable only through ``identity_hash`` (HMAC-SHA256, keyed).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

metadata = SQLModel.metadata

CATEGORIES = (
    "identity", "guardians", "involvement", "plan", "school", "health", "substance_use",
    "family", "criminal_matters", "child_welfare", "leisure", "other",
)  # fmt: skip
REGIMES = ("health", "child_welfare", "school", "nav", "police", "slt")
CASE_KINDS = ("follow_up_team", "youth_follow_up", "youth_sentence", "other")
CLOSING_REASONS = (
    "goals_met",
    "plan_completed",
    "terminated",
    "moved",
    "consent_withdrawn",
    "transferred",
    "other",
)
COMMITMENT_KINDS = (
    "school_attendance", "course", "drug_testing", "leisure_activity", "restraining_order", "other",
)  # fmt: skip
COMMITMENT_STATUSES = ("planned", "active", "met", "breached", "ended")
CONSEQUENCES = ("warning", "stricter_control", "plan_change", "termination")
DUTY_TAGS = ("suspected_abuse", "suspected_neglect", "serious_crime")
DUTY_ANSWERS = ("will_report", "already_reported", "not_applicable", "unsure")
# An encrypted value: 1 + key id + 12-byte nonce + ciphertext with its 16-byte tag.
SEALED_MAX = 70_000


def one_of(column: str, values: tuple[str, ...], name: str) -> sa.CheckConstraint:
    listed = ",".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({listed})", name=name)


def all_of(column: str, values: tuple[str, ...], name: str) -> sa.CheckConstraint:
    listed = ",".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} <@ ARRAY[{listed}]::text[]", name=name)


def sealed(column: str, name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(f"octet_length({column}) BETWEEN 30 AND {SEALED_MAX}", name=name)


def in_unit(
    columns: list[str], target: str, ondelete: str | None = None
) -> sa.ForeignKeyConstraint:
    """``(unit_id, column)`` refers to ``target``'s ``(unit_id, id)``: never across units."""
    return sa.ForeignKeyConstraint(
        ["unit_id", *columns], [f"{target}.unit_id", f"{target}.id"], ondelete=ondelete
    )


def ident() -> sa.Column[Any]:
    return sa.Column("id", sa.Uuid(), primary_key=True)


def unit() -> sa.Column[Any]:
    return sa.Column(
        "unit_id", sa.Uuid(), sa.ForeignKey("slt_unit.id", ondelete="CASCADE"), nullable=False
    )


def stamp(name: str) -> sa.Column[Any]:
    return sa.Column(
        name, sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
    )


def version() -> sa.Column[Any]:
    return sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)


SUBJECT = sa.Table(
    "case_subject", metadata, ident(), unit(),
    sa.Column("name_enc", sa.LargeBinary(), nullable=False),
    sa.Column("birth_date_enc", sa.LargeBinary(), nullable=False),
    sa.Column("identity_number_enc", sa.LargeBinary(), nullable=True),
    sa.Column("identity_hash", sa.LargeBinary(), nullable=True),
    version(), stamp("created_at"), stamp("updated_at"),
    sa.UniqueConstraint("unit_id", "id"),
    sealed("name_enc", "ck_case_subject_name"),
    sealed("birth_date_enc", "ck_case_subject_birth_date"),
    sealed("identity_number_enc", "ck_case_subject_identity_number"),
    sa.CheckConstraint(
        "(identity_number_enc IS NULL) = (identity_hash IS NULL)"
        " AND (identity_hash IS NULL OR octet_length(identity_hash) = 32)",
        name="ck_case_subject_identity_hash",
    ),
    sa.CheckConstraint("version >= 1", name="ck_case_subject_version"),
    # Found through the keyed hash only. Not unique: each case opened for a new subject registers
    # its own record, so a second opening learns nothing of the first (ADR 0017).
    sa.Index(
        "ix_case_subject_identity", "unit_id", "identity_hash",
        postgresql_where=sa.text("identity_hash IS NOT NULL"),
    ),
)  # fmt: skip

GUARDIAN = sa.Table(
    "case_guardian", metadata, ident(), unit(),
    sa.Column("subject_id", sa.Uuid(), nullable=False),
    sa.Column("position", sa.Integer(), nullable=False),
    sa.Column("name_enc", sa.LargeBinary(), nullable=False),
    sa.Column("parental_responsibility", sa.Boolean(), nullable=False),
    sa.Column("relation", sa.Text(), nullable=False),
    sa.Column("phone_enc", sa.LargeBinary(), nullable=True),
    sa.Column("email_enc", sa.LargeBinary(), nullable=True),
    sa.UniqueConstraint("unit_id", "id"),
    in_unit(["subject_id"], "case_subject", ondelete="CASCADE"),
    sa.UniqueConstraint("subject_id", "position", name="uq_case_guardian_position"),
    sealed("name_enc", "ck_case_guardian_name"),
    sealed("phone_enc", "ck_case_guardian_phone"),
    sealed("email_enc", "ck_case_guardian_email"),
    sa.CheckConstraint("char_length(relation) BETWEEN 1 AND 100", name="ck_case_guardian_relation"),
    sa.Index("ix_case_guardian_subject", "unit_id", "subject_id"),
)  # fmt: skip

CASE = sa.Table(
    "follow_up_case", metadata, ident(), unit(),
    sa.Column("reference", sa.Text(), nullable=False),
    sa.Column("subject_id", sa.Uuid(), nullable=False),
    sa.Column("body_id", sa.Uuid(), nullable=False),
    sa.Column("organisation_id", sa.Uuid(), nullable=False),
    sa.Column("kind", sa.Text(), nullable=False),
    sa.Column("start_on", sa.Date(), nullable=False),
    sa.Column("end_on", sa.Date(), nullable=True),
    sa.Column("status", sa.Text(), nullable=False),
    sa.Column("closed_on", sa.Date(), nullable=True),
    sa.Column("closing_reason", sa.Text(), nullable=True),
    version(), stamp("created_at"), stamp("updated_at"),
    sa.UniqueConstraint("unit_id", "id"),
    sa.UniqueConstraint("unit_id", "reference", name="uq_follow_up_case_reference"),
    in_unit(["subject_id"], "case_subject"),
    in_unit(["body_id"], "body"),
    in_unit(["organisation_id"], "organisation"),
    sa.CheckConstraint("reference ~ '^SAK-[0-9]{4}-[0-9]{4,}$'", name="ck_follow_up_case_reference"),
    one_of("kind", CASE_KINDS, "ck_follow_up_case_kind"),
    sa.CheckConstraint(
        "(status = 'open' AND closed_on IS NULL AND closing_reason IS NULL)"
        " OR (status = 'closed' AND closed_on IS NOT NULL)",
        name="ck_follow_up_case_status",
    ),
    sa.CheckConstraint("end_on >= start_on", name="ck_follow_up_case_period"),
    one_of("closing_reason", CLOSING_REASONS, "ck_follow_up_case_reason"),
    sa.CheckConstraint("version >= 1", name="ck_follow_up_case_version"),
    # One open case per subject per body and kind.
    sa.Index(
        "uq_follow_up_case_open", "unit_id", "subject_id", "body_id", "kind", unique=True,
        postgresql_where=sa.text("status = 'open'"),
    ),
    sa.Index("ix_follow_up_case_subject", "unit_id", "subject_id"),
    sa.Index("ix_follow_up_case_closed", "unit_id", "closed_on"),
)  # fmt: skip

# The next ``SAK-<year>-<seq>`` of a unit: one row per unit and year, bumped by an upsert.
REFERENCE_COUNTER = sa.Table(
    "case_reference_counter", metadata, unit(),
    sa.Column("year", sa.Integer(), nullable=False),
    sa.Column("last", sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint("unit_id", "year"),
    sa.CheckConstraint("last >= 1", name="ck_case_reference_counter_last"),
)  # fmt: skip

MEMBER = sa.Table(
    "case_member", metadata, ident(), unit(),
    sa.Column("case_id", sa.Uuid(), nullable=False),
    sa.Column("person_id", sa.Uuid(), nullable=True),
    sa.Column("name", sa.Text(), nullable=False),
    sa.Column("organisation_id", sa.Uuid(), nullable=True),
    sa.Column("role", sa.Text(), nullable=False),
    stamp("added_at"),
    in_unit(["case_id"], "follow_up_case", ondelete="CASCADE"),
    in_unit(["person_id"], "person"),
    in_unit(["organisation_id"], "organisation"),
    one_of("role", ("lead", "member"), "ck_case_member_role"),
    sa.CheckConstraint("char_length(name) BETWEEN 1 AND 200", name="ck_case_member_name"),
    # A person is on a case's team once.
    sa.Index(
        "uq_case_member_person", "case_id", "person_id", unique=True,
        postgresql_where=sa.text("person_id IS NOT NULL"),
    ),
    sa.Index("ix_case_member_person", "unit_id", "person_id"),
    sa.Index("ix_case_member_case", "unit_id", "case_id"),
)  # fmt: skip

SETTINGS = sa.Table(
    "case_settings", metadata,
    sa.Column(
        "unit_id", sa.Uuid(), sa.ForeignKey("slt_unit.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("retention_days", sa.Integer(), nullable=False),
    stamp("updated_at"),
    sa.CheckConstraint(
        "retention_days BETWEEN 30 AND 36500", name="ck_case_settings_retention_days"
    ),
)  # fmt: skip

# What a deleted case leaves: no id of it, no subject, nothing that names anyone.
STATISTICS = sa.Table(
    "case_statistics", metadata, ident(), unit(),
    sa.Column("kind", sa.Text(), nullable=False),
    sa.Column("year_opened", sa.Integer(), nullable=False),
    sa.Column("year_closed", sa.Integer(), nullable=True),
    sa.Column("age_band", sa.Text(), nullable=True),
    sa.Column("closing_reason", sa.Text(), nullable=True),
    sa.Column("deleted_on", sa.Date(), nullable=False),
    one_of("kind", CASE_KINDS, "ck_case_statistics_kind"),
    one_of("closing_reason", CLOSING_REASONS, "ck_case_statistics_closing_reason"),
    sa.CheckConstraint("char_length(age_band) <= 20", name="ck_case_statistics_age_band"),
    sa.Index("ix_case_statistics_unit", "unit_id", "year_opened"),
)  # fmt: skip

# Bumped by trigger whenever a subject or guardian of the unit is written (the guard's name
# cache compares it: one cheap query per screen).
NAMES_VERSION = sa.Table(
    "case_registered_names_version", metadata,
    sa.Column(
        "unit_id", sa.Uuid(), sa.ForeignKey("slt_unit.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("version", sa.BigInteger(), nullable=False),
)  # fmt: skip
