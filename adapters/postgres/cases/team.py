"""Cases room: a case's team on PostgreSQL — the seats that decide who sees the case at all.
``UNIQUE (case_id, person_id)`` (partial: persons with an account) lets one of two concurrent
adds of one person win; the other gets ``AlreadyOnTeam``."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from adapters.postgres.cases.base import CasesRepository, Row
from domain.cases.case import CaseMember, MemberRole
from domain.shared.errors import NotFound

_SELECT = (
    "SELECT id, case_id, person_id, name, organisation_id, role FROM case_member WHERE unit_id = $1"
)
ORDER = " ORDER BY role = 'lead' DESC, lower(name), id"
GET = f"{_SELECT} AND id = $2"
OF_CASE = f"{_SELECT} AND case_id = $2{ORDER}"
OF_PERSON = f"{_SELECT} AND person_id = $2 ORDER BY case_id"
INSERT = (
    "INSERT INTO case_member (id, unit_id, case_id, person_id, name, organisation_id, role)"
    " VALUES ($2, $1, $3, $4, $5, $6, $7)"
)
DELETE = "DELETE FROM case_member WHERE unit_id = $1 AND id = $2 RETURNING id"


def member(r: Row) -> CaseMember:
    return CaseMember(
        id=r["id"],
        case_id=r["case_id"],
        person_id=r["person_id"],
        name=r["name"],
        organisation_id=r["organisation_id"],
        role=MemberRole(r["role"]),
    )


class PgMemberRepository(CasesRepository):
    async def get(self, id: UUID) -> CaseMember:
        r = await self.row(GET, id)
        if r is None:
            raise NotFound(f"No team member with id {id}.")
        return member(r)

    async def of_case(self, case_id: UUID) -> Sequence[CaseMember]:
        return [member(r) for r in await self.rows(OF_CASE, case_id)]

    async def of_person(self, person_id: UUID) -> Sequence[CaseMember]:
        return [member(r) for r in await self.rows(OF_PERSON, person_id)]

    async def add(self, member: CaseMember) -> None:
        m = member
        await self.write(
            INSERT, m.id, m.case_id, m.person_id, m.name, m.organisation_id, m.role.value
        )

    async def remove(self, id: UUID) -> None:
        if not await self.write(DELETE, id, deleting=True):
            raise NotFound(f"No team member with id {id}.")
