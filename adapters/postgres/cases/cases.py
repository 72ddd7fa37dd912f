"""Cases room: follow-up cases on PostgreSQL — reads by id, by team member and by subject, the
per-unit reference counter, retention's closed cases, and the one real deletion (the purge
function: the case, its consents and their events, the subject when asked and no other case
names it; a de-identified statistics row stays). ``update`` names the version it read."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from adapters.postgres.cases.base import CasesRepository, Row
from domain.cases.case import Case, CaseKind, CaseStatus, ClosingReason
from domain.cases.retention import CaseStatistics
from domain.shared.errors import Conflict, NotFound, StaleVersion

COLUMNS = (
    "c.id, c.reference, c.subject_id, c.body_id, c.organisation_id, c.kind, c.start_on,"
    " c.end_on, c.status, c.closed_on, c.closing_reason, c.version, c.created_at"
)
_SELECT = f"SELECT {COLUMNS} FROM follow_up_case c WHERE c.unit_id = $1"  # noqa: S608
GET = f"{_SELECT} AND c.id = $2"
GET_MANY = f"{_SELECT} AND c.id = ANY($2::uuid[])"
OF_SUBJECT = f"{_SELECT} AND c.subject_id = $2 ORDER BY c.start_on DESC, c.reference DESC"
CLOSED_BY = f"{_SELECT} AND c.closed_on <= $2 ORDER BY c.closed_on, c.reference"
OF_PERSON = (
    f"SELECT {COLUMNS} FROM follow_up_case c JOIN case_member m"  # noqa: S608
    " ON m.unit_id = c.unit_id AND m.case_id = c.id"
    " WHERE c.unit_id = $1 AND m.person_id = $2 ORDER BY c.start_on DESC, c.reference DESC"
)
INSERT = (
    "INSERT INTO follow_up_case (id, unit_id, reference, subject_id, body_id, organisation_id,"
    " kind, start_on, end_on, status, closed_on, closing_reason, version)"
    " VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
)
UPDATE = (
    "UPDATE follow_up_case SET body_id = $3, organisation_id = $4, kind = $5, start_on = $6,"
    " end_on = $7, status = $8, closed_on = $9, closing_reason = $10, version = $11,"
    " updated_at = now() WHERE unit_id = $1 AND id = $2 AND version = $12 RETURNING id"
)
NEXT_SEQ = (
    "INSERT INTO case_reference_counter AS k (unit_id, year, last) VALUES ($1, $2, 1)"
    " ON CONFLICT (unit_id, year) DO UPDATE SET last = k.last + 1 RETURNING last"
)
PURGE = "SELECT samordna_purge_case($2, $3, $4, $5) AS done WHERE $1::uuid IS NOT NULL"
STALE = "The case was changed in the meantime; reload and try again."


def case(r: Row, unit_id: UUID) -> Case:
    reason = r["closing_reason"]
    return Case(
        id=r["id"],
        unit_id=unit_id,
        reference=r["reference"],
        subject_id=r["subject_id"],
        body_id=r["body_id"],
        organisation_id=r["organisation_id"],
        kind=CaseKind(r["kind"]),
        start_on=r["start_on"],
        end_on=r["end_on"],
        status=CaseStatus(r["status"]),
        closed_on=r["closed_on"],
        closing_reason=None if reason is None else ClosingReason(reason),
        version=r["version"],
        created_at=r["created_at"],
    )


def _values(c: Case) -> tuple[object, ...]:
    reason = None if c.closing_reason is None else c.closing_reason.value
    return (
        c.body_id, c.organisation_id, c.kind.value, c.start_on, c.end_on, c.status.value,
        c.closed_on, reason, c.version,
    )  # fmt: skip


class PgCaseRepository(CasesRepository):
    def _cases(self, rows: list[Row]) -> list[Case]:
        return [case(r, self.unit_id) for r in rows]

    async def get(self, id: UUID) -> Case:
        r = await self.row(GET, id)
        if r is None:
            raise NotFound(f"No case with id {id}.")
        return case(r, self.unit_id)

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[Case]:
        return self._cases(await self.rows(GET_MANY, list(ids)))

    async def of_person(self, person_id: UUID) -> Sequence[Case]:
        return self._cases(await self.rows(OF_PERSON, person_id))

    async def of_subject(self, subject_id: UUID) -> Sequence[Case]:
        return self._cases(await self.rows(OF_SUBJECT, subject_id))

    async def closed_on_or_before(self, day: date) -> Sequence[Case]:
        return self._cases(await self.rows(CLOSED_BY, day))

    async def next_seq(self, year: int) -> int:
        rows = await self.write(NEXT_SEQ, year)
        return int(rows[0]["last"])

    async def add(self, item: Case) -> None:
        head = (item.id, item.reference, item.subject_id)
        await self.write(INSERT, *head, *_values(item))

    async def update(self, item: Case, expected_version: int) -> None:
        if not await self.write(UPDATE, item.id, *_values(item), expected_version):
            await self.get(item.id)
            raise StaleVersion(STALE)

    async def delete(self, id: UUID, expected_version: int) -> None:
        raise Conflict("A case is deleted only by retention's purge, with its statistics row.")

    async def purge(self, case: Case, statistics: CaseStatistics, *, subject_too: bool) -> None:
        band = statistics.age_band_at_start
        rows = await self.write(PURGE, case.id, case.version, band, subject_too, deleting=True)
        if not rows or not rows[0]["done"]:
            await self.get(case.id)
            raise StaleVersion(STALE)
