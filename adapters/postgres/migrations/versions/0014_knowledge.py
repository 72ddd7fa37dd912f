"""Knowledge: indicators, areas with populations, observations, de-identified event records, import
jobs with their row errors, saved column mappings and the row history rollback restores (issue 12).

The statistics tables are keyed as the import kinds are (``domain/knowledge/kinds.py``) plus
``unit_id``: the bulk import's ``INSERT … ON CONFLICT (unit_id, key…) DO UPDATE``. Provenance:
``import_id`` (the import that last set the row) and ``first_import_id`` (the one that inserted
it). ``knowledge_import_row_history`` keeps the previous values (the whole row as JSONB) of every
row an import updated, so rolling the import back deletes what it inserted and restores the rest.
Vocabularies (2026-1) are CHECKs; an area's municipality is a foreign key to the unit's own
municipalities; observations, events and populations refer to the unit's indicators and areas by
code, guarded from the parents' side once per statement (``REFERENCES`` below: a renamed code is
carried over, a parent in use is not deleted), not by per-row foreign keys. A subject key is pseudonymous by CHECK: never
eleven digits in a row (a national identity number is never stored).

``samordna_period_start/end`` turn a period (``2025``, ``2025H1``, ``2025Q3``) into its dates
(not STRICT: only then does the planner inline them — a per-row call of a SQL function costs the
bulk insert tenfold).
The import runner's sweeper reads across units through two SECURITY DEFINER functions (stale
running jobs, queued jobs: ids only); everything else is under row-level security.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 20:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.migration_kit import isolate

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CODE = "^[a-z0-9][a-z0-9._-]{0,63}$"
SOURCES = "('ungdata','fhi','police','municipal','other')"
CATEGORIES = (
    "('substance_use','crime','school','mental_health','family','leisure','neighbourhood',"
    "'online','other')"
)
MEASURE_UNITS = "('percent','count','per_1000','mean','other')"
AGE_BANDS = "('10-13','14-15','16-17','18-24')"
COHORTS = "('10-13','14-15','16-17','18-24','grade-5-7','grade-8-10','vg1-3','all')"
GENDERS = "('female','male','all')"
EVENT_CATEGORIES = (
    "('violence','threats','drug-offence','theft','vandalism','traffic','other-offence',"
    "'child-welfare-concern','substance-treatment')"
)
KINDS = "('indicators','areas','populations','observations','events')"
STATUSES = "('queued','running','previewed','committed','failed','interrupted','rolled_back')"
PERIOD = "^[0-9]{4}([HQ][1-4])?$"

FUNCTIONS = (
    """
