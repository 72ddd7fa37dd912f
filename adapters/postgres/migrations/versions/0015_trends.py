"""Trends: TREND-A table releases frozen per period, their revisions and the pull log (issue 12).

``trend_release`` keeps one frozen table of one released period: the canonical JSON and CSV bytes,
their SHA-256 (the ETag), the audit and the change log. ``UNIQUE (unit_id, table_code, period,
revision)``: of two releases of the same period built at once, one commits, the other is refused
by the constraint (409 ``release-conflict``). It is append-only (a trigger refuses UPDATE even by
the owner; the app role has no UPDATE or DELETE), so a pull always returns the bytes first stored.
``trend_pull`` is the unit's append-only pull log (who: a client organisation or a person).

Police systems read across units. That is the only crossing, and it goes through three SECURITY
DEFINER functions owned by the migration role (``SET search_path``): the units a consumer may read
(``samordna_trend_units``: the units of the police district of the consumer's home unit — the first
unit it is registered with, as ``samordna_machine_clients`` resolves its token — that registered it
with ``samordna:trends.read``), the frozen table of such a unit (``samordna_trend_release``), its
released periods (``samordna_trend_periods``) and the pull written into THAT unit's log
(``samordna_trend_pull_log``). Any other unit gets nothing. The owner's policies let the definer
past FORCE ROW LEVEL SECURITY when it is not a superuser (as in 0013).

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 20:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

from adapters.postgres.migration_kit import APPEND, append_only, drop_append_only, isolate

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CODE = "^[a-z0-9][a-z0-9-]{0,63}$"
PERIOD = "^[0-9]{4}(H[12])?$"

UNITS = """
CREATE FUNCTION samordna_trend_units(p_consumer text)
RETURNS TABLE (unit_id uuid, unit_name text, police_district text, municipalities text[])
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH home AS (
    SELECT u.police_district FROM machine_client c JOIN slt_unit u ON u.id = c.unit_id
     WHERE c.consumer_id = p_consumer ORDER BY c.created_at, c.unit_id LIMIT 1)
  SELECT u.id, u.name::text, u.police_district::text,
         ARRAY(SELECT m.municipality_number::text FROM slt_unit_municipality m
                WHERE m.unit_id = u.id ORDER BY m.position)
    FROM home JOIN slt_unit u ON u.police_district = home.police_district
   WHERE EXISTS (SELECT FROM machine_client c
                  WHERE c.consumer_id = p_consumer AND c.unit_id = u.id
                    AND 'samordna:trends.read' = ANY (c.scopes))
   ORDER BY u.name, u.id;
END
$$
"""

RELEASE = """
CREATE FUNCTION samordna_trend_release(p_consumer text, p_unit uuid, p_table text, p_period text,
                                       p_revision integer)
RETURNS SETOF trend_release
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
  SELECT r.* FROM trend_release r
   WHERE r.unit_id = p_unit AND r.table_code = p_table AND r.period = p_period
     AND (p_revision IS NULL OR r.revision = p_revision)
     AND EXISTS (SELECT FROM samordna_trend_units(p_consumer) t WHERE t.unit_id = p_unit)
   ORDER BY r.revision DESC LIMIT 1;
