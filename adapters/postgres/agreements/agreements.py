"""Agreements room: a unit's agreements with their parties on PostgreSQL (reads on asyncpg with
the document's metadata joined, writes as Core statements so a violated constraint becomes the
domain's error). Every statement filters on the unit; row-level security holds it again."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.agreements import mapping
from adapters.postgres.agreements.tables import AGREEMENT, AGREEMENT_PARTY
from adapters.postgres.organisation.base import STALE, Statements
from adapters.postgres.organisation.sql import Listing, Reader, keyset, like, search
from domain.agreements.agreement import Agreement, AgreementStatus
from domain.agreements.filters import AgreementFilter
from domain.shared.errors import NotFound, StaleVersion
from domain.shared.pagination import Page, PageRequest

LISTING = Listing(
    columns=mapping.COLUMNS,
    source=mapping.SOURCE,
    sort="to_char(agreement.valid_until, 'YYYY-MM-DD')",
    id="agreement.id",
)
_BASE = f"SELECT {mapping.COLUMNS} FROM {mapping.SOURCE} WHERE agreement.unit_id = $1"  # noqa: S608
GET = f"{_BASE} AND agreement.id = $2"
GET_MANY = f"{_BASE} AND agreement.id = ANY($2::uuid[])"
# Judged on the unit's day, as ``Agreement.status`` does.
STATUS: dict[AgreementStatus, tuple[str, ...]] = {
    AgreementStatus.ACTIVE: ("agreement.review_on > {}",),
    AgreementStatus.DUE_FOR_REVIEW: ("agreement.review_on <= {}", "agreement.valid_until >= {}"),
    AgreementStatus.EXPIRED: ("agreement.valid_until < {}",),
}
FIELDS = (
    "kind", "title", "signed_on", "valid_until", "review_on", "documentation_status",
    "archive_worthy", "version",
)  # fmt: skip
WRITES = Statements(AGREEMENT)
DROP_PARTIES = sa.delete(AGREEMENT_PARTY).where(
    AGREEMENT_PARTY.c.unit_id == sa.bindparam("w_unit"),
    AGREEMENT_PARTY.c.agreement_id == sa.bindparam("w_id"),
)


def _values(a: Agreement) -> dict[str, Any]:
    values = {name: getattr(a, name) for name in FIELDS}
    values["kind"] = str(a.kind)
    values["documentation_status"] = str(a.documentation_status)
    return values


class PgAgreementRepository:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.conn = conn
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def _write(self, statement: Any, params: Any, *, deleting: bool = False) -> Any:
        try:
            return await self.conn.execute(statement, params)
        except IntegrityError as exc:
            raise mapping.domain_error(exc, deleting=deleting) from None

    async def get(self, id: UUID) -> Agreement:
        row = await self.read.row(GET, self.unit_id, id)
        if row is None:
            raise NotFound(f"No agreement with id {id}.")
        return mapping.agreement(row)

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[Agreement]:
        return [mapping.agreement(r) for r in await self.read.rows(GET_MANY, self.unit_id, ids)]

    async def list(self, f: AgreementFilter, today: date, page: PageRequest) -> Page[Agreement]:
        where: list[tuple[str, Any]] = [("agreement.unit_id = {}", self.unit_id)]
        if f.q:
            where.append((search("agreement.title"), like(f.q)))
        if f.kind is not None:
            where.append(("agreement.kind = {}", f.kind.value))
        if f.status is not None:
            where.extend((c, today) for c in STATUS[f.status])
        return await keyset(self.read, LISTING, where, page, mapping.agreement)

    async def _parties(self, a: Agreement) -> None:
        await self._write(DROP_PARTIES, {"w_unit": self.unit_id, "w_id": a.id})
        rows = [
            {"agreement_id": a.id, "organisation_id": o, "unit_id": self.unit_id, "position": i}
            for i, o in enumerate(a.party_ids)
        ]
        if rows:
            await self._write(sa.insert(AGREEMENT_PARTY), rows)

    async def add(self, item: Agreement) -> None:
        await self._write(
            sa.insert(AGREEMENT), {"id": item.id, "unit_id": self.unit_id, **_values(item)}
        )
        await self._parties(item)

    async def update(self, item: Agreement, expected_version: int) -> None:
        """The fields and the parties; the document is the document store's to write."""
        values = _values(item)
        params = {f"v_{k}": v for k, v in values.items()}
        params.update(w_unit=self.unit_id, w_id=item.id, w_version=expected_version)
        result = await self._write(WRITES.update(tuple(values)), params)
        if result.rowcount == 0:
            await self.get(item.id)  # NotFound if gone
            raise StaleVersion(STALE)
        await self._parties(item)

    async def delete(self, id: UUID, expected_version: int) -> None:
        """Parties and the document go with it (ON DELETE CASCADE)."""
        params = {"w_unit": self.unit_id, "w_id": id, "w_version": expected_version}
        result = await self._write(WRITES.delete, params, deleting=True)
        if result.rowcount == 0:
            await self.get(id)
            raise StaleVersion(STALE)
