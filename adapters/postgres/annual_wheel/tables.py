"""Annual-wheel room: the SQLModel tables of the annual wheel (templates, generated tasks) and the
calendar feeds' tokens. ``adapters.postgres.tables`` gathers them into one ``metadata``."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from adapters.postgres.table_helpers import stamp as _stamp

_LEVELS = "('steering','coordinating','executive')"
_OWNERS = "('coordinator','chair','secretary')"


def _in_unit(column: str, target: str) -> sa.ForeignKeyConstraint:
    """``(unit_id, column)`` refers to ``target``'s ``(unit_id, id)``: never across units."""
    return sa.ForeignKeyConstraint(["unit_id", column], [f"{target}.unit_id", f"{target}.id"])


class WheelTemplateRow(SQLModel, table=True):
    __tablename__ = "wheel_template"
    __table_args__ = (
        sa.UniqueConstraint("unit_id", "id"),
        # One entry per title and date: two parallel handbook seeds (or a double-clicked create)
        # cannot both write the wheel (migration 0009). No day (the month's end) is one date.
        sa.UniqueConstraint(
            "unit_id",
            "month",
            "day",
            "title",
            name="uq_wheel_template_slot",
            postgresql_nulls_not_distinct=True,
        ),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name="ck_wheel_template_month"),
        sa.CheckConstraint("day BETWEEN 1 AND 31", name="ck_wheel_template_day"),
        sa.CheckConstraint(f"owner_role IN {_OWNERS}", name="ck_wheel_template_owner_role"),
        sa.CheckConstraint(f"body_level IN {_LEVELS}", name="ck_wheel_template_body_level"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    title: str
    month: int
    day: int | None = None
    owner_role: str
    body_level: str | None = None
    description: str | None = None
    active: bool
    version: int = Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class WheelTaskRow(SQLModel, table=True):
    """One template's task in one year: ``uq_wheel_task_template_year`` makes generation
    idempotent under parallel runs (``INSERT … ON CONFLICT DO NOTHING RETURNING``)."""

    __tablename__ = "wheel_task"
    __table_args__ = (
        _in_unit("template_id", "wheel_template"),
        _in_unit("body_id", "body"),
        _in_unit("owner_person_id", "person"),
        sa.UniqueConstraint("unit_id", "template_id", "year", name="uq_wheel_task_template_year"),
        sa.CheckConstraint("extract(year FROM due) = year", name="ck_wheel_task_due_in_year"),
        sa.CheckConstraint(f"owner_role IN {_OWNERS}", name="ck_wheel_task_owner_role"),
        sa.CheckConstraint(f"body_level IN {_LEVELS}", name="ck_wheel_task_body_level"),
        sa.CheckConstraint("status IN ('open','done','cancelled')", name="ck_wheel_task_status"),
        sa.Index("ix_wheel_task_year_due", "unit_id", "year", "due"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    template_id: UUID
    year: int
    title: str
    due: date
    owner_role: str
    body_level: str | None = None
    body_id: UUID | None = None
    owner_person_id: UUID | None = None
    description: str | None = None
    status: str
    version: int = Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class FeedTokenRow(SQLModel, table=True):
    """A calendar feed's token as its keyed hash (never the token). Row-level security lets a
    transaction see a row of any unit only by naming its hash (migration 0007)."""

    __tablename__ = "feed_token"
    __table_args__ = (
        sa.UniqueConstraint("token_hash", name="uq_feed_token_hash"),
        sa.CheckConstraint("scope IN ('person','body')", name="ck_feed_token_scope"),
        sa.Index("ix_feed_token_subject", "unit_id", "scope", "subject_id"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    scope: str
    subject_id: UUID
    token_hash: str
    created_at: datetime = Field(sa_type=sa.DateTime(timezone=True))
    revoked_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))


def _table(row: type[SQLModel]) -> sa.Table:
    return row.__table__  # type: ignore[attr-defined, no-any-return]


WHEEL_TEMPLATE = _table(WheelTemplateRow)
WHEEL_TASK = _table(WheelTaskRow)
FEED_TOKEN = _table(FeedTokenRow)

TENANT_TABLES: dict[str, str] = dict.fromkeys(
    ("wheel_template", "wheel_task", "feed_token"), "unit_id"
)