END
$$
"""

PERIODS = """
CREATE FUNCTION samordna_trend_periods(p_consumer text)
RETURNS TABLE (unit_id uuid, table_code text, period text, revision integer,
               released_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT r.unit_id, r.table_code::text, r.period::text, r.revision, r.released_at
    FROM samordna_trend_units(p_consumer) t JOIN trend_release r ON r.unit_id = t.unit_id
   ORDER BY r.unit_id, r.table_code, r.period, r.revision;
END
$$
"""

PULL_LOG = """
CREATE FUNCTION samordna_trend_pull_log(p_id uuid, p_consumer text, p_unit uuid, p_table text,
                                        p_period text, p_revision integer, p_format text,
                                        p_cells integer, p_at timestamptz)
RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE v_org text;
BEGIN
  SELECT c.name INTO v_org FROM machine_client c
   WHERE c.consumer_id = p_consumer AND c.unit_id = p_unit AND 'samordna:trends.read' = ANY (c.scopes)
     AND EXISTS (SELECT FROM samordna_trend_units(p_consumer) t WHERE t.unit_id = p_unit);
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  INSERT INTO trend_pull (id, unit_id, at, table_code, period, revision, format, client_org,
                          consumer_id, cells_released)
  VALUES (p_id, p_unit, p_at, p_table, p_period, p_revision, p_format, v_org, p_consumer,
          p_cells);
  RETURN true;
END
$$
"""

FUNCTIONS = {
    "samordna_trend_units(text)": UNITS,
    "samordna_trend_release(text, uuid, text, text, integer)": RELEASE,
    "samordna_trend_periods(text)": PERIODS,
    "samordna_trend_pull_log(uuid, text, uuid, text, text, integer, text, integer, timestamptz)": (
        PULL_LOG
    ),
}


def _stamp(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        name, sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
    )


def _release() -> None:
    text = sqlmodel.sql.sqltypes.AutoString
    op.create_table(
        "trend_release",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("table_code", text(), nullable=False),
        sa.Column("period", text(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("rule_set", text(), nullable=False),
        sa.Column("tables_version", text(), nullable=False),
        sa.Column("dimensions", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("cells", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("totals", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("population_vintage", sa.Integer(), nullable=True),
        sa.Column("body_json", sa.LargeBinary(), nullable=False),
        sa.Column("body_csv", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", text(), nullable=False),
        sa.Column("csv_sha256", text(), nullable=False),
        sa.Column("cells_released", sa.Integer(), nullable=False),
        _stamp("released_at"),
        sa.Column("released_by_name", text(), nullable=False),
        sa.Column("audit", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column(
            "change_log",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.CheckConstraint(f"table_code ~ '{CODE}'", name="ck_trend_release_table"),
        sa.CheckConstraint(f"period ~ '{PERIOD}'", name="ck_trend_release_period"),
        sa.CheckConstraint("revision >= 1", name="ck_trend_release_revision"),
        sa.CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name="ck_trend_release_sha256"),
        sa.CheckConstraint("csv_sha256 ~ '^[0-9a-f]{64}$'", name="ck_trend_release_csv_sha256"),
        sa.CheckConstraint("cells_released >= 0", name="ck_trend_release_cells"),
        sa.CheckConstraint(
            "char_length(released_by_name) BETWEEN 1 AND 200", name="ck_trend_release_by"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "unit_id", "table_code", "period", "revision", name="uq_trend_release_revision"
        ),
    )
    for column in (
        "body_json",
        "body_csv",
    ):  # compressed bytes gain nothing; read whole on every pull
        op.execute(f"ALTER TABLE trend_release ALTER COLUMN {column} SET STORAGE EXTERNAL")


def _pull() -> None:
    text = sqlmodel.sql.sqltypes.AutoString
    op.create_table(
        "trend_pull",
        sa.Column("id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        _stamp("at"),
        sa.Column("table_code", text(), nullable=False),
        sa.Column("period", text(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("format", text(), nullable=False),
        sa.Column("client_org", text(), nullable=True),
        sa.Column("consumer_id", text(), nullable=True),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("person_name", text(), nullable=True),
        sa.Column("cells_released", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(client_org IS NULL) <> (person_name IS NULL)", name="ck_trend_pull_who"
        ),
        sa.CheckConstraint("format IN ('json','csv')", name="ck_trend_pull_format"),
        sa.CheckConstraint("cells_released >= 0", name="ck_trend_pull_cells"),
        sa.CheckConstraint("char_length(person_name) <= 200", name="ck_trend_pull_person"),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_trend_pull_unit_at", "trend_pull", ["unit_id", "at", "id"])


def upgrade() -> None:
    _release()
    _pull()
    for table in ("trend_release", "trend_pull"):
        isolate(table, APPEND)
        append_only(table)
        op.execute(f"CREATE POLICY owner_access ON {table} TO CURRENT_USER USING (true)")
    for name, body in FUNCTIONS.items():
        op.execute(body)
        op.execute(f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {name} TO samordna_app")


def downgrade() -> None:
    for name in reversed(FUNCTIONS):
        op.execute(f"DROP FUNCTION {name}")
    for table in ("trend_pull", "trend_release"):
        drop_append_only(table)
    op.drop_index("ix_trend_pull_unit_at", table_name="trend_pull")
    op.drop_table("trend_pull")
    op.drop_table("trend_release")
