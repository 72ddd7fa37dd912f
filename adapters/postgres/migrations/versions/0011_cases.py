"""Cases: subjects and guardians (names, birth dates, identity numbers and contacts encrypted by
the application: AES-GCM ``bytea``, the identity number findable only through a keyed hash),
follow-up cases with their ``SAK-<year>-<seq>`` reference, team, youth plan commitments and
breaches, notes, duty prompts and answers, consents with their parties and append-only
hash-chained event logs, legal-basis records, break-glass grants, the unit's case settings, the
de-identified statistics a deleted case leaves, and the per-unit version of the registered names
the free-text guard caches (issue 11). Row-level security on every table (``migration_kit``).

Deletion is real and goes one way only: ``samordna_purge_case(case_id, version, age band, subject?)``, SECURITY
DEFINER owned by the migration role, removes a case with its consents AND their events (the app
role may not DELETE them, nor cases or subjects), the subject when no other case names it, and
leaves one ``case_statistics`` row. Consent events are append-only (``append_only``); two
concurrent appends of a party's next event: ``uq_consent_event_seq`` lets one win.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from adapters.postgres.migration_kit import ALL, APPEND, append_only, drop_append_only, isolate

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEEP = "SELECT, INSERT, UPDATE"  # rows that change but go only through the purge function
GRANTS = {
    "case_reference_counter": KEEP,
    "case_registered_names_version": "SELECT",  # bumped by a SECURITY DEFINER trigger
    "case_settings": KEEP,
    "case_statistics": "SELECT",  # written by the purge function only
    "case_subject": KEEP,
    "case_guardian": ALL,
    "follow_up_case": KEEP,
    "break_glass_grant": KEEP,
    "case_commitment": ALL,
    "case_member": ALL,
    "case_note": APPEND,
    "consent": KEEP,
    "legal_basis_record": KEEP,
    "case_breach": APPEND,
    "case_duty_answer": APPEND,
    "consent_party": APPEND,
    "consent_event": APPEND,
}
# Notes and breaches are only ever added by the app role too (its grants), but the owner re-seals
# their text when the data keys rotate (``samordna keys rotate``): no trigger on those.
APPEND_ONLY = ("consent_event", "case_duty_answer")

# The guard's name cache compares this per unit (one cheap query per screen). A deleted row only
# bumps an existing counter: a unit being deleted takes its counter with it.
BUMP_NAMES = """
CREATE FUNCTION samordna_bump_registered_names() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE case_registered_names_version SET version = version + 1 WHERE unit_id = OLD.unit_id;
  ELSE
    INSERT INTO case_registered_names_version AS v (unit_id, version) VALUES (NEW.unit_id, 1)
    ON CONFLICT (unit_id) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END
$$
"""

# The only way a case, its consents and their events go. Row-level security still applies to
# the owner (FORCE): only the request's unit's case can be purged.
PURGE = """
CREATE FUNCTION samordna_purge_case(target uuid, expected integer, band text, subject_too boolean)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE c follow_up_case%ROWTYPE;
BEGIN
  SELECT * INTO c FROM follow_up_case
   WHERE id = target AND unit_id = samordna_current_unit() AND version = expected FOR UPDATE;
  IF NOT FOUND THEN RETURN false; END IF;
  DELETE FROM consent_event e USING consent k
   WHERE k.unit_id = c.unit_id AND k.case_id = c.id AND e.unit_id = c.unit_id
     AND e.consent_id = k.id;
  DELETE FROM consent_party p USING consent k
   WHERE k.unit_id = c.unit_id AND k.case_id = c.id AND p.unit_id = c.unit_id
     AND p.consent_id = k.id;
  DELETE FROM consent WHERE unit_id = c.unit_id AND case_id = c.id;
  DELETE FROM follow_up_case WHERE unit_id = c.unit_id AND id = c.id;
  IF subject_too AND NOT EXISTS (
      SELECT FROM follow_up_case WHERE unit_id = c.unit_id AND subject_id = c.subject_id) THEN
    DELETE FROM case_subject WHERE unit_id = c.unit_id AND id = c.subject_id;
  END IF;
  INSERT INTO case_statistics
    (id, unit_id, kind, year_opened, year_closed, age_band, closing_reason, deleted_on)
  VALUES (gen_random_uuid(), c.unit_id, c.kind, extract(year FROM c.start_on)::int,
          extract(year FROM c.closed_on)::int, band, c.closing_reason, current_date);
  RETURN true;
