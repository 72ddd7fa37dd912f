"""Measures room: the SQLModel tables of the measure itself — the measure row, its responsible and
partner organisations, the unit's settings and the free-text guard's override log.

Id lists the store never joins on (focus areas, goals, factor codes) are arrays: the portfolio
counts over ``unnest(focus_area_ids)`` in one GROUP BY, and a focus area's measures are found
with ``@>`` on a GIN index; deferred constraint triggers (migration 0010) hold the focus area and
goal ids like foreign keys. Organisations are rows with foreign keys (an organisation that is
responsible for a measure cannot be deleted, only marked inactive), like agreements' parties.
Milestones and registry references are JSONB arrays with a CHECK on their shape: they are read
and written whole with the measure (the measure's version covers them), never queried one by
one, and their ids are stable inside the array. The evaluation plan is flat columns, all or none.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlmodel import Field, SQLModel

from adapters.postgres.table_helpers import stamp as _stamp
from domain.measures import limits

STAGES = (
    "('proposed','assessed','decided','active','evaluated','concluded','continued',"
    "'rejected','stopped')"
)
TIERS = "('universal','selective','indicated')"
EVIDENCE = "('documented','experience_based','unknown')"
PERFORMERS = "('internal','joint','external')"
ASPECTS = "ARRAY['effect','implementation','user_experience','participation']::text[]"
# Stages a measure reaches only through a coordinating body's decision.
UNDECIDED = "('proposed','assessed','rejected')"


def in_unit(
    columns: list[str], target: str, ondelete: str | None = None
) -> sa.ForeignKeyConstraint:
    """``(unit_id, column)`` refers to ``target``'s ``(unit_id, id)``: never across units."""
    return sa.ForeignKeyConstraint(
        ["unit_id", *columns], [f"{target}.unit_id", f"{target}.id"], ondelete=ondelete
    )


def version() -> Any:
    return Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})


def uuids() -> Any:
    return Field(sa_type=pg.ARRAY(sa.Uuid()), sa_column_kwargs={"server_default": "{}"})


def texts() -> Any:
    return Field(sa_type=pg.ARRAY(sa.Text()), sa_column_kwargs={"server_default": "{}"})


