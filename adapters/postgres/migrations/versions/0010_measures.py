"""Measures: prevention measures through their lifecycle, their responsible and partner
organisations, stage history, progress notes, evaluations with attached reports, action plans
with focus areas and goals, the unit's settings and the free-text guard's override log;
row-level security forced on each, exactly as the other contexts.

The stage history and the progress notes are append-only in the database: the app role may only
SELECT and INSERT them (no UPDATE, DELETE or TRUNCATE), and a trigger refuses any UPDATE even by
the owner. A measure may be deleted only while proposed; its history goes with it through the
foreign key's cascade, which PostgreSQL runs as the table's owner. Two concurrent transitions of
one measure both write the step after the one they read: ``uq_measure_stage_change_sequence``
lets one win (the measure's own ``UPDATE … WHERE version = $expected`` refuses the other too).
The history replays in the database as well: a step starts where the previous one ended, and at
commit a measure's stage is its last step's (deferred constraint triggers).

Milestones and registry references are JSONB arrays with a CHECK on their shape (see
``adapters/postgres/measures/tables.py`` for why); focus area and goal ids and factor codes are
arrays (the portfolio is one GROUP BY over ``unnest(focus_area_ids)``, GIN-indexed) held like
foreign keys by deferred constraint triggers (only the unit's plans' ids; none removed while a
measure serves it); organisations are rows with foreign keys. Reports are ``bytea`` like agreements' documents, the
PDF or ZIP (DOCX, ODT) magic bytes and the size are constraints.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 13:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ALL = "SELECT, INSERT, UPDATE, DELETE"
# Table → what the app role may do (the history, the notes and the override log only grow).
GRANTS = {
    "measure": ALL,
    "measure_organisation": ALL,
    "measure_settings": ALL,
    "measure_text_override": "SELECT, INSERT",
    "measure_stage_change": "SELECT, INSERT",
    "measure_progress_note": "SELECT, INSERT",
    "evaluation": ALL,
    "evaluation_report": ALL,
    "action_plan": ALL,
    "plan_focus_area": ALL,
    "plan_goal": ALL,
}
APPEND_ONLY = ("measure_stage_change", "measure_progress_note")

REFUSE_UPDATE = """
CREATE FUNCTION samordna_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: its rows are never changed', TG_TABLE_NAME
    USING ERRCODE = 'check_violation', CONSTRAINT = 'tg_' || TG_TABLE_NAME || '_append_only',
          TABLE = TG_TABLE_NAME;
END
$$
"""


# A measure's focus areas and goals are arrays (no foreign key can hold them), so two deferred
# constraint triggers stand in for one, checked at commit as a deferred foreign key would be:
# every id a measure names exists among the unit's plans' rows, and a focus area or goal a
# measure still names is not removed (a plan's tree is rewritten with the same ids, so a row
# deleted and inserted again in one transaction passes).
LINKS_EXIST = """
CREATE FUNCTION samordna_measure_links_exist() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE fa uuid[]; g uuid[];
BEGIN
  SELECT focus_area_ids, goal_ids INTO fa, g FROM measure WHERE id = NEW.id;
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF EXISTS (SELECT FROM unnest(fa) AS x(id) WHERE NOT EXISTS (
      SELECT FROM plan_focus_area p WHERE p.unit_id = NEW.unit_id AND p.id = x.id)) THEN
    RAISE EXCEPTION 'a measure names a focus area that does not exist'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'tg_measure_focus_areas_exist',
            TABLE = 'measure';
  END IF;
  IF EXISTS (SELECT FROM unnest(g) AS x(id) WHERE NOT EXISTS (
      SELECT FROM plan_goal p WHERE p.unit_id = NEW.unit_id AND p.id = x.id)) THEN
    RAISE EXCEPTION 'a measure names a goal that does not exist'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'tg_measure_goals_exist',
            TABLE = 'measure';
  END IF;
  RETURN NULL;
