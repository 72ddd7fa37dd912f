"""The access log of subject data: an append-only entry table the app role may only INSERT into, the sealer's hash chain and its checkpoints (issue 11).

Entries (``access_log_entry``) are appended inside each request's transaction, a plain INSERT
without any lock; row-level security is forced as on every tenant table (``isolate``, rights
SELECT and INSERT only). A single background sealer links them afterwards, in its own
transaction under an advisory lock, into ``access_log_chain`` (position, entry, prev_hash,
hash = sha256(prev_hash || canonical entry)); ``access_log_checkpoint`` keeps signed heads, also
exported as files outside the database.

Nothing in the three tables is ever changed or removed: the app role has no UPDATE, DELETE or
TRUNCATE on them, and triggers refuse UPDATE, DELETE and TRUNCATE even by the owner. The one
documented way rows go is the owner's purge: a transaction of the owner that sets
``samordna.access_log_purge`` to ``on`` (``SET LOCAL``) may DELETE or TRUNCATE (the test harness
between tests; a retention purge of the log itself, which then starts a new chain). The setting
gives the app role nothing: it holds no DELETE or TRUNCATE privilege to use it with. The cases
context's retention purge of a case keeps the case's log entries: they hold only the pseudonymous
subject reference.

Each link checks, in the database, that it follows the chain's head (position 1 after 32 zero
bytes, position n after n - 1's hash): positions are gapless and a second sealer racing the first
fails on the primary key or on this check. ``xid`` is the writing transaction's id: the sealer
only needs to look at entries of transactions not older than its last horizon. The verifier pages
the chain by position range, each entry found through its primary key (hash and merge joins are
off in that function: a generic plan would otherwise hash the whole entry table for each page).

The sealer and the verifier serve every unit: the cross-unit reads are two SECURITY DEFINER
functions owned by the migration role (``samordna_access_log_unsealed``,
``samordna_access_log_chain``); a policy lets that owner (and only it) read every unit's entries,
so they work whether or not the owner is a superuser.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from adapters.postgres.migration_kit import APPEND, isolate

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIONS = "('read','write','disclose','export','print','delete')"
BOUNDED = (
    ("actor_subject_key", 200),
    ("actor_role", 40),
    ("object_type", 40),
    ("category", 40),
    ("regime", 40),
    ("purpose", 40),
    ("basis", 60),
    ("deny_reason", 60),
    ("client", 200),
    ("request_id", 100),
)
# The entry's columns as the chain function returns them (after the link's own columns).
ENTRY_COLUMNS = (
    ("id", "bigint"),
    ("uid", "uuid"),
    ("unit_id", "uuid"),
    ("at", "timestamptz"),
    ("actor_person_id", "uuid"),
    ("actor_subject_key", "varchar"),
    ("actor_organisation_id", "uuid"),
    ("actor_role", "varchar"),
    ("subject_ref", "uuid"),
    ("case_id", "uuid"),
    ("object_type", "varchar"),
    ("object_id", "uuid"),
    ("category", "varchar"),
    ("regime", "varchar"),
    ("action", "varchar"),
    ("purpose", "varchar"),
    ("basis", "varchar"),
    ("consent_id", "uuid"),
    ("decision", "varchar"),
    ("deny_reason", "varchar"),
    ("break_glass_id", "uuid"),
    ("client", "varchar"),
    ("request_id", "varchar"),
)
TABLES = ("access_log_entry", "access_log_chain", "access_log_checkpoint")

IMMUTABLE = """
CREATE FUNCTION samordna_access_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE')
     AND current_setting('samordna.access_log_purge', true) = 'on' THEN
    IF TG_LEVEL = 'ROW' THEN RETURN OLD; END IF;
    RETURN NULL;
  END IF;
  RAISE EXCEPTION '% is append-only: its rows are never changed or removed', TG_TABLE_NAME
    USING ERRCODE = 'check_violation', CONSTRAINT = 'tg_' || TG_TABLE_NAME || '_immutable',
          TABLE = TG_TABLE_NAME;
