"""Archive delivery: the transactional outbox, per-unit archive settings, the triggers that enqueue
a finished record in its own transaction, and the workers' cross-unit claim (issue 13).

Outbox by trigger (ADR 0018): a record's state change and its outbox row commit or roll back
together, because the row is inserted by an AFTER trigger on the record's table, in the same
transaction, with no change to the other contexts' Python. What enqueues:

- minutes: a minutes version gets approved (``approved_at`` set, or a correction inserted already
  approved) → one message per agenda item (part = the item), the record being the minutes
  version, so a correction enqueues new messages for the new version. Approved minutes are final
  and archive-worthy by the meetings' own rule (``Meeting.moved_to``), so no flag is consulted;
- action_plan: ``adopted`` becomes true (adopted plans are locked: one message);
- measure: ``stage`` becomes ``concluded`` (a final stage: one message);
- evaluation: it is completed (``conclusion`` set); a later edit of a completed evaluation is a
  new message with the same key (record version = the row's version);
- agreement: after a change it is final (documentation status ``final``), archive-worthy, and
  has a signed document — checked when the agreement is inserted or updated and when its
  document is stored or replaced. The record version is the signed document's SHA-256: what the
  archive keeps of an agreement is its signed document, so an edit that leaves the document as
  it was adds nothing, and a new signed document is a new message with the same key (the archive
  answers "exists"; the outbox records that answer).

``UNIQUE (unit_id, key, record_version)`` + ``ON CONFLICT DO NOTHING``: a second firing for the
same version of a record enqueues nothing. Row-level security is forced on the three tables as on
every tenant table; the triggers run as the writer (the app role, inside the record's unit).

Extract jobs (``archive_extract``) keep their zip as ``bytea`` beside the job, like the
agreements' documents (ADR 0015): it commits with the job and row-level security covers it.

The claim is ``samordna_archive_claim``, a SECURITY DEFINER function owned by the migration role:
the worker serves every unit, but the app role gets no BYPASSRLS and no policy exception — only
this one statement crosses units (messages of units whose archive is enabled that are due, or
whose lease ran out), locking with ``FOR UPDATE SKIP LOCKED`` so two workers never claim one
message (a policy for the owner lets the definer past FORCE ROW LEVEL SECURITY when the owner is
not a superuser). Marking a claimed message delivered or failed runs in the message's own unit under
row-level security, like any other write.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

from adapters.postgres.migration_kit import isolate

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS = "('minutes','action_plan','agreement','evaluation','measure')"
STATUSES = "('pending','delivering','delivered','failed','dead')"
LENGTHS = {  # domain/archive/limits.py: CODE_MAX 100, NAME_MAX 200
    "classification_system": 100,
    "class_id": 100,
    "archive_part": 100,
    "administrative_unit": 200,
    "case_officer": 200,
}

ENQUEUE = """
CREATE FUNCTION samordna_archive_enqueue(p_unit uuid, p_kind text, p_record uuid, p_part uuid,
                                         p_subject uuid, p_version text)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO archive_message (unit_id, record_kind, record_id, part_id, subject_id, key,
                               record_version)
  VALUES (p_unit, p_kind, p_record, p_part, p_subject,
          p_kind || '/' || p_record || coalesce('/' || p_part, ''), p_version)
  ON CONFLICT ON CONSTRAINT uq_archive_message_key DO NOTHING
$$
"""

MINUTES = """
CREATE FUNCTION samordna_archive_minutes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT FROM agenda_item a WHERE a.unit_id = NEW.unit_id
                AND a.meeting_id = NEW.meeting_id) THEN
    INSERT INTO archive_message (unit_id, record_kind, record_id, part_id, subject_id, key,
                                 record_version)
    SELECT NEW.unit_id, 'minutes', NEW.id, a.id, NEW.meeting_id,
           'minutes/' || NEW.id || '/' || a.id, NEW.number::text
      FROM agenda_item a WHERE a.unit_id = NEW.unit_id AND a.meeting_id = NEW.meeting_id
     ORDER BY a.position
    ON CONFLICT ON CONSTRAINT uq_archive_message_key DO NOTHING;
  ELSE
    PERFORM samordna_archive_enqueue(NEW.unit_id, 'minutes', NEW.id, NULL, NEW.meeting_id,
                                     NEW.number::text);
  END IF;
  RETURN NULL;