END
$$
"""
LINKS_UNUSED = """
CREATE FUNCTION samordna_plan_links_unused() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'plan_focus_area' THEN
    IF NOT EXISTS (SELECT FROM plan_focus_area WHERE id = OLD.id) AND EXISTS (
        SELECT FROM measure m WHERE m.unit_id = OLD.unit_id AND m.focus_area_ids @> ARRAY[OLD.id]) THEN
      RAISE EXCEPTION 'a measure still serves this focus area'
        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'tg_plan_focus_area_in_use',
              TABLE = TG_TABLE_NAME;
    END IF;
  ELSIF NOT EXISTS (SELECT FROM plan_goal WHERE id = OLD.id) AND EXISTS (
      SELECT FROM measure m WHERE m.unit_id = OLD.unit_id AND m.goal_ids @> ARRAY[OLD.id]) THEN
    RAISE EXCEPTION 'a measure still serves this goal'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'tg_plan_goal_in_use',
            TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END
$$
"""
LINK_TRIGGERS = {
    "tg_measure_links_exist": (
        "AFTER INSERT OR UPDATE OF focus_area_ids, goal_ids ON measure",
        "samordna_measure_links_exist",
    ),
    "tg_plan_focus_area_in_use": ("AFTER DELETE ON plan_focus_area", "samordna_plan_links_unused"),
    "tg_plan_goal_in_use": ("AFTER DELETE ON plan_goal", "samordna_plan_links_unused"),
}


def _links() -> None:
    op.execute(LINKS_EXIST)
    op.execute(LINKS_UNUSED)
    for name, (when, function) in LINK_TRIGGERS.items():
        op.execute(
            f"CREATE CONSTRAINT TRIGGER {name} {when} DEFERRABLE INITIALLY DEFERRED"
            f" FOR EACH ROW EXECUTE FUNCTION {function}()"
        )


# The history replays to the measure's stage, in the database too: each step starts where the
# previous one ended (checked as it is written), and at commit a measure's stage is its last
# step's (a stage changed without its step, or a step without the stage, is refused).
CHAIN = """
CREATE FUNCTION samordna_stage_change_chains() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.sequence > 1 AND NOT EXISTS (
      SELECT FROM measure_stage_change p WHERE p.unit_id = NEW.unit_id
         AND p.measure_id = NEW.measure_id AND p.sequence = NEW.sequence - 1
         AND p.to_stage = NEW.from_stage) THEN
    RAISE EXCEPTION 'a stage change starts where the previous one ended'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'tg_measure_stage_change_chain',
            TABLE = 'measure_stage_change';
  END IF;
  RETURN NEW;
END
$$
"""
RECORDED = """
CREATE FUNCTION samordna_measure_stage_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE mid uuid; current text; last text;
BEGIN
  IF TG_TABLE_NAME = 'measure' THEN mid := NEW.id; ELSE mid := NEW.measure_id; END IF;
  SELECT stage INTO current FROM measure WHERE id = mid;
  IF NOT FOUND THEN RETURN NULL; END IF;
  SELECT to_stage INTO last FROM measure_stage_change WHERE measure_id = mid
   ORDER BY sequence DESC LIMIT 1;
  IF last IS DISTINCT FROM current THEN
    RAISE EXCEPTION 'a measure''s stage is the last step of its history'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'tg_measure_stage_recorded',
            TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END