END
$$
"""
PURGE_SIGNATURE = "samordna_purge_case(uuid, integer, text, boolean)"


# A party's events chain in the database too: the first starts from the genesis hash, each next
# one from its predecessor's hash (two concurrent next events both pass; the UNIQUE decides).
CHAIN = """
CREATE FUNCTION samordna_consent_event_chains() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.seq = 1 AND NEW.prev_hash <> repeat('0', 64)) OR (NEW.seq > 1 AND NOT EXISTS (
      SELECT FROM consent_event p WHERE p.unit_id = NEW.unit_id AND p.consent_id = NEW.consent_id
         AND p.party_id = NEW.party_id AND p.seq = NEW.seq - 1 AND p.hash = NEW.prev_hash)) THEN
    RAISE EXCEPTION 'a consent event follows its party''s previous event'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'tg_consent_event_chain',
            TABLE = 'consent_event';
  END IF;
  RETURN NEW;
END
$$
"""


# A case keeps at least one lead: checked at commit with the case row locked, so two concurrent
# removals of its two leads cannot both pass (the second waits, then sees the first's).
LEAD = """
CREATE FUNCTION samordna_case_keeps_a_lead() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM FROM follow_up_case WHERE unit_id = OLD.unit_id AND id = OLD.case_id FOR UPDATE;
  IF FOUND AND NOT EXISTS (SELECT FROM case_member WHERE unit_id = OLD.unit_id
                            AND case_id = OLD.case_id AND role = 'lead') THEN
    RAISE EXCEPTION 'a case keeps at least one lead'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'tg_case_member_lead',
            TABLE = 'case_member';
  END IF;
  RETURN NULL;