CREATE FUNCTION samordna_period_start(p text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT make_date(left(p, 4)::int,
    CASE substr(p, 5, 1) WHEN 'H' THEN 1 + (substr(p, 6, 1)::int - 1) * 6
                         WHEN 'Q' THEN 1 + (substr(p, 6, 1)::int - 1) * 3 ELSE 1 END, 1)
$$""",
    """
CREATE FUNCTION samordna_period_end(p text) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (samordna_period_start(p) + make_interval(months =>
    CASE substr(p, 5, 1) WHEN 'H' THEN 6 WHEN 'Q' THEN 3 ELSE 12 END))::date
$$""",
    """
CREATE FUNCTION samordna_import_stale(p_before timestamptz)
RETURNS TABLE (unit_id uuid, job_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT j.unit_id, j.id FROM knowledge_import_jobs j
   WHERE j.status = 'running' AND coalesce(j.heartbeat_at, j.created_at) < p_before
   ORDER BY j.created_at, j.id
$$""",
    """
CREATE FUNCTION samordna_import_queued()
RETURNS TABLE (unit_id uuid, job_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT j.unit_id, j.id FROM knowledge_import_jobs j
   WHERE j.status = 'queued' ORDER BY j.created_at, j.id LIMIT 100
$$""",
)
# Observations, events and populations refer to the unit's indicators and areas by code. Not by
# foreign keys: their per-row checks cost a bulk insert more than the insert itself. Instead the
# parents guard their children once per statement (a code renamed is carried over; a parent
# still referred to is not deleted: SQLSTATE 23503 as a foreign key would), and the import
# pipeline locks the unit's parents FOR KEY SHARE before it validates, so none of them can be
# deleted or renamed until its rows have committed. A unit being deleted takes everything along.
REFERENCES = {
    "knowledge_indicators": (("knowledge_observations", "indicator_code"),),
    "knowledge_areas": (
        ("knowledge_observations", "area_code"),
        ("knowledge_event_records", "area_code"),
        ("knowledge_area_populations", "area_code"),
    ),
}


def _guard(parent: str, children: tuple[tuple[str, str], ...]) -> str:
    renames = "".join(
        f"\n    UPDATE {t} c SET {col} = n.code FROM old_rows o JOIN new_rows n ON n.id = o.id"  # noqa: S608
        f" WHERE o.code <> n.code AND c.unit_id = o.unit_id AND c.{col} = o.code;"
        for t, col in children
    )
    used = " OR ".join(
        f"EXISTS (SELECT FROM {t} c JOIN old_rows o ON c.unit_id = o.unit_id AND c.{col} = o.code"
        " JOIN slt_unit u ON u.id = o.unit_id)"
        for t, col in children
    )
    return f"""
CREATE FUNCTION samordna_{parent}_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN{renames}
  ELSIF {used} THEN
    RAISE EXCEPTION 'rows of % still refer to a deleted row', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'tg_{parent}_in_use';
  END IF;
  RETURN NULL;
END
$$"""


def _guards() -> None:
    for parent, children in REFERENCES.items():
        op.execute(_guard(parent, children))
        for event in ("UPDATE", "DELETE"):
            rows = (
                "OLD TABLE AS old_rows NEW TABLE AS new_rows"
                if event == "UPDATE"
                else "OLD TABLE AS old_rows"
            )
            op.execute(
                f"CREATE TRIGGER tg_{parent}_{event.lower()} AFTER {event} ON {parent}"
                f" REFERENCING {rows} FOR EACH STATEMENT EXECUTE FUNCTION samordna_{parent}_guard()"
            )


BULK = ("knowledge_observations", "knowledge_event_records", "knowledge_area_populations")
_GONE = " ".join(f"DELETE FROM {t} WHERE unit_id IN (SELECT id FROM old_rows);" for t in BULK)  # noqa: S608
UNIT_GONE = (
    "CREATE FUNCTION samordna_knowledge_unit_gone() RETURNS trigger LANGUAGE plpgsql AS $$"
    f" BEGIN {_GONE} RETURN NULL; END $$"
)


DEFINERS = ("samordna_import_stale(timestamptz)", "samordna_import_queued()")


def _unit() -> sa.Column:
    return sa.Column(
        "unit_id", sa.Uuid(), sa.ForeignKey("slt_unit.id", ondelete="CASCADE"), nullable=False
    )


def _bulk_unit() -> sa.Column:
    """A bulk table's unit: no foreign key (its per-row check costs the bulk insert ~20 %); the
    unit's deletion takes the rows along (``UNIT_GONE``)."""
    return sa.Column("unit_id", sa.Uuid(), nullable=False)


def _text(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=nullable)


def _provenance() -> list[sa.Column]:
    return [sa.Column("import_id", sa.Uuid()), sa.Column("first_import_id", sa.Uuid())]


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
    ]  # fmt: skip


def _version() -> sa.Column:
    return sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)


def _check(sql: str, name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=name)


def _job_ref() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["unit_id", "job_id"], ["knowledge_import_jobs.unit_id", "knowledge_import_jobs.id"],
        ondelete="CASCADE",
    )  # fmt: skip


