"""Cases room: youth plan commitments with their breaches on PostgreSQL — descriptions sealed by
the field cipher; breaches are only ever added (append-only), a commitment's own row names the
version it read."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from adapters.postgres.cases.base import CasesRepository, Row
from domain.cases.commitment import Breach, Commitment, CommitmentStatus, Consequence
from domain.cases.regimes import CommitmentKind, SourceRegime
from domain.shared.errors import NotFound, StaleVersion

C, B = "case_commitment", "case_breach"
_BREACHES = (
    "ARRAY(SELECT ROW(b.id, b.occurred_on, b.description_enc, b.consequence, b.recorded_by)"
    " FROM case_breach b WHERE b.unit_id = c.unit_id AND b.commitment_id = c.id"
    " ORDER BY b.occurred_on, b.recorded_at, b.id) AS breaches"
)
_SELECT = (
    "SELECT c.id, c.case_id, c.kind, c.description_enc, c.responsible_organisation_id,"  # noqa: S608
    f" c.regime, c.status, c.version, {_BREACHES} FROM case_commitment c WHERE c.unit_id = $1"
)
GET = f"{_SELECT} AND c.id = $2"
GET_MANY = f"{_SELECT} AND c.id = ANY($2::uuid[])"
OF_CASE = f"{_SELECT} AND c.case_id = $2 ORDER BY c.created_at, c.id"
INSERT = (
    "INSERT INTO case_commitment (id, unit_id, case_id, kind, description_enc,"
    " responsible_organisation_id, regime, status, version)"
    " VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9)"
)
UPDATE = (
    "UPDATE case_commitment SET kind = $3, description_enc = $4, responsible_organisation_id = $5,"
    " regime = $6, status = $7, version = $8 WHERE unit_id = $1 AND id = $2 AND version = $9"
    " RETURNING id"
)
ADD_BREACH = (
    "INSERT INTO case_breach (id, unit_id, commitment_id, occurred_on, description_enc,"
    " consequence, recorded_by) VALUES ($2, $1, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING"
)
DELETE = "DELETE FROM case_commitment WHERE unit_id = $1 AND id = $2 AND version = $3 RETURNING id"
STALE = "The commitment was changed in the meantime; reload and try again."


class PgCommitmentRepository(CasesRepository):
    def _commitment(self, r: Row) -> Commitment:
        cid = r["id"]
        return Commitment(
            id=cid,
            case_id=r["case_id"],
            kind=CommitmentKind(r["kind"]),
            description=self.open(r["description_enc"], C, "description_enc", cid),
            responsible_organisation_id=r["responsible_organisation_id"],
            regime=SourceRegime(r["regime"]),
            status=CommitmentStatus(r["status"]),
            breaches=tuple(self._breach(b) for b in r["breaches"]),
            version=r["version"],
        )

    def _breach(self, b: Row) -> Breach:
        bid, occurred_on, description, consequence, recorded_by = b
        return Breach(
            id=bid,
            occurred_on=occurred_on,
            description=self.open(description, B, "description_enc", bid),
            consequence=Consequence(consequence),
            recorded_by=recorded_by,
        )

    def _values(self, c: Commitment) -> tuple[object, ...]:
        return (
            c.kind.value, self.seal(c.description, C, "description_enc", c.id),
            c.responsible_organisation_id, c.regime.value, c.status.value, c.version,
        )  # fmt: skip

    async def _breaches(self, c: Commitment) -> None:
        for b in c.breaches:
            sealed = self.seal(b.description, B, "description_enc", b.id)
            await self.write(
                ADD_BREACH, b.id, c.id, b.occurred_on, sealed, b.consequence.value, b.recorded_by
            )

    async def get(self, id: UUID) -> Commitment:
        r = await self.row(GET, id)
        if r is None:
            raise NotFound(f"No commitment with id {id}.")
        return self._commitment(r)

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[Commitment]:
        return [self._commitment(r) for r in await self.rows(GET_MANY, list(ids))]

    async def of_case(self, case_id: UUID) -> Sequence[Commitment]:
        return [self._commitment(r) for r in await self.rows(OF_CASE, case_id)]

    async def add(self, item: Commitment) -> None:
        await self.write(INSERT, item.id, item.case_id, *self._values(item))
        await self._breaches(item)

    async def update(self, item: Commitment, expected_version: int) -> None:
        if not await self.write(UPDATE, item.id, *self._values(item), expected_version):
            await self.get(item.id)
            raise StaleVersion(STALE)
        await self._breaches(item)

    async def delete(self, id: UUID, expected_version: int) -> None:
        if not await self.write(DELETE, id, expected_version, deleting=True):
            await self.get(id)
            raise StaleVersion(STALE)