END
$$
"""


def _functions() -> None:
    op.execute(LEAD)
    op.execute(
        "CREATE CONSTRAINT TRIGGER tg_case_member_lead AFTER DELETE OR UPDATE OF role"
        " ON case_member DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
        " EXECUTE FUNCTION samordna_case_keeps_a_lead()"
    )
    op.execute(CHAIN)
    op.execute(
        "CREATE TRIGGER tg_consent_event_chain BEFORE INSERT ON consent_event"
        " FOR EACH ROW EXECUTE FUNCTION samordna_consent_event_chains()"
    )
    op.execute(BUMP_NAMES)
    for table in ("case_subject", "case_guardian"):
        op.execute(
            f"CREATE TRIGGER tg_{table}_names_version AFTER INSERT OR UPDATE OR DELETE"
            f" ON {table} FOR EACH ROW EXECUTE FUNCTION samordna_bump_registered_names()"
        )
    op.execute(PURGE)
    op.execute(f"REVOKE ALL ON FUNCTION {PURGE_SIGNATURE} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {PURGE_SIGNATURE} TO samordna_app")


def upgrade() -> None:
    _tables()
    for table, rights in GRANTS.items():
        isolate(table, rights)
    for table in APPEND_ONLY:
        append_only(table)
    _functions()


def downgrade() -> None:
    op.execute(f"DROP FUNCTION {PURGE_SIGNATURE}")
    for table in ("case_subject", "case_guardian"):
        op.execute(f"DROP TRIGGER tg_{table}_names_version ON {table}")
    op.execute("DROP FUNCTION samordna_bump_registered_names()")
    op.execute("DROP TRIGGER tg_consent_event_chain ON consent_event")
    op.execute("DROP TRIGGER tg_case_member_lead ON case_member")
    op.execute("DROP FUNCTION samordna_case_keeps_a_lead()")
    op.execute("DROP FUNCTION samordna_consent_event_chains()")
    for table in APPEND_ONLY:
        drop_append_only(table)
    for table in reversed(GRANTS):
        op.drop_table(table)


def _tables() -> None:
    op.create_table(
        "case_reference_counter",
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.CheckConstraint("last >= 1", name="ck_case_reference_counter_last"),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("unit_id", "year"),
    )
    op.create_table(
        "case_registered_names_version",
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("unit_id"),
    )
    op.create_table(
        "case_settings",
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("retention_days", sa.Integer(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "retention_days BETWEEN 30 AND 36500", name="ck_case_settings_retention_days"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("unit_id"),
    )
    op.create_table(
        "case_statistics",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("year_opened", sa.Integer(), nullable=False),
        sa.Column("year_closed", sa.Integer(), nullable=True),
        sa.Column("age_band", sa.Text(), nullable=True),
        sa.Column("closing_reason", sa.Text(), nullable=True),
        sa.Column("deleted_on", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "closing_reason IN ('goals_met','plan_completed','terminated','moved','consent_withdrawn','transferred','other')",
            name="ck_case_statistics_closing_reason",
        ),
        sa.CheckConstraint(
            "kind IN ('follow_up_team','youth_follow_up','youth_sentence','other')",
            name="ck_case_statistics_kind",
        ),
        sa.CheckConstraint("char_length(age_band) <= 20", name="ck_case_statistics_age_band"),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_case_statistics_unit", "case_statistics", ["unit_id", "year_opened"], unique=False
    )
    op.create_table(
        "case_subject",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("name_enc", sa.LargeBinary(), nullable=False),
        sa.Column("birth_date_enc", sa.LargeBinary(), nullable=False),
        sa.Column("identity_number_enc", sa.LargeBinary(), nullable=True),
        sa.Column("identity_hash", sa.LargeBinary(), nullable=True),
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
            "(identity_number_enc IS NULL) = (identity_hash IS NULL) AND (identity_hash IS NULL OR octet_length(identity_hash) = 32)",
            name="ck_case_subject_identity_hash",
        ),
        sa.CheckConstraint(
            "octet_length(birth_date_enc) BETWEEN 30 AND 70000", name="ck_case_subject_birth_date"
        ),
        sa.CheckConstraint(
            "octet_length(identity_number_enc) BETWEEN 30 AND 70000",
            name="ck_case_subject_identity_number",
        ),
        sa.CheckConstraint(
            "octet_length(name_enc) BETWEEN 30 AND 70000", name="ck_case_subject_name"
        ),
        sa.CheckConstraint("version >= 1", name="ck_case_subject_version"),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "id"),
    )
    op.create_index(
        "ix_case_subject_identity",
        "case_subject",
        ["unit_id", "identity_hash"],
        postgresql_where=sa.text("identity_hash IS NOT NULL"),
    )
    op.create_table(
        "case_guardian",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name_enc", sa.LargeBinary(), nullable=False),
        sa.Column("parental_responsibility", sa.Boolean(), nullable=False),
        sa.Column("relation", sa.Text(), nullable=False),
        sa.Column("phone_enc", sa.LargeBinary(), nullable=True),
        sa.Column("email_enc", sa.LargeBinary(), nullable=True),
        sa.CheckConstraint(
            "char_length(relation) BETWEEN 1 AND 100", name="ck_case_guardian_relation"
        ),
        sa.CheckConstraint(
            "octet_length(email_enc) BETWEEN 30 AND 70000", name="ck_case_guardian_email"
        ),
        sa.CheckConstraint(
            "octet_length(name_enc) BETWEEN 30 AND 70000", name="ck_case_guardian_name"
        ),
        sa.CheckConstraint(
            "octet_length(phone_enc) BETWEEN 30 AND 70000", name="ck_case_guardian_phone"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "subject_id"],
            ["case_subject.unit_id", "case_subject.id"],
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("subject_id", "position", name="uq_case_guardian_position"),
        sa.UniqueConstraint("unit_id", "id"),
    )
    op.create_index(
        "ix_case_guardian_subject", "case_guardian", ["unit_id", "subject_id"], unique=False
    )
    op.create_table(
        "follow_up_case",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
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
            "(status = 'open' AND closed_on IS NULL AND closing_reason IS NULL) OR (status = 'closed' AND closed_on IS NOT NULL)",
            name="ck_follow_up_case_status",
        ),
        sa.CheckConstraint(
            "closing_reason IN ('goals_met','plan_completed','terminated','moved','consent_withdrawn','transferred','other')",
            name="ck_follow_up_case_reason",
        ),
        sa.CheckConstraint(
            "kind IN ('follow_up_team','youth_follow_up','youth_sentence','other')",
            name="ck_follow_up_case_kind",
        ),
        sa.CheckConstraint(
            "reference ~ '^SAK-[0-9]{4}-[0-9]{4,}$'", name="ck_follow_up_case_reference"
        ),
        sa.CheckConstraint("end_on >= start_on", name="ck_follow_up_case_period"),
        sa.CheckConstraint("version >= 1", name="ck_follow_up_case_version"),
        sa.ForeignKeyConstraint(
            ["unit_id", "body_id"],
            ["body.unit_id", "body.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "organisation_id"],
            ["organisation.unit_id", "organisation.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "subject_id"],
            ["case_subject.unit_id", "case_subject.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "id"),
        sa.UniqueConstraint("unit_id", "reference", name="uq_follow_up_case_reference"),
    )
    op.create_index(
        "ix_follow_up_case_closed", "follow_up_case", ["unit_id", "closed_on"], unique=False
    )
    op.create_index(
        "ix_follow_up_case_subject", "follow_up_case", ["unit_id", "subject_id"], unique=False
    )
    op.create_index(
        "uq_follow_up_case_open",
        "follow_up_case",
        ["unit_id", "subject_id", "body_id", "kind"],
        unique=True,
        postgresql_where=sa.text("status = 'open'"),
    )
    op.create_table(
        "break_glass_grant",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewed_by", sa.Uuid(), nullable=True),
        sa.Column("review_note", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "basis IN ('consent','anonymised','same_purpose','necessary_for_own_tasks','report_offence','own_service','break_glass')",
            name="ck_break_glass_grant_basis",
        ),
        sa.CheckConstraint(
            "(reviewed_at IS NULL) = (reviewed_by IS NULL) AND char_length(review_note) <= 2000",
            name="ck_break_glass_grant_review",
        ),
        sa.CheckConstraint(
            "char_length(reason) BETWEEN 20 AND 2000", name="ck_break_glass_grant_reason"
        ),
        sa.CheckConstraint("expires_at > opened_at", name="ck_break_glass_grant_expiry"),
        sa.ForeignKeyConstraint(
            ["unit_id", "case_id"],
            ["follow_up_case.unit_id", "follow_up_case.id"],
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "person_id"],
            ["person.unit_id", "person.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_break_glass_grant_case",
        "break_glass_grant",
        ["unit_id", "case_id", "person_id"],
        unique=False,
    )
    op.create_index(
        "ix_break_glass_grant_unreviewed",
        "break_glass_grant",
        ["unit_id", "opened_at"],
        unique=False,
        postgresql_where=sa.text("reviewed_at IS NULL"),
    )
    op.create_table(
        "case_commitment",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("description_enc", sa.LargeBinary(), nullable=False),
        sa.Column("responsible_organisation_id", sa.Uuid(), nullable=False),
        sa.Column("regime", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "kind IN ('school_attendance','course','drug_testing','leisure_activity','restraining_order','other')",
            name="ck_case_commitment_kind",
        ),
        sa.CheckConstraint(
            "regime IN ('health','child_welfare','school','nav','police','slt')",
            name="ck_case_commitment_regime",
        ),
        sa.CheckConstraint(
            "status IN ('planned','active','met','breached','ended')",
            name="ck_case_commitment_status",
        ),
        sa.CheckConstraint(
            "octet_length(description_enc) BETWEEN 30 AND 70000",
            name="ck_case_commitment_description",
        ),
        sa.CheckConstraint("version >= 1", name="ck_case_commitment_version"),
        sa.ForeignKeyConstraint(
            ["unit_id", "case_id"],
            ["follow_up_case.unit_id", "follow_up_case.id"],
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "responsible_organisation_id"],
            ["organisation.unit_id", "organisation.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "id"),
    )
    op.create_index(
        "ix_case_commitment_case", "case_commitment", ["unit_id", "case_id"], unique=False
    )
    op.create_table(
        "case_member",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=True),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column(
            "added_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.CheckConstraint("role IN ('lead','member')", name="ck_case_member_role"),
        sa.CheckConstraint("char_length(name) BETWEEN 1 AND 200", name="ck_case_member_name"),
        sa.ForeignKeyConstraint(
            ["unit_id", "case_id"],
            ["follow_up_case.unit_id", "follow_up_case.id"],
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "organisation_id"],
            ["organisation.unit_id", "organisation.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "person_id"],
            ["person.unit_id", "person.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_case_member_case", "case_member", ["unit_id", "case_id"], unique=False)
    op.create_index("ix_case_member_person", "case_member", ["unit_id", "person_id"], unique=False)
    op.create_index(
        "uq_case_member_person",
        "case_member",
        ["case_id", "person_id"],
        unique=True,
        postgresql_where=sa.text("person_id IS NOT NULL"),
    )
    op.create_table(
        "case_note",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("author_person_id", sa.Uuid(), nullable=True),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("regime", sa.Text(), nullable=False),
        sa.Column("text_enc", sa.LargeBinary(), nullable=False),
        sa.Column("duty_tags", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("prompted", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "category IN ('identity','guardians','involvement','plan','school','health','substance_use','family','criminal_matters','child_welfare','leisure','other')",
            name="ck_case_note_category",
        ),
        sa.CheckConstraint(
            "duty_tags <@ ARRAY['suspected_abuse','suspected_neglect','serious_crime']::text[]",
            name="ck_case_note_duty_tags",
        ),
        sa.CheckConstraint(
            "prompted <@ ARRAY['report_to_child_welfare','avert_crime']::text[]",
            name="ck_case_note_prompted",
        ),
        sa.CheckConstraint(
            "regime IN ('health','child_welfare','school','nav','police','slt')",
            name="ck_case_note_regime",
        ),
        sa.CheckConstraint("octet_length(text_enc) BETWEEN 30 AND 70000", name="ck_case_note_text"),
        sa.ForeignKeyConstraint(
            ["unit_id", "case_id"],
            ["follow_up_case.unit_id", "follow_up_case.id"],
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "organisation_id"],
            ["organisation.unit_id", "organisation.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "id"),
    )
    op.create_index(
        "ix_case_note_case", "case_note", ["unit_id", "case_id", "written_at"], unique=False
    )
    op.create_table(
        "consent",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("purposes", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column(
            "allowed_categories", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False
        ),
        sa.Column(
            "excluded_categories", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False
        ),
        sa.Column(
            "source_organisation_ids",
            postgresql.ARRAY(sa.Uuid()),
            server_default="{}",
            nullable=False,
        ),
        sa.Column(
            "recipient_organisation_ids",
            postgresql.ARRAY(sa.Uuid()),
            server_default="{}",
            nullable=False,
        ),
        sa.Column("forums", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
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
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "allowed_categories <@ ARRAY['identity','guardians','involvement','plan','school','health','substance_use','family','criminal_matters','child_welfare','leisure','other']::text[]",
            name="ck_consent_allowed_categories",
        ),
        sa.CheckConstraint(
            "excluded_categories <@ ARRAY['identity','guardians','involvement','plan','school','health','substance_use','family','criminal_matters','child_welfare','leisure','other']::text[]",
            name="ck_consent_excluded_categories",
        ),
        sa.CheckConstraint(
            "method IN ('written','digital_signature','oral_documented')", name="ck_consent_method"
        ),
        sa.CheckConstraint("notice_sha256 ~ '^[0-9a-f]{64}$'", name="ck_consent_notice_sha256"),
        sa.CheckConstraint(
            "octet_length(child_view_enc) BETWEEN 30 AND 70000", name="ck_consent_child_view"
        ),
        sa.CheckConstraint("valid_to >= valid_from", name="ck_consent_validity"),
        sa.CheckConstraint("version >= 1", name="ck_consent_version"),
        sa.ForeignKeyConstraint(
            ["unit_id", "case_id"],
            ["follow_up_case.unit_id", "follow_up_case.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "collected_by_organisation_id"],
            ["organisation.unit_id", "organisation.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "id"),
    )
    op.create_index("ix_consent_case", "consent", ["unit_id", "case_id"], unique=False)
    op.create_table(
        "legal_basis_record",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("recipient_organisation_id", sa.Uuid(), nullable=False),
        sa.Column("categories", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.Column("agency_decision_ref", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.Uuid(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column(
            "recorded_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "basis <> 'report_offence' OR agency_decision_ref IS NOT NULL",
            name="ck_legal_basis_record_decision_ref",
        ),
        sa.CheckConstraint(
            "basis IN ('same_purpose','necessary_for_own_tasks','report_offence')",
            name="ck_legal_basis_record_basis",
        ),
        sa.CheckConstraint(
            "categories <@ ARRAY['identity','guardians','involvement','plan','school','health','substance_use','family','criminal_matters','child_welfare','leisure','other']::text[]",
            name="ck_legal_basis_record_categories",
        ),
        sa.CheckConstraint(
            "char_length(justification) BETWEEN 20 AND 4000",
            name="ck_legal_basis_record_justification",
        ),
        sa.CheckConstraint("valid_to >= valid_from", name="ck_legal_basis_record_validity"),
        sa.ForeignKeyConstraint(
            ["unit_id", "case_id"],
            ["follow_up_case.unit_id", "follow_up_case.id"],
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "recipient_organisation_id"],
            ["organisation.unit_id", "organisation.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_legal_basis_record_case", "legal_basis_record", ["unit_id", "case_id"], unique=False
    )
    op.create_table(
        "case_breach",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("commitment_id", sa.Uuid(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("description_enc", sa.LargeBinary(), nullable=False),
        sa.Column("consequence", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.Uuid(), nullable=True),
        sa.Column(
            "recorded_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "consequence IN ('warning','stricter_control','plan_change','termination')",
            name="ck_case_breach_consequence",
        ),
        sa.CheckConstraint(
            "octet_length(description_enc) BETWEEN 30 AND 70000", name="ck_case_breach_description"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "commitment_id"],
            ["case_commitment.unit_id", "case_commitment.id"],
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_case_breach_commitment", "case_breach", ["unit_id", "commitment_id"], unique=False
    )
    op.create_table(
        "case_duty_answer",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("note_id", sa.Uuid(), nullable=False),
        sa.Column("duty", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.Uuid(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "answer IN ('will_report','already_reported','not_applicable','unsure')",
            name="ck_case_duty_answer_answer",
        ),
        sa.CheckConstraint(
            "duty IN ('report_to_child_welfare','avert_crime')", name="ck_case_duty_answer_duty"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "note_id"], ["case_note.unit_id", "case_note.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_case_duty_answer_note", "case_duty_answer", ["unit_id", "note_id", "at"], unique=False
    )
    op.create_table(
        "consent_party",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("consent_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("guardian_id", sa.Uuid(), nullable=True),
        sa.Column("identity_verified_by", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "(kind = 'guardian') = (guardian_id IS NOT NULL)", name="ck_consent_party_guardian"
        ),
        sa.CheckConstraint("kind IN ('subject','guardian')", name="ck_consent_party_kind"),
        sa.CheckConstraint(
            "char_length(identity_verified_by) BETWEEN 1 AND 200",
            name="ck_consent_party_identity_verified_by",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "consent_id"],
            ["consent.unit_id", "consent.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "guardian_id"],
            ["case_guardian.unit_id", "case_guardian.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("consent_id", "id", name="uq_consent_party_consent"),
        sa.UniqueConstraint("consent_id", "position", name="uq_consent_party_position"),
        sa.UniqueConstraint("unit_id", "id"),
    )
    op.create_index(
        "ix_consent_party_consent", "consent_party", ["unit_id", "consent_id"], unique=False
    )
    op.create_table(
        "consent_event",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
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
        sa.CheckConstraint(
            "hash ~ '^[0-9a-f]{64}$' AND prev_hash ~ '^[0-9a-f]{64}$'", name="ck_consent_event_hash"
        ),
        sa.CheckConstraint(
            "kind IN ('given','refused','withdrawn','expired')", name="ck_consent_event_kind"
        ),
        sa.CheckConstraint(
            "method IN ('written','digital_signature','oral_documented')",
            name="ck_consent_event_method",
        ),
        sa.CheckConstraint(
            "char_length(evidence_ref) <= 200", name="ck_consent_event_evidence_ref"
        ),
        sa.CheckConstraint("seq >= 1", name="ck_consent_event_seq"),
        sa.ForeignKeyConstraint(
            ["unit_id", "consent_id"],
            ["consent.unit_id", "consent.id"],
        ),
        sa.ForeignKeyConstraint(
            ["consent_id", "party_id"],
            ["consent_party.consent_id", "consent_party.id"],
            name="fk_consent_event_party",
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("consent_id", "party_id", "seq", name="uq_consent_event_seq"),
    )
    op.create_index(
        "ix_consent_event_consent", "consent_event", ["unit_id", "consent_id"], unique=False
    )
