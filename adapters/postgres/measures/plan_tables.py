"""Measures room: the SQLModel tables of the action plans — the plan, its focus areas (with their
strategies) and their goals as rows with stable ids, since measures refer to focus areas and
goals by id. A plan's tree is written whole (``plans.py``); an adopted plan has its decision."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from adapters.postgres.measures.tables import in_unit, table, texts, version
from adapters.postgres.table_helpers import stamp as _stamp
from domain.measures import limits


class ActionPlanRow(SQLModel, table=True):
    __tablename__ = "action_plan"
    __table_args__ = (
        sa.UniqueConstraint("unit_id", "id"),
        sa.CheckConstraint(
            f"char_length(title) BETWEEN 1 AND {limits.TITLE_MAX}", name="ck_action_plan_title"
        ),
        sa.CheckConstraint("period_end > period_start", name="ck_action_plan_period"),
        sa.CheckConstraint("weighting IN ('equal','budget')", name="ck_action_plan_weighting"),
        sa.CheckConstraint("adopted = (decision_id IS NOT NULL)", name="ck_action_plan_adopted"),
        sa.CheckConstraint("version >= 1", name="ck_action_plan_version"),
        sa.Index("ix_action_plan_unit_period", "unit_id", "period_start"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    title: str
    description: str | None = None
    period_start: date
    period_end: date
    weighting: str
    adopted: bool
    decision_id: UUID | None = None  # the steering body's decision (the meetings context's)
    version: int = version()
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class FocusAreaRow(SQLModel, table=True):
    __tablename__ = "plan_focus_area"
    __table_args__ = (
        sa.UniqueConstraint("unit_id", "id"),
        in_unit(["plan_id"], "action_plan", ondelete="CASCADE"),
        sa.UniqueConstraint("plan_id", "position", name="uq_plan_focus_area_position"),
        sa.CheckConstraint(
            f"char_length(title) BETWEEN 1 AND {limits.TITLE_MAX}",
            name="ck_plan_focus_area_title",
        ),
        sa.CheckConstraint(
            f"weight BETWEEN 0 AND {limits.WEIGHT_MAX}", name="ck_plan_focus_area_weight"
        ),
        sa.Index("ix_plan_focus_area_plan", "unit_id", "plan_id"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    plan_id: UUID
    position: int
    title: str
    strategies: list[str] = texts()
    weight: int


class GoalRow(SQLModel, table=True):
    __tablename__ = "plan_goal"
    __table_args__ = (
        in_unit(["focus_area_id"], "plan_focus_area", ondelete="CASCADE"),
        sa.UniqueConstraint("focus_area_id", "position", name="uq_plan_goal_position"),
        sa.CheckConstraint(
            f"char_length(title) BETWEEN 1 AND {limits.TITLE_MAX}", name="ck_plan_goal_title"
        ),
        sa.CheckConstraint(f"weight BETWEEN 0 AND {limits.WEIGHT_MAX}", name="ck_plan_goal_weight"),
        sa.Index("ix_plan_goal_focus_area", "unit_id", "focus_area_id"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    focus_area_id: UUID
    position: int
    title: str
    weight: int


ACTION_PLAN = table(ActionPlanRow)
FOCUS_AREA = table(FocusAreaRow)
GOAL = table(GoalRow)

# Every table of the context, as ``adapters.postgres.tables.TENANT_TABLES`` lists them.
TENANT_TABLES: dict[str, str] = dict.fromkeys(
    (
        "measure",
        "measure_organisation",
        "measure_settings",
        "measure_text_override",
        "measure_stage_change",
        "measure_progress_note",
        "evaluation",
        "evaluation_report",
        "action_plan",
        "plan_focus_area",
        "plan_goal",
    ),
    "unit_id",
)
