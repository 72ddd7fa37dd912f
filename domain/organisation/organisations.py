"""Organisation domain room: use cases of the organisations (services and agencies) in the unit."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid4

from domain.organisation.base import UseCases
from domain.organisation.filters import OrganisationFilter
from domain.organisation.model import Organisation, OrganisationType
from domain.organisation.ports import UnitOfWork
from domain.shared.changes import UNSET, Changes, Unset, apply, expect_version
from domain.shared.errors import InUse, ValidationFailed
from domain.shared.pagination import Page, PageRequest
from domain.shared.principal import Principal


@dataclass(frozen=True, slots=True, kw_only=True)
class OrganisationChanges(Changes):
    name: str | Unset = UNSET
    type: OrganisationType | Unset = UNSET
    organisation_number: str | Unset | None = UNSET
    municipality_number: str | Unset | None = UNSET
    active: bool | Unset = UNSET


class OrganisationUseCases(UseCases):
    async def list_organisations(
        self, p: Principal, f: OrganisationFilter, page: PageRequest
    ) -> Page[Organisation]:
        async with self._read(p) as uow:
            return await uow.organisations.list(f, page)

    async def get_organisation(self, p: Principal, id: UUID) -> Organisation:
        async with self._read(p) as uow:
            return await uow.organisations.get(id)

    async def create_organisation(
        self,
        p: Principal,
        *,
        name: str,
        type: OrganisationType,
        organisation_number: str | None = None,
        municipality_number: str | None = None,
        active: bool = True,
    ) -> Organisation:
        org = Organisation(
            id=uuid4(),
            unit_id=p.unit_id,
            name=name.strip(),
            type=type,
            organisation_number=organisation_number or None,
            municipality_number=municipality_number or None,
            active=active,
        )
        uow_ = self._write(p)  # authorise before looking at the input
        org.check()
        async with uow_ as uow:
            await _check_municipality(uow, org.municipality_number)
            await uow.organisations.add(org)
            await uow.commit()
        return org

    async def update_organisation(
        self,
        p: Principal,
        id: UUID,
        changes: OrganisationChanges,
        expected_version: int | None,
    ) -> Organisation:
        async with self._write(p) as uow:
            org = await uow.organisations.get(id)
            expected = expect_version(org.version, expected_version)
            new = apply(org, changes.trimmed())
            new.check()
            await _check_municipality(uow, new.municipality_number)
            await uow.organisations.update(new, expected)
            await uow.commit()
        return new

    async def delete_organisation(
        self, p: Principal, id: UUID, expected_version: int | None
    ) -> None:
        async with self._write(p) as uow:
            org = await uow.organisations.get(id)
            expected = expect_version(org.version, expected_version)
            if await uow.organisations.in_use(id):
                raise InUse(
                    "Persons or memberships still refer to this organisation; mark it inactive instead."
                )
            await uow.organisations.delete(id, expected)
            await uow.commit()


async def _check_municipality(uow: UnitOfWork, number: str | None) -> None:
    if number is None:
        return
    if await uow.reference.municipality(number) is None:
        raise ValidationFailed.single("municipalityNumber", "unknown", "No such municipality.")
