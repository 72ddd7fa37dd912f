"""Cases room: what grants or governs access beside consent — recorded legal bases, break-glass
grants with their review (each update names the version it read), the unit's case settings,
and where break-glass notifications go (the unit admins' addresses)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from adapters.postgres.cases.base import CasesRepository, Row
from domain.cases.bases import LegalBasisRecord
from domain.cases.breakglass import BreakGlass
from domain.cases.policy import RETENTION_DAYS_DEFAULT, LegalBasisCode
from domain.cases.regimes import Category
from domain.shared.errors import NotFound, StaleVersion

ADD_BASIS = (
    "INSERT INTO legal_basis_record (id, unit_id, case_id, basis, recipient_organisation_id,"
    " categories, justification, agency_decision_ref, recorded_by, valid_from, valid_to)"
    " VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
)
BASES = (
    "SELECT id, case_id, basis, recipient_organisation_id, categories, justification,"
    " agency_decision_ref, recorded_by, valid_from, valid_to, recorded_at"
    " FROM legal_basis_record WHERE unit_id = $1 AND case_id = $2 ORDER BY recorded_at, id"
)
_GRANTS = (
    "SELECT id, case_id, person_id, reason, basis, opened_at, expires_at, reviewed_at,"
    " reviewed_by, review_note, version FROM break_glass_grant WHERE unit_id = $1"
)
GRANT = f"{_GRANTS} AND id = $2"
ACTIVE = (
    f"{_GRANTS} AND case_id = $2 AND person_id = $3 AND opened_at <= $4 AND $4 < expires_at"
    " ORDER BY opened_at DESC LIMIT 1"
)
ACTIVE_OF_PERSON = (
    f"{_GRANTS} AND person_id = $2 AND opened_at <= $3 AND $3 < expires_at ORDER BY opened_at DESC"
)
ALL_GRANTS = f"{_GRANTS} ORDER BY reviewed_at IS NOT NULL, opened_at DESC, id"
ADD_GRANT = (
    "INSERT INTO break_glass_grant (id, unit_id, case_id, person_id, reason, basis, opened_at,"
    " expires_at, reviewed_at, reviewed_by, review_note, version)"
    " VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
)
REVIEW = (
    "UPDATE break_glass_grant SET reviewed_at = $3, reviewed_by = $4, review_note = $5,"
    " version = $6 WHERE unit_id = $1 AND id = $2 AND version = $7 RETURNING id"
)
RETENTION = "SELECT retention_days FROM case_settings WHERE unit_id = $1"
SET_RETENTION = (
    "INSERT INTO case_settings (unit_id, retention_days) VALUES ($1, $2) ON CONFLICT (unit_id)"
    " DO UPDATE SET retention_days = EXCLUDED.retention_days, updated_at = now()"
)
ADMIN_EMAILS = (
    "SELECT DISTINCT p.email FROM user_account a JOIN person p"
    " ON p.unit_id = a.unit_id AND p.id = a.person_id WHERE a.unit_id = $1"
    " AND 'unit_admin' = ANY(a.roles) AND p.email IS NOT NULL ORDER BY p.email"
)


def basis(r: Row) -> LegalBasisRecord:
    return LegalBasisRecord(
        id=r["id"],
        case_id=r["case_id"],
        basis=LegalBasisCode(r["basis"]),
        recipient_organisation_id=r["recipient_organisation_id"],
        categories=frozenset(Category(c) for c in r["categories"]),
        justification=r["justification"],
        recorded_by=r["recorded_by"],
        valid_from=r["valid_from"],
        valid_to=r["valid_to"],
        agency_decision_ref=r["agency_decision_ref"],
        recorded_at=r["recorded_at"],
    )


def grant(r: Row) -> BreakGlass:
    return BreakGlass(
        id=r["id"],
        case_id=r["case_id"],
        person_id=r["person_id"],
        reason=r["reason"],
        basis=LegalBasisCode(r["basis"]),
        opened_at=r["opened_at"],
        expires_at=r["expires_at"],
        reviewed_at=r["reviewed_at"],
        reviewed_by=r["reviewed_by"],
        review_note=r["review_note"],
        version=r["version"],
    )


class PgLegalBases(CasesRepository):
    async def add(self, record: LegalBasisRecord) -> None:
        b = record
        await self.write(
            ADD_BASIS, b.id, b.case_id, b.basis.value, b.recipient_organisation_id,
            sorted(c.value for c in b.categories), b.justification, b.agency_decision_ref,
            b.recorded_by, b.valid_from, b.valid_to,
        )  # fmt: skip

    async def of_case(self, case_id: UUID) -> Sequence[LegalBasisRecord]:
        return [basis(r) for r in await self.rows(BASES, case_id)]


class PgBreakGlassRepository(CasesRepository):
    async def get(self, id: UUID) -> BreakGlass:
        r = await self.row(GRANT, id)
        if r is None:
            raise NotFound(f"No break-glass access with id {id}.")
        return grant(r)

    async def add(self, grant: BreakGlass) -> None:
        g = grant
        await self.write(
            ADD_GRANT, g.id, g.case_id, g.person_id, g.reason, g.basis.value, g.opened_at,
            g.expires_at, g.reviewed_at, g.reviewed_by, g.review_note, g.version,
        )  # fmt: skip

    async def update(self, grant: BreakGlass, expected_version: int) -> None:
        g = grant
        args = (g.id, g.reviewed_at, g.reviewed_by, g.review_note, g.version, expected_version)
        if not await self.write(REVIEW, *args):
            await self.get(g.id)
            raise StaleVersion("The break-glass access was reviewed in the meantime.")

    async def active(self, case_id: UUID, person_id: UUID, at: datetime) -> BreakGlass | None:
        r = await self.row(ACTIVE, case_id, person_id, at)
        return None if r is None else grant(r)

    async def of_person(self, person_id: UUID, at: datetime) -> Sequence[BreakGlass]:
        return [grant(r) for r in await self.rows(ACTIVE_OF_PERSON, person_id, at)]

    async def all(self) -> Sequence[BreakGlass]:
        return [grant(r) for r in await self.rows(ALL_GRANTS)]


class PgCaseSettings(CasesRepository):
    async def retention_days(self) -> int:
        r = await self.row(RETENTION)
        return RETENTION_DAYS_DEFAULT if r is None else int(r["retention_days"])

    async def set_retention_days(self, days: int) -> None:
        await self.write(SET_RETENTION, days)


class PgAccessControllers(CasesRepository):
    async def emails(self) -> Sequence[str]:
        return [r["email"] for r in await self.rows(ADMIN_EMAILS)]
