"""Organisation room: the SQLModel tables of the organisation context (units, reference data,
establishment, organisations, persons, bodies, memberships). ``adapters.postgres.tables`` gathers
them with every other context's into one ``metadata``; the Core ``sa.Table`` objects below are
what the repositories use."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlmodel import Field, SQLModel

from adapters.postgres.table_helpers import stamp as _stamp

# A membership's period: valid_to is its last day, so both ends are inclusive.
_PERIOD = sa.text("daterange(valid_from, valid_to, '[]')")


def _same(column: str) -> Any:
    """Equality that GiST can index without btree_gist (migration 0002 creates ``uuidrange``)."""
    return sa.text(f"uuidrange({column}, {column}, '[]')")


class PoliceDistrictRow(SQLModel, table=True):
    __tablename__ = "police_district"
    code: str = Field(primary_key=True)
    name: str


class MunicipalityRow(SQLModel, table=True):
    __tablename__ = "municipality"
    number: str = Field(primary_key=True, max_length=4)
    name: str
    county: str
    police_district: str = Field(foreign_key="police_district.code")


class OsloDistrictRow(SQLModel, table=True):
    __tablename__ = "oslo_district"
    number: str = Field(primary_key=True, max_length=6)
    name: str


class SltUnitRow(SQLModel, table=True):
    __tablename__ = "slt_unit"
    id: UUID = Field(primary_key=True)
    name: str
    kind: str
    police_district: str = Field(foreign_key="police_district.code")
    oslo_district_number: str | None = Field(default=None, foreign_key="oslo_district.number")
    language: str = Field(default="nb", sa_column_kwargs={"server_default": "nb"})
    version: int = Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class UnitMunicipalityRow(SQLModel, table=True):
    __tablename__ = "slt_unit_municipality"
    unit_id: UUID = Field(primary_key=True, foreign_key="slt_unit.id", ondelete="CASCADE")
    municipality_number: str = Field(primary_key=True, foreign_key="municipality.number")
    position: int = Field(default=0, sa_column_kwargs={"server_default": sa.text("0")})


class EstablishmentRow(SQLModel, table=True):
    __tablename__ = "establishment"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["unit_id", "coordinator_person_id"], ["person.unit_id", "person.id"]
        ),
        sa.ForeignKeyConstraint(
            ["unit_id", "police_contact_person_id"], ["person.unit_id", "person.id"]
        ),
    )
    unit_id: UUID = Field(primary_key=True, foreign_key="slt_unit.id", ondelete="CASCADE")
    municipal_decision_date: date | None = None
    municipal_decision_ref: str | None = None
    police_confirmation_date: date | None = None
    police_confirmation_ref: str | None = None
    coordinator_person_id: UUID | None = None
    coordinator_fte: Decimal | None = Field(default=None, max_digits=4, decimal_places=3)
    police_contact_person_id: UUID | None = None
    version: int = Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})
    updated_at: datetime = _stamp()


class OrganisationRow(SQLModel, table=True):
    __tablename__ = "organisation"
    __table_args__ = (
        sa.UniqueConstraint("unit_id", "id"),
        sa.Index("ix_organisation_unit_name", "unit_id", sa.text("lower(name)"), unique=True),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    name: str
    type: str
    organisation_number: str | None = None
    municipality_number: str | None = Field(default=None, foreign_key="municipality.number")
    active: bool = Field(default=True, sa_column_kwargs={"server_default": sa.true()})
    version: int = Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class PersonRow(SQLModel, table=True):
    __tablename__ = "person"
    __table_args__ = (
        sa.UniqueConstraint("unit_id", "id"),
        sa.ForeignKeyConstraint(
            ["unit_id", "organisation_id"], ["organisation.unit_id", "organisation.id"]
        ),
        sa.Index("ix_person_unit_name", "unit_id", sa.text("lower(name)")),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    name: str
    title: str | None = None
    organisation_id: UUID | None = None
    email: str | None = None
    phone: str | None = None
    version: int = Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class BodyRow(SQLModel, table=True):
    __tablename__ = "body"
    __table_args__ = (
        sa.UniqueConstraint("unit_id", "id"),
        sa.Index("ix_body_unit_name", "unit_id", sa.text("lower(name)"), unique=True),
        sa.CheckConstraint(
            "level IN ('steering','coordinating','executive')", name="ck_body_level"
        ),
        sa.CheckConstraint("NOT is_politiraad OR level = 'steering'", name="ck_body_politiraad"),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    name: str
    level: str
    mandate: str | None = None
    is_politiraad: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    meeting_norm_per_year: int | None = None
    version: int = Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


class MembershipRow(SQLModel, table=True):
    __tablename__ = "membership"
    __table_args__ = (
        sa.ForeignKeyConstraint(["unit_id", "body_id"], ["body.unit_id", "body.id"]),
        sa.ForeignKeyConstraint(["unit_id", "person_id"], ["person.unit_id", "person.id"]),
        sa.ForeignKeyConstraint(
            ["unit_id", "organisation_id"], ["organisation.unit_id", "organisation.id"]
        ),
        sa.CheckConstraint(
            "valid_to IS NULL OR valid_to >= valid_from", name="ck_membership_period"
        ),
        sa.CheckConstraint(
            "role IN ('chair','deputy','secretary','member','observer')", name="ck_membership_role"
        ),
        sa.Index("ix_membership_body", "unit_id", "body_id"),
        sa.Index("ix_membership_person", "unit_id", "person_id"),
        # The rules of OrganisationService._check_overlaps, guaranteed under parallel requests.
        pg.ExcludeConstraint(
            (_same("body_id"), "="),
            (_same("person_id"), "="),
            (_PERIOD, "&&"),
            name="ex_membership_no_overlap",
            using="gist",
        ),
        pg.ExcludeConstraint(
            (_same("body_id"), "="),
            (_PERIOD, "&&"),
            name="ex_membership_one_chair",
            using="gist",
            where=sa.text("role = 'chair'"),
        ),
    )
    id: UUID = Field(primary_key=True)
    unit_id: UUID = Field(foreign_key="slt_unit.id", ondelete="CASCADE")
    body_id: UUID
    person_id: UUID
    role: str
    organisation_id: UUID | None = None
    valid_from: date
    valid_to: date | None = None
    version: int = Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})
    created_at: datetime = _stamp()
    updated_at: datetime = _stamp()


def _table(row: type[SQLModel]) -> sa.Table:
    return row.__table__  # type: ignore[attr-defined, no-any-return]


SLT_UNIT = _table(SltUnitRow)
ESTABLISHMENT = _table(EstablishmentRow)
ORGANISATION = _table(OrganisationRow)
PERSON = _table(PersonRow)
BODY = _table(BodyRow)
MEMBERSHIP = _table(MembershipRow)