END
$$
"""

SIMPLE = """
CREATE FUNCTION samordna_archive_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- TG_ARGV[0]: the record kind; the record version: the row's for evaluations (a later edit is
  -- a new message), else 1 (an adopted plan and a concluded measure are final: one message).
  PERFORM samordna_archive_enqueue(NEW.unit_id, TG_ARGV[0], NEW.id, NULL, NEW.id,
    CASE TG_ARGV[0] WHEN 'evaluation' THEN NEW.version::text ELSE '1' END);
  RETURN NULL;
END
$$
"""

AGREEMENT = """
CREATE FUNCTION samordna_archive_agreement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE aid uuid; digest text;
BEGIN
  IF TG_TABLE_NAME = 'agreement' THEN aid := NEW.id; ELSE aid := NEW.agreement_id; END IF;
  SELECT d.sha256 INTO digest FROM agreement a
    JOIN agreement_document d ON d.unit_id = a.unit_id AND d.agreement_id = a.id
   WHERE a.unit_id = NEW.unit_id AND a.id = aid
     AND a.documentation_status = 'final' AND a.archive_worthy;
  IF FOUND THEN
    PERFORM samordna_archive_enqueue(NEW.unit_id, 'agreement', aid, NULL, aid, digest);
  END IF;
  RETURN NULL;
END
$$
"""

CLAIM = """
CREATE FUNCTION samordna_archive_claim(p_now timestamptz, p_limit integer, p_lease interval)
RETURNS SETOF archive_message
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
  WITH ready AS (
    SELECT m.id FROM archive_message m
      JOIN archive_settings s ON s.unit_id = m.unit_id AND s.enabled
     WHERE (m.status IN ('pending', 'failed') AND m.next_attempt_at <= p_now)
        OR (m.status = 'delivering' AND m.lease_until <= p_now)
     ORDER BY m.next_attempt_at, m.created_at
     LIMIT p_limit
     FOR UPDATE OF m SKIP LOCKED)
  UPDATE archive_message m
     SET status = 'delivering', attempts = m.attempts + 1, lease_until = p_now + p_lease,
         version = m.version + 1, updated_at = now()
    FROM ready WHERE m.id = ready.id
  RETURNING m.*;