def _statistics() -> None:
    op.create_table(
        "knowledge_indicators",
        sa.Column("id", sa.Uuid(), primary_key=True),
        _unit(), _text("code"), _text("name"), _text("source"), _text("category"),
        _text("measure_unit"),
        sa.Column("factors", pg.ARRAY(sa.Text()), server_default="{}", nullable=False),
        _text("description", True), sa.Column("higher_is_better", sa.Boolean()),
        _version(), *_provenance(), *_stamps(),
        sa.UniqueConstraint("unit_id", "code", name="uq_knowledge_indicators_code"),
        _check(f"code ~ '{CODE}'", "ck_knowledge_indicators_code"),
        _check("char_length(name) BETWEEN 1 AND 200", "ck_knowledge_indicators_name"),
        _check(f"source IN {SOURCES}", "ck_knowledge_indicators_source"),
        _check(f"category IN {CATEGORIES}", "ck_knowledge_indicators_category"),
        _check(f"measure_unit IN {MEASURE_UNITS}", "ck_knowledge_indicators_measure_unit"),
        _check("cardinality(factors) <= 30", "ck_knowledge_indicators_factors"),
        _check("char_length(description) <= 2000", "ck_knowledge_indicators_description"),
        _check("version >= 1", "ck_knowledge_indicators_version"),
    )  # fmt: skip
    op.create_table(
        "knowledge_areas",
        sa.Column("id", sa.Uuid(), primary_key=True),
        _unit(), _text("code"), _text("name"), _text("municipality_number"), _text("kind"),
        _version(), *_provenance(), *_stamps(),
        sa.UniqueConstraint("unit_id", "code", name="uq_knowledge_areas_code"),
        sa.ForeignKeyConstraint(
            ["unit_id", "municipality_number"],
            ["slt_unit_municipality.unit_id", "slt_unit_municipality.municipality_number"],
            name="fk_knowledge_areas_municipality",
        ),
        _check(f"code ~ '{CODE}'", "ck_knowledge_areas_code"),
        _check("char_length(name) BETWEEN 1 AND 200", "ck_knowledge_areas_name"),
        _check("kind IN ('municipality','district')", "ck_knowledge_areas_kind"),
    )  # fmt: skip
    op.create_table(
        "knowledge_area_populations",
        _bulk_unit(), _text("area_code"), sa.Column("year", sa.Integer(), nullable=False),
        _text("age_band"), sa.Column("residents", sa.Integer(), nullable=False), *_provenance(),
        sa.PrimaryKeyConstraint("unit_id", "area_code", "year", "age_band"),
        _check("year BETWEEN 1900 AND 2100", "ck_knowledge_area_populations_year"),
        _check(f"age_band IN {AGE_BANDS}", "ck_knowledge_area_populations_age_band"),
        _check("residents BETWEEN 0 AND 10000000", "ck_knowledge_area_populations_residents"),
    )  # fmt: skip
    op.create_table(
        "knowledge_observations",
        _bulk_unit(), _text("indicator_code"), _text("area_code"), _text("period"),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        _text("cohort"), _text("gender"),
        sa.Column("value", sa.Numeric(21, 6), nullable=False),
        sa.Column("count", sa.Integer()), sa.Column("denominator", sa.Integer()), *_provenance(),
        sa.PrimaryKeyConstraint(
            "unit_id", "indicator_code", "area_code", "period", "cohort", "gender"
        ),
        _check(f"period ~ '{PERIOD}'", "ck_knowledge_observations_period"),
        # Not the period functions: a CHECK calls them per row without inlining (8x slower).
        _check("period_start < period_end", "ck_knowledge_observations_period_dates"),
        _check(f"cohort IN {COHORTS}", "ck_knowledge_observations_cohort"),
        _check(f"gender IN {GENDERS}", "ck_knowledge_observations_gender"),
        _check("count >= 0 AND denominator >= 1", "ck_knowledge_observations_counts"),
    )  # fmt: skip
    op.create_index(
        "ix_knowledge_observations_series", "knowledge_observations",
        ["unit_id", "indicator_code", "area_code", "cohort", "gender", "period_start"],
    )  # fmt: skip
    op.create_index(
        "ix_knowledge_observations_area", "knowledge_observations", ["unit_id", "area_code"]
    )
    op.create_table(
        "knowledge_event_records",
        _bulk_unit(), _text("external_id"), _text("category"), _text("area_code"), _text("age_band"),
        sa.Column("occurred_on", sa.Date(), nullable=False), _text("subject_key"),
        *_provenance(),
        sa.PrimaryKeyConstraint("unit_id", "external_id"),
        _check("char_length(external_id) BETWEEN 1 AND 128", "ck_knowledge_event_records_id"),
        _check(f"category IN {EVENT_CATEGORIES}", "ck_knowledge_event_records_category"),
        _check(f"age_band IN {AGE_BANDS}", "ck_knowledge_event_records_age_band"),
        _check(
            "subject_key ~ '^[A-Za-z0-9_-]{8,128}$' AND subject_key !~ '[0-9]{11}'",
            "ck_knowledge_event_records_pseudonymous",
        ),
    )  # fmt: skip
    op.create_index(
        "ix_knowledge_event_records_occurred", "knowledge_event_records",
        ["unit_id", "occurred_on"],
    )  # fmt: skip


