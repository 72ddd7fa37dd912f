"""Knowledge: what a bulk import pays per row, measured and cut (issue 12's import speed), and
subject keys of the form of a digest or a UUID accepted.

- ``ix_knowledge_observations_series`` and ``ix_knowledge_observations_area`` go. Every read of
  observations filters on the unit and indicator (and area), which the primary key
  ``(unit_id, indicator_code, area_code, period, cohort, gender)`` serves as a prefix; the two
  secondary indexes only cost inserts — together ~2.5x what the key alone costs a COPY of 200,000
  rows (0.6 s → 2.3 s). What used the area index (an area renamed or deleted, migration 0014's
  guards) now reads the unit's observations through the key's ``unit_id`` prefix: a rare
  administrative act pays a scan of one unit instead of every import paying an index.
- The pseudonymous subject key's CHECK is written with an unbounded character class and a
  length: PostgreSQL's regex engine runs a bounded repeat (``{8,128}``) as an automaton of that
  many states, ~14 µs a row (2.8 s of a 200,000-row import) against ~3 µs. It now says what the
  import's validation says (``domain/knowledge/rows.pseudonymous``): an identity number as
  written (``DDMMYY-NNNNN``) is refused too, and a key of the form of a digest (32-128 hex digits
  after a prefix of at most 16 of A-Z a-z _ -, such as ``pseudo-``) or of a UUID is not searched
  for 11 digits — a SHA-256 in hex has 11 digits in a row one time in four, a UUID one in a
  hundred, and no import of such keys could have loaded.

- ``samordna_import_holding(before)`` (SECURITY DEFINER, as 0014's sweeper functions): the jobs
  of every unit that finished as previewed or interrupted before then and still hold their
  spooled file; the sweeper gives those files up after a day (``FILE_KEPT_HOURS``), so uploads
  never committed do not stay on disk for ever.
- ``samordna_import_files_held(refs)`` (SECURITY DEFINER): which of the given spooled files a job
  of any unit still names, so the sweeper can delete files no job names (an upload whose process
  died before its job was stored). It answers only about refs the caller already has (random
  128-bit names) and returns nothing else.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 02:50:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHECK = "ck_knowledge_event_records_pseudonymous"
OLD = "subject_key ~ '^[A-Za-z0-9_-]{8,128}$' AND subject_key !~ '[0-9]{11}'"
HEX_TAIL = "substring(subject_key from '[0-9A-Fa-f]*$')"
DIGEST = (
    f"(subject_key ~ '^[A-Za-z_-]*[0-9A-Fa-f]*$' AND char_length({HEX_TAIL}) >= 32"
    f" AND char_length(subject_key) - char_length({HEX_TAIL}) <= 16)"
)
UUID = (
    "translate(lower(subject_key), '123456789abcdef', '000000000000000')"
    " = '00000000-0000-0000-0000-000000000000'"
)
NEW = (
    "subject_key ~ '^[A-Za-z0-9_-]+$' AND char_length(subject_key) BETWEEN 8 AND 128"
    f" AND (subject_key !~ '[0-9]{{11}}|[0-9]{{6}}[-_][0-9]{{5}}' OR {DIGEST} OR {UUID})"
)


def _check(condition: str) -> None:
    op.drop_constraint(CHECK, "knowledge_event_records", type_="check")
    op.create_check_constraint(CHECK, "knowledge_event_records", condition)


HOLDING = "samordna_import_holding(timestamptz)"
HOLDING_SQL = """
CREATE FUNCTION samordna_import_holding(p_before timestamptz)
RETURNS TABLE (unit_id uuid, job_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT j.unit_id, j.id FROM knowledge_import_jobs j
   WHERE j.status IN ('previewed', 'interrupted') AND j.file_ref IS NOT NULL
     AND coalesce(j.finished_at, j.created_at) < p_before
   ORDER BY j.created_at, j.id LIMIT 100
$$"""

HELD = "samordna_import_files_held(text[])"
HELD_SQL = """
CREATE FUNCTION samordna_import_files_held(p_refs text[])
RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT DISTINCT j.file_ref FROM knowledge_import_jobs j WHERE j.file_ref = ANY (p_refs)
$$"""


def upgrade() -> None:
    op.drop_index("ix_knowledge_observations_series", "knowledge_observations")
    op.drop_index("ix_knowledge_observations_area", "knowledge_observations")
    _check(NEW)
    op.execute(HOLDING_SQL)
    op.execute(f"REVOKE ALL ON FUNCTION {HOLDING} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {HOLDING} TO samordna_app")
    op.execute(HELD_SQL)
    op.execute(f"REVOKE ALL ON FUNCTION {HELD} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {HELD} TO samordna_app")


def downgrade() -> None:
    op.execute(f"DROP FUNCTION {HELD}")
    op.execute(f"DROP FUNCTION {HOLDING}")
    _check(OLD)
    op.create_index(
        "ix_knowledge_observations_area", "knowledge_observations", ["unit_id", "area_code"]
    )
    op.create_index(
        "ix_knowledge_observations_series",
        "knowledge_observations",
        ["unit_id", "indicator_code", "area_code", "cohort", "gender", "period_start"],
    )
