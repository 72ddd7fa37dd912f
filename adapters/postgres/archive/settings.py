"""Archive delivery room: a unit's archive settings on PostgreSQL (one row per unit, absent until
first saved: the defaults then, version 0) and its extract jobs with their zip."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.archive import mapping
from adapters.postgres.organisation.sql import Reader
from domain.archive.extracts import ExtractJob
from domain.archive.settings import ArchiveSettings
from domain.shared.errors import NotFound, StaleVersion

_S = mapping.SETTINGS_COLUMNS
GET = f"SELECT {_S} FROM archive_settings WHERE unit_id = $1"  # noqa: S608 - constants only
_VALUES = "$2, $3, $4, $5, $6, $7"
INSERT = (
    "INSERT INTO archive_settings (unit_id, enabled, classification_system, class_id,"  # noqa: S608 - constants only
    f" archive_part, administrative_unit, case_officer) VALUES ($1, {_VALUES})"
    f" ON CONFLICT (unit_id) DO NOTHING RETURNING {_S}"
)
UPDATE = (
    "UPDATE archive_settings SET enabled = $2, classification_system = $3, class_id = $4,"  # noqa: S608 - constants only
    " archive_part = $5, administrative_unit = $6, case_officer = $7, version = version + 1,"
    f" updated_at = now() WHERE unit_id = $1 AND version = $8 RETURNING {_S}"
)

_E = mapping.EXTRACT_COLUMNS
GET_JOB = f"SELECT {_E} FROM archive_extract WHERE unit_id = $1 AND id = $2"  # noqa: S608
ADD_JOB = (
    "INSERT INTO archive_extract (id, unit_id, period_start, period_end, status, done, total,"
    " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
)
UPDATE_JOB = (
    "UPDATE archive_extract SET status = $3, done = $4, total = $5, finished_at = $6,"
    " error = $7, size_bytes = $8 WHERE unit_id = $1 AND id = $2"
)
PUT_CONTENT = "UPDATE archive_extract SET content = $3 WHERE unit_id = $1 AND id = $2"
CONTENT = "SELECT content FROM archive_extract WHERE unit_id = $1 AND id = $2"


class PgSettingsRepository:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def get(self) -> ArchiveSettings:
        row = await self.read.row(GET, self.unit_id)
        return ArchiveSettings(unit_id=self.unit_id) if row is None else mapping.settings(row)

    async def save(self, settings: ArchiveSettings, expected_version: int) -> ArchiveSettings:
        s = settings
        values = (
            s.enabled,
            s.classification_system,
            s.class_id,
            s.archive_part,
            s.administrative_unit,
            s.case_officer,
        )
        if expected_version == 0:
            row = await self.read.row(INSERT, self.unit_id, *values)
        else:
            row = await self.read.row(UPDATE, self.unit_id, *values, expected_version)
        if row is None:
            raise StaleVersion("Someone else changed the archive settings in the meantime.")
        return mapping.settings(row)


class PgExtractJobRepository:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def add(self, job: ExtractJob) -> None:
        p = job.period
        await self.read.value(
            ADD_JOB, job.id, self.unit_id, p.start, p.end, job.status.value, job.done,
            job.total, job.created_at,
        )  # fmt: skip

    async def get(self, id: UUID) -> ExtractJob:
        row = await self.read.row(GET_JOB, self.unit_id, id)
        if row is None:
            raise NotFound("No such extract.")
        return mapping.extract(row)

    async def update(self, job: ExtractJob) -> None:
        await self.read.value(
            UPDATE_JOB, self.unit_id, job.id, job.status.value, job.done, job.total,
            job.finished_at, job.error, job.size,
        )  # fmt: skip

    async def put_content(self, id: UUID, content: bytes) -> None:
        await self.read.value(PUT_CONTENT, self.unit_id, id, content)

    async def content(self, id: UUID) -> bytes | None:
        value = await self.read.value(CONTENT, self.unit_id, id)
        return None if value is None else bytes(value)