END
$$
"""

LINKS = """
CREATE FUNCTION samordna_access_log_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.position = 1 THEN
    IF NEW.prev_hash = decode(repeat('00', 32), 'hex') THEN RETURN NEW; END IF;
  ELSIF EXISTS (SELECT FROM access_log_chain p
                 WHERE p.position = NEW.position - 1 AND p.hash = NEW.prev_hash) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a link follows the head of the access log''s chain'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'tg_access_log_chain_links',
          TABLE = 'access_log_chain';
END
$$
"""

DEFINER = "STABLE SECURITY DEFINER SET search_path = public, pg_temp"
UNSEALED = f"""
CREATE FUNCTION samordna_access_log_unsealed(p_horizon bigint, p_after bigint, p_limit integer)
RETURNS SETOF access_log_entry LANGUAGE sql {DEFINER} AS $$
  SELECT e.* FROM access_log_entry e
   WHERE e.xid >= p_horizon AND e.id > p_after
     AND NOT EXISTS (SELECT FROM access_log_chain c WHERE c.entry_id = e.id)
   ORDER BY e.id LIMIT p_limit
$$
"""  # noqa: S608 (constants only)


def _chain_function() -> str:
    columns = ", ".join(f"e_{name} {kind}" for name, kind in ENTRY_COLUMNS)
    selected = ", ".join(f"e.{name}" for name, _ in ENTRY_COLUMNS)
    return f"""
CREATE FUNCTION samordna_access_log_chain(p_after bigint, p_limit integer)
RETURNS TABLE (c_position bigint, c_entry_id bigint, c_prev_hash bytea, c_hash bytea, {columns})
LANGUAGE sql {DEFINER} SET enable_hashjoin = off SET enable_mergejoin = off AS $$
  SELECT c.position, c.entry_id, c.prev_hash, c.hash, {selected}
    FROM access_log_chain c LEFT JOIN access_log_entry e ON e.id = c.entry_id
   WHERE c.position > p_after AND c.position <= p_after + p_limit ORDER BY c.position
