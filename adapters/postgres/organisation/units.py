"""Organisation room: the SLT unit itself, its establishment record and the shipped reference data
(municipalities, police districts) on PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.constraints import domain_error
from adapters.postgres.organisation.sql import Reader
from adapters.postgres.organisation.tables import ESTABLISHMENT, SLT_UNIT
from domain.organisation.model import (
    Establishment,
    Municipality,
    PoliceDistrict,
    SltUnit,
    UnitKind,
)
from domain.shared.errors import NotFound, StaleVersion

UNIT = """
SELECT u.*, coalesce(array_agg(um.municipality_number ORDER BY um.position)
            FILTER (WHERE um.municipality_number IS NOT NULL), '{}') AS munis
  FROM slt_unit u
  LEFT JOIN slt_unit_municipality um ON um.unit_id = u.id
 WHERE u.id = $1 AND u.id = $2
 GROUP BY u.id
"""
_u = SLT_UNIT.c
UNIT_UPDATE = (
    sa.update(SLT_UNIT)
    .where(
        _u.id == sa.bindparam("w_unit"),
        _u.id == sa.bindparam("w_id"),
        _u.version == sa.bindparam("w_version"),
    )
    .values(
        name=sa.bindparam("v_name"),
        language=sa.bindparam("v_language"),
        version=sa.bindparam("v_version"),
        updated_at=sa.func.now(),
    )
)
ESTABLISHMENT_FIELDS = (
    "unit_id, municipal_decision_date, municipal_decision_ref, police_confirmation_date, "
    "police_confirmation_ref, coordinator_person_id, coordinator_fte, police_contact_person_id, "
    "version"
)
ESTABLISHMENT_GET = (
    f"SELECT {ESTABLISHMENT_FIELDS} FROM establishment"  # noqa: S608
    " WHERE unit_id = $1 AND unit_id = $2"
)
_e = ESTABLISHMENT.c
ESTABLISHMENT_INSERT = sa.insert(ESTABLISHMENT)
_ESTABLISHMENT_KEYS = [f.strip() for f in ESTABLISHMENT_FIELDS.split(",")]
ESTABLISHMENT_UPDATE = (
    sa.update(ESTABLISHMENT)
    .where(_e.unit_id == sa.bindparam("w_unit"), _e.version == sa.bindparam("w_version"))
    .values(
        {k: sa.bindparam(f"v_{k}") for k in _ESTABLISHMENT_KEYS} | {"updated_at": sa.func.now()}
    )
)
MUNICIPALITIES = "SELECT number, name, county, police_district FROM municipality ORDER BY number"
MUNICIPALITY = "SELECT number, name, county, police_district FROM municipality WHERE number = $1"
POLICE_DISTRICTS = "SELECT code, name FROM police_district ORDER BY name"


class PgUnitRepository:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.conn = conn
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def get(self, id: UUID) -> SltUnit:
        row = await self.read.row(UNIT, id, self.unit_id)
        if row is None:
            raise NotFound("No such SLT unit.")
        return SltUnit(
            id=row["id"],
            name=row["name"],
            kind=UnitKind(row["kind"]),
            municipality_numbers=tuple(row["munis"]),
            police_district=row["police_district"],
            oslo_district_number=row["oslo_district_number"],
            language=row["language"],
            version=row["version"],
        )

    async def update(self, item: SltUnit, expected_version: int) -> None:
        result = await self.conn.execute(
            UNIT_UPDATE,
            {
                "w_unit": self.unit_id,
                "w_id": item.id,
                "w_version": expected_version,
                "v_name": item.name,
                "v_language": item.language,
                "v_version": item.version,
            },
        )
        if result.rowcount == 0:
            raise StaleVersion(
                "Someone else changed the unit in the meantime. Reload and try again."
            )


class PgEstablishmentRepository:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.conn = conn
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def get(self, unit_id: UUID) -> Establishment | None:
        row = await self.read.row(ESTABLISHMENT_GET, self.unit_id, unit_id)
        return None if row is None else Establishment(**dict(row.items()))

    async def save(self, item: Establishment, expected_version: int) -> None:
        values = asdict(item)
        try:
            if expected_version == 0:
                await self.conn.execute(ESTABLISHMENT_INSERT, values)
                return
            params = {f"v_{k}": v for k, v in values.items()}
            params.update(w_unit=self.unit_id, w_version=expected_version)
            result = await self.conn.execute(ESTABLISHMENT_UPDATE, params)
        except IntegrityError as exc:
            # A first save that meets an existing row (the unit is the key) lost a race; any other
            # violation (a reference to another unit's person) is the rule's own error.
            if expected_version == 0 and _unique_violation(exc):
                raise StaleVersion("The record was created in the meantime.") from None
            raise domain_error(exc) from None
        if result.rowcount == 0:
            raise StaleVersion(
                "Someone else changed the record in the meantime. Reload and try again."
            )


class PgReferenceData:
    def __init__(self, conn: AsyncConnection) -> None:
        self.read = Reader(conn)

    async def municipalities(self) -> Sequence[Municipality]:
        return [Municipality(**dict(r.items())) for r in await self.read.rows(MUNICIPALITIES)]

    async def municipality(self, number: str) -> Municipality | None:
        row = await self.read.row(MUNICIPALITY, number)
        return Municipality(**dict(row.items())) if row else None

    async def police_districts(self) -> Sequence[PoliceDistrict]:
        return [PoliceDistrict(**dict(r.items())) for r in await self.read.rows(POLICE_DISTRICTS)]


def _unique_violation(exc: IntegrityError) -> bool:
    cause = getattr(exc.orig, "__cause__", None)
    return getattr(cause, "sqlstate", None) == "23505"
