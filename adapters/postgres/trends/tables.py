"""Trends PostgreSQL room: the SQLModel tables of frozen TREND-A releases and the pull log
(migration 0015 creates the same, plus row-level security, the append-only triggers and the
district functions police systems read through)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlmodel import Field, SQLModel

from adapters.postgres.table_helpers import stamp as _stamp

CODE = "^[a-z0-9][a-z0-9-]{0,63}$"
PERIOD = "^[0-9]{4}(H[12])?$"
NAME_MAX = 200


class TrendReleaseRow(SQLModel, table=True):
    """One table of one released period, frozen: the canonical bytes (JSON and CSV), their
    SHA-256, the audit and the change log against the previous revision. Never updated."""

    __tablename__ = "trend_release"
    __table_args__ = (
        sa.UniqueConstraint(
            "unit_id", "table_code", "period", "revision", name="uq_trend_release_revision"
        ),
        sa.CheckConstraint(f"table_code ~ '{CODE}'", name="ck_trend_release_table"),
        sa.CheckConstraint(f"period ~ '{PERIOD}'", name="ck_trend_release_period"),
        sa.CheckConstraint("revision >= 1", name="ck_trend_release_revision"),
        sa.CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name="ck_trend_release_sha256"),
        sa.CheckConstraint("csv_sha256 ~ '^[0-9a-f]{64}$'", name="ck_trend_release_csv_sha256"),
        sa.CheckConstraint("cells_released >= 0", name="ck_trend_release_cells"),
        sa.CheckConstraint(
            f"char_length(released_by_name) BETWEEN 1 AND {NAME_MAX}", name="ck_trend_release_by"
        ),
    )
    id: UUID = Field(
        primary_key=True, sa_column_kwargs={"server_default": sa.text("gen_random_uuid()")}
    )
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    table_code: str
    period: str
    revision: int
    rule_set: str
    tables_version: str
    dimensions: list[str] = Field(sa_type=pg.ARRAY(sa.Text()))
    cells: list[Any] = Field(sa_type=pg.JSONB)  # [[dims, value | null, flags], ...]
    totals: list[Any] = Field(sa_type=pg.JSONB)
    population_vintage: int | None = None
    body_json: bytes = Field(sa_type=sa.LargeBinary())
    body_csv: bytes = Field(sa_type=sa.LargeBinary())
    sha256: str  # of body_json (its ETag)
    csv_sha256: str
    cells_released: int
    released_at: datetime = _stamp()
    released_by_name: str
    audit: dict[str, Any] = Field(sa_type=pg.JSONB)
    change_log: list[Any] = Field(
        sa_type=pg.JSONB, sa_column_kwargs={"server_default": sa.text("'[]'::jsonb")}
    )


class TrendPullRow(SQLModel, table=True):
    """One pull of a frozen table, in the pulled unit's log: a client organisation (a police
    system) or a person of the unit, never both."""

    __tablename__ = "trend_pull"
    __table_args__ = (
        sa.CheckConstraint(
            "(client_org IS NULL) <> (person_name IS NULL)", name="ck_trend_pull_who"
        ),
        sa.CheckConstraint("format IN ('json','csv')", name="ck_trend_pull_format"),
        sa.CheckConstraint("cells_released >= 0", name="ck_trend_pull_cells"),
        sa.CheckConstraint(f"char_length(person_name) <= {NAME_MAX}", name="ck_trend_pull_person"),
        sa.Index("ix_trend_pull_unit_at", "unit_id", "at", "id"),
    )
    id: UUID = Field(
        primary_key=True, sa_column_kwargs={"server_default": sa.text("gen_random_uuid()")}
    )
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    at: datetime = _stamp()
    table_code: str
    period: str
    revision: int
    format: str
    client_org: str | None = None
    consumer_id: str | None = None
    person_id: UUID | None = None
    person_name: str | None = None
    cells_released: int


TENANT_TABLES: dict[str, str] = dict.fromkeys(("trend_release", "trend_pull"), "unit_id")
