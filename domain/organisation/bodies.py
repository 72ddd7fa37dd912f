"""Organisation domain room: use cases of the bodies (steering, coordinating, executive groups)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid4

from domain.organisation.base import UseCases
from domain.organisation.filters import BodyFilter
from domain.organisation.model import DEFAULT_MEETING_NORM, Body, Level
from domain.shared.changes import UNSET, Changes, Unset, apply, expect_version
from domain.shared.errors import InUse
from domain.shared.pagination import Page, PageRequest
from domain.shared.principal import Principal


@dataclass(frozen=True, slots=True, kw_only=True)
class BodyChanges(Changes):
    name: str | Unset = UNSET
    level: Level | Unset = UNSET
    mandate: str | Unset | None = UNSET
    is_politiraad: bool | Unset = UNSET
    meeting_norm_per_year: int | Unset | None = UNSET


class BodyUseCases(UseCases):
    async def list_bodies(self, p: Principal, f: BodyFilter, page: PageRequest) -> Page[Body]:
        async with self._read(p) as uow:
            return await uow.bodies.list(f, page)

    async def get_body(self, p: Principal, id: UUID) -> Body:
        async with self._read(p) as uow:
            return await uow.bodies.get(id)

    async def create_body(
        self,
        p: Principal,
        *,
        name: str,
        level: Level,
        mandate: str | None = None,
        is_politiraad: bool = False,
        meeting_norm_per_year: int | None = None,
    ) -> Body:
        body = Body(
            id=uuid4(),
            unit_id=p.unit_id,
            name=name.strip(),
            level=level,
            mandate=mandate or None,
            is_politiraad=is_politiraad,
            meeting_norm_per_year=(
                meeting_norm_per_year
                if meeting_norm_per_year is not None
                else DEFAULT_MEETING_NORM[level]
            ),
        )
        uow_ = self._write(p)  # authorise before looking at the input
        body.check()
        async with uow_ as uow:
            await uow.bodies.add(body)
            await uow.commit()
        return body

    async def update_body(
        self,
        p: Principal,
        id: UUID,
        changes: BodyChanges,
        expected_version: int | None,
    ) -> Body:
        async with self._write(p) as uow:
            body = await uow.bodies.get(id)
            expected = expect_version(body.version, expected_version)
            new = apply(body, changes.trimmed())
            new.check()
            await uow.bodies.update(new, expected)
            await uow.commit()
        return new

    async def delete_body(self, p: Principal, id: UUID, expected_version: int | None) -> None:
        async with self._write(p) as uow:
            body = await uow.bodies.get(id)
            expected = expect_version(body.version, expected_version)
            if await uow.memberships.of_body(id):
                raise InUse("The body has memberships; end and remove them first.")
            await uow.bodies.delete(id, expected)
            await uow.commit()