$$
"""


def _history() -> None:
    op.execute(CHAIN)
    op.execute(
        "CREATE TRIGGER tg_measure_stage_change_chain BEFORE INSERT ON measure_stage_change"
        " FOR EACH ROW EXECUTE FUNCTION samordna_stage_change_chains()"
    )
    op.execute(RECORDED)
    for when in (
        "AFTER INSERT OR UPDATE OF stage ON measure",
        "AFTER INSERT ON measure_stage_change",
    ):
        table = when.rsplit(" ", 1)[1]
        op.execute(
            f"CREATE CONSTRAINT TRIGGER tg_{table}_stage_recorded {when}"
            " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
            " EXECUTE FUNCTION samordna_measure_stage_recorded()"
        )


def _secure() -> None:
    for table, rights in GRANTS.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY unit_isolation ON {table} "
            "USING (unit_id = samordna_current_unit()) "
            "WITH CHECK (unit_id = samordna_current_unit())"
        )
        op.execute(f"GRANT {rights} ON {table} TO samordna_app")
    op.execute(REFUSE_UPDATE)
    for table in APPEND_ONLY:
        op.execute(
            f"CREATE TRIGGER tg_{table}_append_only BEFORE UPDATE ON {table}"
            " FOR EACH ROW EXECUTE FUNCTION samordna_append_only()"
        )
        op.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM samordna_app")


def upgrade() -> None:
    op.create_table(
        "action_plan",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("weighting", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("adopted", sa.Boolean(), nullable=False),
        sa.Column("decision_id", sa.Uuid(), nullable=True),
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
        sa.CheckConstraint("weighting IN ('equal','budget')", name="ck_action_plan_weighting"),
        sa.CheckConstraint("adopted = (decision_id IS NOT NULL)", name="ck_action_plan_adopted"),
        sa.CheckConstraint("char_length(title) BETWEEN 1 AND 200", name="ck_action_plan_title"),
        sa.CheckConstraint("period_end > period_start", name="ck_action_plan_period"),
        sa.CheckConstraint("version >= 1", name="ck_action_plan_version"),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "id"),
    )
    op.create_index(
        "ix_action_plan_unit_period", "action_plan", ["unit_id", "period_start"], unique=False
    )
    op.create_table(
        "measure_settings",
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("evaluation_threshold_nok", sa.Integer(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "evaluation_threshold_nok BETWEEN 0 AND 1000000000",
            name="ck_measure_settings_threshold",
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("unit_id"),
    )
    op.create_table(
        "measure_text_override",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("measure_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("subject_key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("field", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("rule", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("counts", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_measure_text_override_measure",
        "measure_text_override",
        ["unit_id", "measure_id"],
        unique=False,
    )
    op.create_table(
        "plan_focus_area",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("strategies", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.CheckConstraint("char_length(title) BETWEEN 1 AND 200", name="ck_plan_focus_area_title"),
        sa.CheckConstraint("weight BETWEEN 0 AND 100", name="ck_plan_focus_area_weight"),
        sa.ForeignKeyConstraint(
            ["unit_id", "plan_id"], ["action_plan.unit_id", "action_plan.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("plan_id", "position", name="uq_plan_focus_area_position"),
        sa.UniqueConstraint("unit_id", "id"),
    )
    op.create_index(
        "ix_plan_focus_area_plan", "plan_focus_area", ["unit_id", "plan_id"], unique=False
    )
    op.create_table(
        "measure",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("problem", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("tier", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("target_group", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("target_age_min", sa.Integer(), nullable=True),
        sa.Column("target_age_max", sa.Integer(), nullable=True),
        sa.Column(
            "focus_area_ids", postgresql.ARRAY(sa.Uuid()), server_default="{}", nullable=False
        ),
        sa.Column("goal_ids", postgresql.ARRAY(sa.Uuid()), server_default="{}", nullable=False),
        sa.Column("owner_person_id", sa.Uuid(), nullable=True),
        sa.Column("budget_nok", sa.Integer(), nullable=True),
        sa.Column("staff_hours", sa.Integer(), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column(
            "milestones",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default="[]",
            nullable=False,
        ),
        sa.Column("risk_factors", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column(
            "protective_factors", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False
        ),
        sa.Column("evidence", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column(
            "registry_references",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default="[]",
            nullable=False,
        ),
        sa.Column("evaluation_aspects", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("evaluation_method", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("evaluation_performer", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("evaluation_performer_name", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("evaluation_due_on", sa.Date(), nullable=True),
        sa.Column("new_or_trial", sa.Boolean(), nullable=False),
        sa.Column("transferable", sa.Boolean(), nullable=False),
        sa.Column("risk_of_negative_effects", sa.Boolean(), nullable=False),
        sa.Column("strategy_anchored", sa.Boolean(), nullable=False),
        sa.Column("stage", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("decision_id", sa.Uuid(), nullable=True),
        sa.Column("closing_note", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("proposed_by_person_id", sa.Uuid(), nullable=True),
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
            "(evaluation_method IS NULL) = (evaluation_performer IS NULL) AND (evaluation_method IS NULL) = (evaluation_due_on IS NULL) AND (evaluation_method IS NULL) = (evaluation_aspects IS NULL) AND (evaluation_performer IS NULL OR evaluation_performer IN ('internal','joint','external')) AND (evaluation_aspects IS NULL OR evaluation_aspects <@ ARRAY['effect','implementation','user_experience','participation']::text[])",
            name="ck_measure_evaluation_plan",
        ),
        sa.CheckConstraint(
            "evidence IN ('documented','experience_based','unknown')", name="ck_measure_evidence"
        ),
        sa.CheckConstraint(
            "jsonb_typeof(milestones) = 'array' AND jsonb_array_length(milestones) <= 50",
            name="ck_measure_milestones",
        ),
        sa.CheckConstraint(
            "jsonb_typeof(registry_references) = 'array' AND jsonb_array_length(registry_references) <= 30",
            name="ck_measure_registry_references",
        ),
        sa.CheckConstraint(
            "stage IN ('proposed','assessed','decided','active','evaluated','concluded','continued','rejected','stopped')",
            name="ck_measure_stage",
        ),
        sa.CheckConstraint(
            "stage IN ('proposed','assessed','rejected') OR decision_id IS NOT NULL",
            name="ck_measure_decided",
        ),
        sa.CheckConstraint("tier IN ('universal','selective','indicated')", name="ck_measure_tier"),
        sa.CheckConstraint(
            "budget_nok BETWEEN 0 AND 1000000000 AND staff_hours BETWEEN 0 AND 1000000",
            name="ck_measure_resources",
        ),
        sa.CheckConstraint("char_length(problem) BETWEEN 1 AND 4000", name="ck_measure_problem"),
        sa.CheckConstraint("char_length(title) BETWEEN 1 AND 200", name="ck_measure_title"),
        sa.CheckConstraint("end_on >= start_on", name="ck_measure_period"),
        sa.CheckConstraint(
            "target_age_min BETWEEN 0 AND 25 AND target_age_max BETWEEN 0 AND 25 AND target_age_min <= target_age_max",
            name="ck_measure_age_range",
        ),
        sa.CheckConstraint("version >= 1", name="ck_measure_version"),
        sa.ForeignKeyConstraint(
            ["unit_id", "owner_person_id"],
            ["person.unit_id", "person.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "id"),
    )
    op.create_index(
        "ix_measure_focus_areas",
        "measure",
        ["focus_area_ids"],
        unique=False,
        postgresql_using="gin",
    )
    op.create_index(
        "ix_measure_goals", "measure", ["goal_ids"], unique=False, postgresql_using="gin"
    )
    op.create_index(
        "ix_measure_unit_owner", "measure", ["unit_id", "owner_person_id"], unique=False
    )
    op.create_index("ix_measure_unit_stage", "measure", ["unit_id", "stage"], unique=False)
    op.create_index(
        "ix_measure_unit_title",
        "measure",
        ["unit_id", sa.literal_column("lower(title)")],
        unique=False,
    )
    op.create_table(
        "plan_goal",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("focus_area_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.CheckConstraint("char_length(title) BETWEEN 1 AND 200", name="ck_plan_goal_title"),
        sa.CheckConstraint("weight BETWEEN 0 AND 100", name="ck_plan_goal_weight"),
        sa.ForeignKeyConstraint(
            ["unit_id", "focus_area_id"],
            ["plan_focus_area.unit_id", "plan_focus_area.id"],
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("focus_area_id", "position", name="uq_plan_goal_position"),
    )
    op.create_index(
        "ix_plan_goal_focus_area", "plan_goal", ["unit_id", "focus_area_id"], unique=False
    )
    op.create_table(
        "evaluation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("measure_id", sa.Uuid(), nullable=False),
        sa.Column("aspects", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("performer", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("method", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("performer_name", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("findings", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("conclusion", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("completed_on", sa.Date(), nullable=True),
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
            "aspects <@ ARRAY['effect','implementation','user_experience','participation']::text[]",
            name="ck_evaluation_aspects",
        ),
        sa.CheckConstraint(
            "conclusion IS NULL OR (conclusion IN ('continue','adjust','stop') AND findings IS NOT NULL AND completed_on IS NOT NULL)",
            name="ck_evaluation_conclusion",
        ),
        sa.CheckConstraint(
            "performer IN ('internal','joint','external')", name="ck_evaluation_performer"
        ),
        sa.CheckConstraint("version >= 1", name="ck_evaluation_version"),
        sa.ForeignKeyConstraint(
            ["unit_id", "measure_id"], ["measure.unit_id", "measure.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "id"),
    )
    op.create_index(
        "ix_evaluation_due",
        "evaluation",
        ["unit_id", "due_on"],
        unique=False,
        postgresql_where=sa.text("conclusion IS NULL"),
    )
    op.create_index("ix_evaluation_measure", "evaluation", ["unit_id", "measure_id"], unique=False)
    op.create_table(
        "measure_organisation",
        sa.Column("measure_id", sa.Uuid(), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "role IN ('responsible','partner')", name="ck_measure_organisation_role"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "measure_id"], ["measure.unit_id", "measure.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "organisation_id"],
            ["organisation.unit_id", "organisation.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("measure_id", "role", "organisation_id"),
        sa.UniqueConstraint(
            "measure_id", "role", "position", name="uq_measure_organisation_position"
        ),
    )
    op.create_index(
        "ix_measure_organisation_organisation",
        "measure_organisation",
        ["unit_id", "organisation_id"],
        unique=False,
    )
    op.create_table(
        "measure_progress_note",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("measure_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author_person_id", sa.Uuid(), nullable=True),
        sa.Column("author_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.CheckConstraint(
            "char_length(text) BETWEEN 1 AND 4000", name="ck_measure_progress_note_text"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "measure_id"], ["measure.unit_id", "measure.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_measure_progress_note_measure",
        "measure_progress_note",
        ["unit_id", "measure_id", "at"],
        unique=False,
    )
    op.create_table(
        "measure_stage_change",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("measure_id", sa.Uuid(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("from_stage", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("to_stage", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_person_id", sa.Uuid(), nullable=True),
        sa.Column("actor_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("decision_id", sa.Uuid(), nullable=True),
        sa.Column("decision_label", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.CheckConstraint(
            "sequence >= 1 AND (sequence = 1) = (from_stage IS NULL) AND (sequence > 1 OR to_stage = 'proposed')",
            name="ck_measure_stage_change_sequence",
        ),
        sa.CheckConstraint(
            "to_stage IN ('proposed','assessed','decided','active','evaluated','concluded','continued','rejected','stopped') AND (from_stage IS NULL OR from_stage IN ('proposed','assessed','decided','active','evaluated','concluded','continued','rejected','stopped'))",
            name="ck_measure_stage_change_stages",
        ),
        sa.CheckConstraint("char_length(reason) <= 1000", name="ck_measure_stage_change_reason"),
        sa.ForeignKeyConstraint(
            ["unit_id", "measure_id"], ["measure.unit_id", "measure.id"], ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("measure_id", "sequence", name="uq_measure_stage_change_sequence"),
    )
    op.create_table(
        "evaluation_report",
        sa.Column("evaluation_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("filename", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("media_type", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint(
            "(media_type = 'application/pdf' AND substring(content FROM 1 FOR 5) = '\\x255044462d'::bytea) OR (media_type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' AND substring(content FROM 1 FOR 4) = '\\x504b0304'::bytea) OR (media_type = 'application/vnd.oasis.opendocument.text' AND substring(content FROM 1 FOR 4) = '\\x504b0304'::bytea)",
            name="ck_evaluation_report_type",
        ),
        sa.CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name="ck_evaluation_report_sha256"),
        sa.CheckConstraint(
            "char_length(filename) BETWEEN 1 AND 200", name="ck_evaluation_report_filename"
        ),
        sa.CheckConstraint(
            "size_bytes BETWEEN 1 AND 20971520 AND octet_length(content) = size_bytes",
            name="ck_evaluation_report_size",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "evaluation_id"],
            ["evaluation.unit_id", "evaluation.id"],
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["slt_unit.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("evaluation_id"),
    )

    op.execute("ALTER TABLE evaluation_report ALTER COLUMN content SET STORAGE EXTERNAL")
    _secure()
    _links()
    _history()


def downgrade() -> None:
    for table in ("measure", "measure_stage_change"):
        op.execute(f"DROP TRIGGER tg_{table}_stage_recorded ON {table}")
    op.execute("DROP TRIGGER tg_measure_stage_change_chain ON measure_stage_change")
    op.execute("DROP FUNCTION samordna_measure_stage_recorded()")
    op.execute("DROP FUNCTION samordna_stage_change_chains()")
    for name, (when, _) in LINK_TRIGGERS.items():
        op.execute(f"DROP TRIGGER {name} ON {when.rsplit(' ', 1)[1]}")
    op.execute("DROP FUNCTION samordna_measure_links_exist()")
    op.execute("DROP FUNCTION samordna_plan_links_unused()")
    for table in APPEND_ONLY:
        op.execute(f"DROP TRIGGER tg_{table}_append_only ON {table}")
    op.execute("DROP FUNCTION samordna_append_only()")
    for table in reversed(GRANTS):
        op.drop_table(table)
