"""Knowledge PostgreSQL room: the tables of indicators, areas, populations, observations, de-identified
event records and import jobs (migration 0014 creates the same, plus row-level security, the CHECKs
of the vocabularies, the period functions and the sweeper's two cross-unit functions).

Statistics tables are keyed as their ``KindSpec`` (``domain/knowledge/kinds.py``) plus ``unit_id``:
the upsert's ``ON CONFLICT`` target. ``import_id`` is the import that last set a row,
``first_import_id`` the one that inserted it (provenance; rollback deletes the rows an import
inserted and restores the ``import_row_history`` of those it updated). They carry no foreign key to
the job, and observations, events and populations none to their indicator and area: per-row
checks cost the bulk insert more than the insert itself; the parents guard them per statement
(migration 0014's triggers) and the pipeline locks them while it imports."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlmodel import SQLModel

M = SQLModel.metadata


def _unit() -> sa.Column[object]:
    return sa.Column(
        "unit_id", sa.Uuid(), sa.ForeignKey("slt_unit.id", ondelete="CASCADE"), nullable=False
    )


def _bulk_unit() -> sa.Column[object]:
    """No foreign key on the bulk tables (migration 0014 deletes their rows with the unit)."""
    return sa.Column("unit_id", sa.Uuid(), nullable=False)


def _text(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.Text(), nullable=nullable)


def _provenance() -> list[sa.Column[object]]:
    return [sa.Column("import_id", sa.Uuid()), sa.Column("first_import_id", sa.Uuid())]


def _stamps() -> list[sa.Column[object]]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
    ]  # fmt: skip


def _version() -> sa.Column[object]:
    return sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)


INDICATORS = sa.Table(
    "knowledge_indicators", M,
    sa.Column("id", sa.Uuid(), primary_key=True),
    _unit(), _text("code"), _text("name"), _text("source"), _text("category"), _text("measure_unit"),
    sa.Column("factors", pg.ARRAY(sa.Text()), server_default="{}", nullable=False),
    _text("description", True), sa.Column("higher_is_better", sa.Boolean()),
    _version(), *_provenance(), *_stamps(),
    sa.UniqueConstraint("unit_id", "code", name="uq_knowledge_indicators_code"),
)  # fmt: skip

AREAS = sa.Table(
    "knowledge_areas", M,
    sa.Column("id", sa.Uuid(), primary_key=True),
    _unit(), _text("code"), _text("name"), _text("municipality_number"), _text("kind"),
    _version(), *_provenance(), *_stamps(),
    sa.UniqueConstraint("unit_id", "code", name="uq_knowledge_areas_code"),
    sa.ForeignKeyConstraint(
        ["unit_id", "municipality_number"],
        ["slt_unit_municipality.unit_id", "slt_unit_municipality.municipality_number"],
        name="fk_knowledge_areas_municipality",
    ),
)  # fmt: skip

POPULATIONS = sa.Table(
    "knowledge_area_populations", M,
    _bulk_unit(), _text("area_code"), sa.Column("year", sa.Integer(), nullable=False),
    _text("age_band"), sa.Column("residents", sa.Integer(), nullable=False), *_provenance(),
    sa.PrimaryKeyConstraint("unit_id", "area_code", "year", "age_band"),
)  # fmt: skip

OBSERVATIONS = sa.Table(
    "knowledge_observations", M,
    _bulk_unit(), _text("indicator_code"), _text("area_code"), _text("period"),
    sa.Column("period_start", sa.Date(), nullable=False),
    sa.Column("period_end", sa.Date(), nullable=False),
    _text("cohort"), _text("gender"),
    sa.Column("value", sa.Numeric(21, 6), nullable=False),
    sa.Column("count", sa.Integer()), sa.Column("denominator", sa.Integer()), *_provenance(),
    # The key serves every read as a prefix; no secondary index (migration 0016).
    sa.PrimaryKeyConstraint("unit_id", "indicator_code", "area_code", "period", "cohort", "gender"),
)  # fmt: skip

EVENTS = sa.Table(
    "knowledge_event_records", M,
    _bulk_unit(), _text("external_id"), _text("category"), _text("area_code"), _text("age_band"),
    sa.Column("occurred_on", sa.Date(), nullable=False), _text("subject_key"), *_provenance(),
    sa.PrimaryKeyConstraint("unit_id", "external_id"),
    sa.Index("ix_knowledge_event_records_occurred", "unit_id", "occurred_on"),
)  # fmt: skip

JOBS = sa.Table(
    "knowledge_import_jobs", M,
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
    sa.Index("ix_knowledge_import_jobs_unit_created", "unit_id", "created_at", "id"),
    sa.Index("ix_knowledge_import_jobs_unit_kind", "unit_id", "kind", "status", "finished_at"),
    sa.Index("ix_knowledge_import_jobs_status", "status", "heartbeat_at"),
)  # fmt: skip


def _job_ref() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["unit_id", "job_id"], ["knowledge_import_jobs.unit_id", "knowledge_import_jobs.id"],
        ondelete="CASCADE",
    )  # fmt: skip


ERRORS = sa.Table(
    "knowledge_import_errors", M,
    _unit(), sa.Column("job_id", sa.Uuid(), nullable=False),
    sa.Column("position", sa.Integer(), nullable=False),
    sa.Column("row_no", sa.BigInteger(), nullable=False),
    _text("column_name", True), _text("value", True), _text("code"), _text("message"),
    sa.PrimaryKeyConstraint("unit_id", "job_id", "position"),
    _job_ref(),
)  # fmt: skip

MAPPINGS = sa.Table(
    "knowledge_import_mappings", M,
    _unit(), _text("kind"), _text("source_name"),
    sa.Column("mapping", pg.JSONB(), nullable=False), _version(),
    sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
    sa.PrimaryKeyConstraint("unit_id", "kind", "source_name"),
)  # fmt: skip

ROW_HISTORY = sa.Table(
    "knowledge_import_row_history", M,
    _unit(), sa.Column("job_id", sa.Uuid(), nullable=False),
    sa.Column("key", pg.ARRAY(sa.Text()), nullable=False),
    sa.Column("previous", pg.JSONB(), nullable=False),
    sa.PrimaryKeyConstraint("unit_id", "job_id", "key"),
    _job_ref(),
)  # fmt: skip

TENANT_TABLES: dict[str, str] = {
    t.name: "unit_id"
    for t in (
        INDICATORS,
        AREAS,
        POPULATIONS,
        OBSERVATIONS,
        EVENTS,
        JOBS,
        ERRORS,
        MAPPINGS,
        ROW_HISTORY,
    )
}