def _jobs() -> None:
    op.create_table(
        "knowledge_import_jobs",
        sa.Column("id", sa.Uuid(), primary_key=True),
        _unit(), _text("kind"), _text("format"), _text("filename"),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False), _text("sha256"),
        _text("file_ref", True), _text("mode"),
        sa.Column("mapping", pg.JSONB(), nullable=False),
        sa.Column("columns", pg.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("ignored_columns", pg.ARRAY(sa.Text()), server_default="{}", nullable=False),
        _text("source_name", True), _text("status"),
        sa.Column("rows_read", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("bytes_read", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("bytes_total", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("result", pg.JSONB()),
        sa.Column("sample", pg.JSONB(), server_default=sa.text("'[]'::jsonb"), nullable=False),
        _text("error_code", True), _text("error_message", True),
        _text("started_by_name"), sa.Column("started_by_person_id", sa.Uuid()),
        _text("machine_org", True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True)),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True)),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("rolled_back_at", sa.DateTime(timezone=True)),
        _text("rolled_back_by_name", True),
        _version(),
        sa.UniqueConstraint("unit_id", "id", name="uq_knowledge_import_jobs_unit_id"),
        _check(f"kind IN {KINDS}", "ck_knowledge_import_jobs_kind"),
        _check("format IN ('csv','jsonl','xlsx')", "ck_knowledge_import_jobs_format"),
        _check("mode IN ('preview','commit')", "ck_knowledge_import_jobs_mode"),
        _check(f"status IN {STATUSES}", "ck_knowledge_import_jobs_status"),
        _check("sha256 ~ '^[0-9a-f]{64}$'", "ck_knowledge_import_jobs_sha256"),
        _check("char_length(filename) BETWEEN 1 AND 200", "ck_knowledge_import_jobs_filename"),
        _check("version >= 1", "ck_knowledge_import_jobs_version"),
    )  # fmt: skip
    op.create_index(
        "ix_knowledge_import_jobs_unit_created", "knowledge_import_jobs",
        ["unit_id", "created_at", "id"],
    )  # fmt: skip
    op.create_index(
        "ix_knowledge_import_jobs_unit_kind", "knowledge_import_jobs",
        ["unit_id", "kind", "status", "finished_at"],
    )  # fmt: skip
    op.create_index(
        "ix_knowledge_import_jobs_status", "knowledge_import_jobs", ["status", "heartbeat_at"]
    )
    op.create_table(
        "knowledge_import_errors",
        _unit(), sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("row_no", sa.BigInteger(), nullable=False),
        _text("column_name", True), _text("value", True), _text("code"), _text("message"),
        sa.PrimaryKeyConstraint("unit_id", "job_id", "position"),
        _job_ref(),
        _check("char_length(value) <= 200", "ck_knowledge_import_errors_value"),
    )  # fmt: skip
    op.create_table(
        "knowledge_import_mappings",
        _unit(), _text("kind"), _text("source_name"),
        sa.Column("mapping", pg.JSONB(), nullable=False), _version(),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("unit_id", "kind", "source_name"),
        _check(f"kind IN {KINDS}", "ck_knowledge_import_mappings_kind"),
        _check("char_length(source_name) BETWEEN 1 AND 100", "ck_knowledge_import_mappings_source"),
        _check("jsonb_typeof(mapping) = 'object'", "ck_knowledge_import_mappings_mapping"),
    )  # fmt: skip
    op.create_table(
        "knowledge_import_row_history",
        _unit(), sa.Column("job_id", sa.Uuid(), nullable=False),
        sa.Column("key", pg.ARRAY(sa.Text()), nullable=False),
        sa.Column("previous", pg.JSONB(), nullable=False),
        sa.PrimaryKeyConstraint("unit_id", "job_id", "key"),
        _job_ref(),
    )  # fmt: skip


TABLES = (
    "knowledge_import_row_history",
    "knowledge_import_mappings",
    "knowledge_import_errors",
    "knowledge_import_jobs",
    "knowledge_event_records",
    "knowledge_observations",
    "knowledge_area_populations",
    "knowledge_areas",
    "knowledge_indicators",
)


def upgrade() -> None:
    op.execute(FUNCTIONS[0])
    op.execute(FUNCTIONS[1])
    _statistics()
    _guards()
    _jobs()
    for table in TABLES:
        isolate(table)
    # The sweeper's functions' definer (the owner) is held by FORCE too: let it read the jobs.
    op.execute("CREATE POLICY owner_access ON knowledge_import_jobs TO CURRENT_USER USING (true)")
    op.execute(UNIT_GONE)
    op.execute(
        "CREATE TRIGGER tg_slt_unit_knowledge_gone AFTER DELETE ON slt_unit REFERENCING OLD TABLE"
        " AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION samordna_knowledge_unit_gone()"
    )
    for table in BULK:  # the owner deletes a unit's rows (held by FORCE too)
        op.execute(f"CREATE POLICY owner_access ON {table} TO CURRENT_USER USING (true)")
    for function in FUNCTIONS[2:]:
        op.execute(function)
    for name in DEFINERS:
        op.execute(f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {name} TO samordna_app")


def downgrade() -> None:
    for name in DEFINERS:
        op.execute(f"DROP FUNCTION {name}")
    op.execute("DROP TRIGGER tg_slt_unit_knowledge_gone ON slt_unit")
    op.execute("DROP FUNCTION samordna_knowledge_unit_gone()")
    for parent in REFERENCES:
        op.execute(f"DROP TRIGGER tg_{parent}_update ON {parent}")
        op.execute(f"DROP TRIGGER tg_{parent}_delete ON {parent}")
        op.execute(f"DROP FUNCTION samordna_{parent}_guard()")
    for table in TABLES:
        op.drop_table(table)
    op.execute("DROP FUNCTION samordna_period_end(text)")
    op.execute("DROP FUNCTION samordna_period_start(text)")
