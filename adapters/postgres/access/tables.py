"""SQLModel tables of access and login: a person's access to a unit, machine clients, browser
sessions and the unit's access log. Re-exported by ``tables`` so its ``metadata`` is complete."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlmodel import Field, SQLModel

from adapters.postgres.table_helpers import stamp as _stamp


class UserAccountRow(SQLModel, table=True):
    """A person's access to one unit: unit roles, and the staff Person they are (for body roles)."""

    __tablename__ = "user_account"
    __table_args__ = (
        sa.UniqueConstraint("unit_id", "person_key"),
        sa.ForeignKeyConstraint(["unit_id", "person_id"], ["person.unit_id", "person.id"]),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    person_key: str = Field(index=True)
    person_id: UUID | None = None
    roles: list[str] = Field(sa_column=sa.Column(pg.ARRAY(sa.Text()), nullable=False))
    version: int = Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})
    created_at: datetime = _stamp()


class MachineClientRow(SQLModel, table=True):
    """A machine consumer (organisation number) registered with one unit and its allowed scopes."""

    __tablename__ = "machine_client"
    consumer_id: str = Field(primary_key=True)
    unit_id: UUID = Field(primary_key=True, foreign_key="slt_unit.id", ondelete="CASCADE")
    name: str
    scopes: list[str] = Field(sa_column=sa.Column(pg.ARRAY(sa.Text()), nullable=False))
    version: int = Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})
    created_at: datetime = _stamp()


class WebSessionRow(SQLModel, table=True):
    """Browser sessions of the backend-for-frontend. Not tenant data: looked up by cookie hash."""

    __tablename__ = "web_session"
    __table_args__ = (
        sa.CheckConstraint("state IN ('pending','active')", name="ck_web_session_state"),
        sa.Index("ix_web_session_expires_at", "expires_at"),
    )
    id_hash: str = Field(primary_key=True)
    state: str
    person_key: str | None = None
    unit_id: UUID | None = None
    csrf_hash: str | None = None
    acr: str | None = None
    data: dict[str, object] = Field(
        sa_column=sa.Column(pg.JSONB(), nullable=False, server_default=sa.text("'{}'::jsonb"))
    )
    created_at: datetime = _stamp()
    last_seen_at: datetime = _stamp()
    expires_at: datetime = Field(sa_type=sa.DateTime(timezone=True))


class AccessChangeRow(SQLModel, table=True):
    """The access log of a unit: who granted, changed or revoked access, and when (append-only)."""

    __tablename__ = "access_change"
    __table_args__ = (
        sa.CheckConstraint(
            "action IN ('account_granted', 'roles_changed', 'account_revoked',"
            " 'client_registered', 'client_revoked')",
            name="ck_access_change_action",
        ),
        sa.Index("ix_access_change_unit_at", "unit_id", "at"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    at: datetime = _stamp()
    action: str = Field(sa_type=sa.Text())
    actor_person_id: UUID | None = None
    actor_name: str = Field(sa_type=sa.Text())
    target_name: str | None = Field(default=None, sa_type=sa.Text())
    account_id: UUID | None = None
    organisation_number: str | None = Field(default=None, sa_type=sa.Text())
    roles: list[str] = Field(
        sa_column=sa.Column(
            pg.ARRAY(sa.Text()), nullable=False, server_default=sa.text("'{}'::text[]")
        )
    )
    scopes: list[str] = Field(
        sa_column=sa.Column(
            pg.ARRAY(sa.Text()), nullable=False, server_default=sa.text("'{}'::text[]")
        )
    )