$$
"""  # noqa: S608 (constants only)


FUNCTIONS = (
    "samordna_access_log_unsealed(bigint, bigint, integer)",
    "samordna_access_log_chain(bigint, integer)",
)


def _tables() -> None:
    text = sqlmodel.sql.sqltypes.AutoString
    stamp = {"server_default": sa.text("now()"), "nullable": False}
    op.create_table(
        "access_log_entry",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("uid", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_person_id", sa.Uuid(), nullable=True),
        sa.Column("actor_subject_key", text(), nullable=False),
        sa.Column("actor_organisation_id", sa.Uuid(), nullable=True),
        sa.Column("actor_role", text(), nullable=True),
        sa.Column("subject_ref", sa.Uuid(), nullable=True),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("object_type", text(), nullable=False),
        sa.Column("object_id", sa.Uuid(), nullable=True),
        sa.Column("category", text(), nullable=True),
        sa.Column("regime", text(), nullable=True),
        sa.Column("action", text(), nullable=False),
        sa.Column("purpose", text(), nullable=True),
        sa.Column("basis", text(), nullable=True),
        sa.Column("consent_id", sa.Uuid(), nullable=True),
        sa.Column("decision", text(), nullable=False),
        sa.Column("deny_reason", text(), nullable=True),
        sa.Column("break_glass_id", sa.Uuid(), nullable=True),
        sa.Column("client", text(), nullable=True),
        sa.Column("request_id", text(), nullable=True),
        sa.Column(
            "xid",
            sa.BigInteger(),
            server_default=sa.text("(pg_current_xact_id()::text)::bigint"),
            nullable=False,
        ),
        sa.CheckConstraint(f"action IN {ACTIONS}", name="ck_access_log_entry_action"),
        sa.CheckConstraint("decision IN ('permit','deny')", name="ck_access_log_entry_decision"),
        sa.CheckConstraint(
            "decision = 'permit' OR deny_reason IS NOT NULL", name="ck_access_log_entry_deny"
        ),
        *(
            sa.CheckConstraint(f"char_length({c}) <= {n}", name=f"ck_access_log_entry_{c}")
            for c, n in BOUNDED
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uid", name="uq_access_log_entry_uid"),
    )
    op.create_index(
        "ix_access_log_entry_subject", "access_log_entry", ["unit_id", "subject_ref", "at"]
    )
    op.create_index("ix_access_log_entry_case", "access_log_entry", ["unit_id", "case_id", "at"])
    op.create_index("ix_access_log_entry_xid", "access_log_entry", ["xid"])
    op.create_table(
        "access_log_chain",
        sa.Column("position", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("entry_id", sa.BigInteger(), nullable=False),
        sa.Column("prev_hash", sa.LargeBinary(), nullable=False),
        sa.Column("hash", sa.LargeBinary(), nullable=False),
        sa.Column("horizon", sa.BigInteger(), nullable=False),
        sa.Column("sealed_at", sa.DateTime(timezone=True), **stamp),
        sa.CheckConstraint("position > 0", name="ck_access_log_chain_position"),
        sa.CheckConstraint("octet_length(prev_hash) = 32", name="ck_access_log_chain_prev"),
        sa.CheckConstraint("octet_length(hash) = 32", name="ck_access_log_chain_hash"),
        sa.ForeignKeyConstraint(["entry_id"], ["access_log_entry.id"]),
        sa.PrimaryKeyConstraint("position"),
        sa.UniqueConstraint("entry_id", name="uq_access_log_chain_entry"),
    )
    op.create_table(
        "access_log_checkpoint",
        sa.Column("position", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("head_hash", sa.LargeBinary(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.Column("key_id", text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), **stamp),
        sa.CheckConstraint("octet_length(head_hash) = 32", name="ck_access_log_checkpoint_head"),
        sa.CheckConstraint("octet_length(signature) = 64", name="ck_access_log_checkpoint_sig"),
        sa.CheckConstraint("char_length(key_id) <= 100", name="ck_access_log_checkpoint_key"),
        sa.ForeignKeyConstraint(["position"], ["access_log_chain.position"]),
        sa.PrimaryKeyConstraint("position"),
    )


def _secure() -> None:
    isolate("access_log_entry", APPEND)
    # The owner's definer functions read every unit's entries (also when it is no superuser).
    op.execute(
        "DO $$ BEGIN EXECUTE format('CREATE POLICY access_log_owner_reads ON access_log_entry"
        " FOR SELECT TO %I USING (true)', current_user); END $$"
    )
    op.execute("GRANT USAGE ON SEQUENCE access_log_entry_id_seq TO samordna_app")
    op.execute("GRANT SELECT, INSERT ON access_log_chain, access_log_checkpoint TO samordna_app")
    op.execute(IMMUTABLE)
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER tg_{table}_immutable BEFORE UPDATE OR DELETE ON {table}"
            " FOR EACH ROW EXECUTE FUNCTION samordna_access_log_immutable()"
        )
        op.execute(
            f"CREATE TRIGGER tg_{table}_no_truncate BEFORE TRUNCATE ON {table}"
            " FOR EACH STATEMENT EXECUTE FUNCTION samordna_access_log_immutable()"
        )
    op.execute(LINKS)
    op.execute(
        "CREATE TRIGGER tg_access_log_chain_links BEFORE INSERT ON access_log_chain"
        " FOR EACH ROW EXECUTE FUNCTION samordna_access_log_links()"
    )
    op.execute(UNSEALED)
    op.execute(_chain_function())
    for fn in FUNCTIONS:
        op.execute(f"REVOKE ALL ON FUNCTION {fn} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {fn} TO samordna_app")


def upgrade() -> None:
    _tables()
    _secure()


def downgrade() -> None:
    for fn in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {fn}")
    op.drop_table("access_log_checkpoint")
    op.drop_table("access_log_chain")
    op.drop_table("access_log_entry")
    op.execute("DROP FUNCTION IF EXISTS samordna_access_log_links()")
    op.execute("DROP FUNCTION IF EXISTS samordna_access_log_immutable()")