def jsonb_array(column: str, most: int, name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(
        f"jsonb_typeof({column}) = 'array' AND jsonb_array_length({column}) <= {most}", name=name
    )


class MeasureRow(SQLModel, table=True):
    __tablename__ = "measure"
    __table_args__ = (
        sa.UniqueConstraint("unit_id", "id"),
        in_unit(["owner_person_id"], "person"),
        sa.CheckConstraint(
            f"char_length(title) BETWEEN 1 AND {limits.TITLE_MAX}", name="ck_measure_title"
        ),
        sa.CheckConstraint(
            f"char_length(problem) BETWEEN 1 AND {limits.TEXT_MAX}", name="ck_measure_problem"
        ),
        sa.CheckConstraint(f"tier IN {TIERS}", name="ck_measure_tier"),
        sa.CheckConstraint(f"stage IN {STAGES}", name="ck_measure_stage"),
        sa.CheckConstraint(f"evidence IN {EVIDENCE}", name="ck_measure_evidence"),
        sa.CheckConstraint(
            f"target_age_min BETWEEN {limits.AGE_MIN} AND {limits.AGE_MAX}"
            f" AND target_age_max BETWEEN {limits.AGE_MIN} AND {limits.AGE_MAX}"
            " AND target_age_min <= target_age_max",
            name="ck_measure_age_range",
        ),
        sa.CheckConstraint("end_on >= start_on", name="ck_measure_period"),
        sa.CheckConstraint(
            f"budget_nok BETWEEN 0 AND {limits.BUDGET_MAX_NOK}"
            f" AND staff_hours BETWEEN 0 AND {limits.STAFF_HOURS_MAX}",
            name="ck_measure_resources",
        ),
        sa.CheckConstraint(
            "(evaluation_method IS NULL) = (evaluation_performer IS NULL)"
            " AND (evaluation_method IS NULL) = (evaluation_due_on IS NULL)"
            " AND (evaluation_method IS NULL) = (evaluation_aspects IS NULL)"
            f" AND (evaluation_performer IS NULL OR evaluation_performer IN {PERFORMERS})"
            f" AND (evaluation_aspects IS NULL OR evaluation_aspects <@ {ASPECTS})",
            name="ck_measure_evaluation_plan",
        ),
        jsonb_array("milestones", limits.MILESTONES_MAX, "ck_measure_milestones"),
        jsonb_array("registry_references", limits.LIST_MAX, "ck_measure_registry_references"),
        sa.CheckConstraint(
            f"stage IN {UNDECIDED} OR decision_id IS NOT NULL", name="ck_measure_decided"
        ),
        sa.CheckConstraint("version >= 1", name="ck_measure_version"),
        sa.Index("ix_measure_unit_title", "unit_id", sa.text("lower(title)")),
        sa.Index("ix_measure_unit_stage", "unit_id", "stage"),
        sa.Index("ix_measure_unit_owner", "unit_id", "owner_person_id"),
        sa.Index("ix_measure_focus_areas", "focus_area_ids", postgresql_using="gin"),
        sa.Index("ix_measure_goals", "goal_ids", postgresql_using="gin"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    title: str
    problem: str
    tier: str
    description: str | None = None
    target_group: str | None = None
    target_age_min: int | None = None
    target_age_max: int | None = None
    focus_area_ids: list[UUID] = uuids()
    goal_ids: list[UUID] = uuids()
    owner_person_id: UUID | None = None
    budget_nok: int | None = None
    staff_hours: int | None = None
    start_on: date | None = None
    end_on: date | None = None
    milestones: list[dict[str, Any]] = Field(
        sa_type=pg.JSONB, sa_column_kwargs={"server_default": "[]"}
    )
    risk_factors: list[str] = texts()
    protective_factors: list[str] = texts()
    evidence: str
    registry_references: list[dict[str, Any]] = Field(
        sa_type=pg.JSONB, sa_column_kwargs={"server_default": "[]"}
    )
    evaluation_aspects: list[str] | None = Field(default=None, sa_type=pg.ARRAY(sa.Text()))
    evaluation_method: str | None = None
    evaluation_performer: str | None = None
    evaluation_performer_name: str | None = None
    evaluation_due_on: date | None = None
    new_or_trial: bool
    transferable: bool
    risk_of_negative_effects: bool
    strategy_anchored: bool
    stage: str
    decision_id: UUID | None = None  # the meetings context's decision (read through its port)
    closing_note: str | None = None
    proposed_by_person_id: UUID | None = None
    version: int = version()
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class MeasureOrganisationRow(SQLModel, table=True):
    """A responsible or partner organisation of the same unit, in its place on the measure."""

    __tablename__ = "measure_organisation"
    __table_args__ = (
        in_unit(["measure_id"], "measure", ondelete="CASCADE"),
        in_unit(["organisation_id"], "organisation"),
        sa.CheckConstraint(
            "role IN ('responsible','partner')", name="ck_measure_organisation_role"
        ),
        sa.UniqueConstraint(
            "measure_id", "role", "position", name="uq_measure_organisation_position"
        ),
        sa.Index("ix_measure_organisation_organisation", "unit_id", "organisation_id"),
    )
    measure_id: UUID = Field(primary_key=True)
    role: str = Field(primary_key=True)
    organisation_id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    position: int


class MeasureSettingsRow(SQLModel, table=True):
    """The unit's settings for measures; no row means the defaults."""

    __tablename__ = "measure_settings"
    __table_args__ = (
        sa.CheckConstraint(
            f"evaluation_threshold_nok BETWEEN 0 AND {limits.BUDGET_MAX_NOK}",
            name="ck_measure_settings_threshold",
        ),
    )
    unit_id: UUID = Field(primary_key=True, foreign_key="slt_unit.id", ondelete="CASCADE")
    evaluation_threshold_nok: int
    updated_at: datetime = _stamp()


class MeasureTextOverrideRow(SQLModel, table=True):
    """An override of the free-text guard on a measure's text: why, which field, kinds and
    counts — never the text. Kept when the measure is deleted (the log outlives what it logs)."""

    __tablename__ = "measure_text_override"
    __table_args__ = (sa.Index("ix_measure_text_override_measure", "unit_id", "measure_id"),)
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    measure_id: UUID
    person_id: UUID | None = None
    subject_key: str
    field: str
    reason: str
    rule: str | None = None
    counts: dict[str, int] = Field(sa_type=pg.JSONB)
    at: datetime = Field(sa_type=sa.DateTime(timezone=True))


def table(row: type[SQLModel]) -> sa.Table:
    return row.__table__  # type: ignore[attr-defined, no-any-return]


MEASURE = table(MeasureRow)
MEASURE_ORGANISATION = table(MeasureOrganisationRow)
MEASURE_SETTINGS = table(MeasureSettingsRow)
MEASURE_TEXT_OVERRIDE = table(MeasureTextOverrideRow)
