"""Cases room: the tables of consent and disclosure — consents with their scope and notice, their
parties, the append-only hash-chained event log per (consent, party), recorded legal bases,
break-glass grants. The event log's ``UNIQUE (consent_id, party_id, seq)`` makes one of two
concurrent appends the winner; the app role may only SELECT and INSERT events, and a trigger
refuses UPDATE even by the owner (migration 0011); only ``samordna_purge_case`` removes them.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.cases import record_tables as record_tables
from adapters.postgres.cases.tables import (
    CATEGORIES,
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

METHODS = ("written", "digital_signature", "oral_documented")
EVENT_KINDS = ("given", "refused", "withdrawn", "expired")


def uuids(name: str) -> sa.Column[Any]:
    return sa.Column(name, pg.ARRAY(sa.Uuid()), server_default="{}", nullable=False)


def texts(name: str) -> sa.Column[Any]:
    return sa.Column(name, pg.ARRAY(sa.Text()), server_default="{}", nullable=False)


CONSENT = sa.Table(
    "consent", metadata, ident(), unit(),
    sa.Column("case_id", sa.Uuid(), nullable=False),
    texts("purposes"), texts("allowed_categories"), texts("excluded_categories"),
    uuids("source_organisation_ids"), uuids("recipient_organisation_ids"), texts("forums"),
    sa.Column("valid_from", sa.Date(), nullable=False),
    sa.Column("valid_to", sa.Date(), nullable=True),
    sa.Column("onward_sharing", sa.Boolean(), nullable=False),
    sa.Column("notice_version", sa.Text(), nullable=False),
    sa.Column("notice_language", sa.Text(), nullable=False),
    sa.Column("notice_sha256", sa.Text(), nullable=False),
    sa.Column("notice_easy_read", sa.Boolean(), nullable=False),
    sa.Column("collected_by_person_id", sa.Uuid(), nullable=True),
    sa.Column("collected_by_organisation_id", sa.Uuid(), nullable=False),
    sa.Column("method", sa.Text(), nullable=False),
    sa.Column("child_view_enc", sa.LargeBinary(), nullable=True),
    version(), stamp("created_at"),
    sa.UniqueConstraint("unit_id", "id"),
    in_unit(["case_id"], "follow_up_case"),
    in_unit(["collected_by_organisation_id"], "organisation"),
    all_of("allowed_categories", CATEGORIES, "ck_consent_allowed_categories"),
    all_of("excluded_categories", CATEGORIES, "ck_consent_excluded_categories"),
    one_of("method", METHODS, "ck_consent_method"),
    sa.CheckConstraint("valid_to >= valid_from", name="ck_consent_validity"),
    sa.CheckConstraint("notice_sha256 ~ '^[0-9a-f]{64}$'", name="ck_consent_notice_sha256"),
    sealed("child_view_enc", "ck_consent_child_view"),
    sa.CheckConstraint("version >= 1", name="ck_consent_version"),
    sa.Index("ix_consent_case", "unit_id", "case_id"),
)  # fmt: skip

PARTY = sa.Table(
    "consent_party", metadata, ident(), unit(),
    sa.Column("consent_id", sa.Uuid(), nullable=False),
    sa.Column("position", sa.Integer(), nullable=False),
    sa.Column("kind", sa.Text(), nullable=False),
    sa.Column("guardian_id", sa.Uuid(), nullable=True),
    sa.Column("identity_verified_by", sa.Text(), nullable=False),
    sa.UniqueConstraint("unit_id", "id"),
    in_unit(["consent_id"], "consent"),
    in_unit(["guardian_id"], "case_guardian"),
    sa.UniqueConstraint("consent_id", "id", name="uq_consent_party_consent"),
    sa.UniqueConstraint("consent_id", "position", name="uq_consent_party_position"),
    one_of("kind", ("subject", "guardian"), "ck_consent_party_kind"),
    sa.CheckConstraint(
        "(kind = 'guardian') = (guardian_id IS NOT NULL)", name="ck_consent_party_guardian"
    ),
    sa.CheckConstraint(
        "char_length(identity_verified_by) BETWEEN 1 AND 200",
        name="ck_consent_party_identity_verified_by",
    ),
    sa.Index("ix_consent_party_consent", "unit_id", "consent_id"),
)  # fmt: skip

EVENT = sa.Table(
    "consent_event", metadata,
    sa.Column("id", sa.Uuid(), primary_key=True, server_default=sa.text("gen_random_uuid()")),
    unit(),
    sa.Column("consent_id", sa.Uuid(), nullable=False),
    sa.Column("party_id", sa.Uuid(), nullable=False),
    sa.Column("seq", sa.Integer(), nullable=False),
    sa.Column("kind", sa.Text(), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("recorded_by", sa.Uuid(), nullable=True),
    sa.Column("method", sa.Text(), nullable=False),
    sa.Column("evidence_ref", sa.Text(), nullable=True),
    sa.Column("prev_hash", sa.Text(), nullable=False),
    sa.Column("hash", sa.Text(), nullable=False),
    in_unit(["consent_id"], "consent"),
    # The party is one of this consent's.
    sa.ForeignKeyConstraint(
        ["consent_id", "party_id"], ["consent_party.consent_id", "consent_party.id"],
        name="fk_consent_event_party",
    ),
    # Two concurrent appends of one party's next event: one wins.
    sa.UniqueConstraint("consent_id", "party_id", "seq", name="uq_consent_event_seq"),
    one_of("kind", EVENT_KINDS, "ck_consent_event_kind"),
    one_of("method", METHODS, "ck_consent_event_method"),
    sa.CheckConstraint("seq >= 1", name="ck_consent_event_seq"),
    sa.CheckConstraint(
        "hash ~ '^[0-9a-f]{64}$' AND prev_hash ~ '^[0-9a-f]{64}$'", name="ck_consent_event_hash"
    ),
    sa.CheckConstraint("char_length(evidence_ref) <= 200", name="ck_consent_event_evidence_ref"),
    sa.Index("ix_consent_event_consent", "unit_id", "consent_id"),
)  # fmt: skip

# Every table of the context, as ``adapters.postgres.tables.TENANT_TABLES`` lists them.
TENANT_TABLES: dict[str, str] = dict.fromkeys(
    (
        "case_subject", "case_guardian", "follow_up_case", "case_reference_counter",
        "case_member", "case_commitment", "case_breach", "case_note",
        "case_duty_answer",
        "case_settings", "case_statistics", "case_registered_names_version", "consent",
        "consent_party", "consent_event", "legal_basis_record", "break_glass_grant",
    ),
    "unit_id",
)  # fmt: skip