END
$$
"""

# Trigger name → (when, function call).
TRIGGERS = {
    "tg_minutes_version_archive": (
        "AFTER INSERT OR UPDATE OF approved_at ON minutes_version",
        "NEW.approved_at IS NOT NULL",
        "samordna_archive_minutes()",
    ),
    "tg_action_plan_archive": (
        "AFTER INSERT OR UPDATE OF adopted ON action_plan",
        "NEW.adopted",
        "samordna_archive_record('action_plan')",
    ),
    "tg_measure_archive": (
        "AFTER INSERT OR UPDATE OF stage ON measure",
        "NEW.stage = 'concluded'",
        "samordna_archive_record('measure')",
    ),
    "tg_evaluation_archive": (
        "AFTER INSERT OR UPDATE ON evaluation",
        "NEW.conclusion IS NOT NULL",
        "samordna_archive_record('evaluation')",
    ),
    "tg_agreement_archive": (
        "AFTER INSERT OR UPDATE ON agreement",
        "NEW.documentation_status = 'final' AND NEW.archive_worthy",
        "samordna_archive_agreement()",
    ),
    "tg_agreement_document_archive": (
        "AFTER INSERT OR UPDATE OF sha256 ON agreement_document",
        "true",
        "samordna_archive_agreement()",
    ),
}


def _stamp(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        name, sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
    )


def _tables() -> None:
    text = sqlmodel.sql.sqltypes.AutoString
    op.create_table(
        "archive_message",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("record_kind", text(), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("part_id", sa.Uuid(), nullable=True),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("key", text(), nullable=False),
        sa.Column("record_version", text(), nullable=False),
        sa.Column("status", text(), server_default=sa.text("'pending'"), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        _stamp("next_attempt_at"),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", text(), nullable=True),
        sa.Column("receipt", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        _stamp("created_at"),
        _stamp("updated_at"),
        sa.CheckConstraint(f"record_kind IN {KINDS}", name="ck_archive_message_kind"),
        sa.CheckConstraint(f"status IN {STATUSES}", name="ck_archive_message_status"),
        sa.CheckConstraint("attempts >= 0", name="ck_archive_message_attempts"),
        sa.CheckConstraint(
            "(status = 'delivering') = (lease_until IS NOT NULL)", name="ck_archive_message_lease"
        ),
        sa.CheckConstraint(
            "(status = 'delivered') = (delivered_at IS NOT NULL)",
            name="ck_archive_message_delivered",
        ),
        sa.CheckConstraint("char_length(last_error) <= 1000", name="ck_archive_message_error"),
        sa.CheckConstraint("char_length(key) BETWEEN 1 AND 200", name="ck_archive_message_key"),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "key", "record_version", name="uq_archive_message_key"),
    )
    op.create_index(
        "ix_archive_message_unit_status", "archive_message", ["unit_id", "status", "created_at"]
    )
    op.create_index(
        "ix_archive_message_record", "archive_message", ["unit_id", "record_kind", "subject_id"]
    )
    op.create_index(
        "ix_archive_message_due",
        "archive_message",
        ["next_attempt_at"],
        postgresql_where=sa.text("status IN ('pending','failed')"),
    )
    op.create_index(
        "ix_archive_message_lease",
        "archive_message",
        ["lease_until"],
        postgresql_where=sa.text("status = 'delivering'"),
    )
    op.create_table(
        "archive_settings",
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("enabled", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        *(sa.Column(c, text(), nullable=True) for c in LENGTHS),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        _stamp("updated_at"),
        *(
            sa.CheckConstraint(
                f"char_length({c}) BETWEEN 1 AND {n}", name=f"ck_archive_settings_{c}"
            )
            for c, n in LENGTHS.items()
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("unit_id"),
    )
    op.create_table(
        "archive_extract",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("status", text(), nullable=False),
        sa.Column("done", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("total", sa.Integer(), server_default=sa.text("0"), nullable=False),
        _stamp("created_at"),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", text(), nullable=True),
        sa.Column("size_bytes", sa.Integer(), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.CheckConstraint(
            "status IN ('queued','running','done','failed')", name="ck_archive_extract_status"
        ),
        sa.CheckConstraint(
            "done >= 0 AND total >= 0 AND done <= total", name="ck_archive_extract_progress"
        ),
        sa.CheckConstraint("period_end >= period_start", name="ck_archive_extract_period"),
        sa.CheckConstraint("char_length(error) <= 500", name="ck_archive_extract_error"),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_archive_extract_unit_created", "archive_extract", ["unit_id", "created_at"])
    op.execute("ALTER TABLE archive_extract ALTER COLUMN content SET STORAGE EXTERNAL")


def upgrade() -> None:
    _tables()
    isolate("archive_message")
    isolate("archive_settings")
    isolate("archive_extract")
    # The owner (the claim function's definer, the demo loader) is held by FORCE too: it may reach
    # every unit's outbox and settings, as it may every other table it owns without FORCE.
    for table in ("archive_message", "archive_settings"):
        op.execute(f"CREATE POLICY owner_access ON {table} TO CURRENT_USER USING (true)")
    for function in (ENQUEUE, MINUTES, SIMPLE, AGREEMENT, CLAIM):
        op.execute(function)
    op.execute(
        "REVOKE ALL ON FUNCTION samordna_archive_claim(timestamptz, integer, interval) FROM PUBLIC"
    )
    op.execute(
        "GRANT EXECUTE ON FUNCTION samordna_archive_claim(timestamptz, integer, interval)"
        " TO samordna_app"
    )
    for name, (when, condition, call) in TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {name} {when} FOR EACH ROW WHEN ({condition}) EXECUTE FUNCTION {call}"
        )


def downgrade() -> None:
    for name, (when, _, _) in TRIGGERS.items():
        op.execute(f"DROP TRIGGER {name} ON {when.rsplit(' ', 1)[1]}")
    op.execute("DROP FUNCTION samordna_archive_claim(timestamptz, integer, interval)")
    op.execute("DROP FUNCTION samordna_archive_agreement()")
    op.execute("DROP FUNCTION samordna_archive_record()")
    op.execute("DROP FUNCTION samordna_archive_minutes()")
    op.execute("DROP FUNCTION samordna_archive_enqueue(uuid, text, uuid, uuid, uuid, text)")
    op.drop_index("ix_archive_extract_unit_created", table_name="archive_extract")
    op.drop_table("archive_extract")
    op.drop_table("archive_settings")
    op.drop_index("ix_archive_message_lease", table_name="archive_message")
    op.drop_index("ix_archive_message_due", table_name="archive_message")
    op.drop_index("ix_archive_message_record", table_name="archive_message")
    op.drop_index("ix_archive_message_unit_status", table_name="archive_message")
    op.drop_table("archive_message")
