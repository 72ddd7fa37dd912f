"""Organisation domain room: use cases of the persons (staff and representatives) of the unit."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid4

from domain.organisation.base import UseCases, require_ref
from domain.organisation.filters import PersonFilter
from domain.organisation.model import Person
from domain.shared.changes import UNSET, Changes, Unset, apply, expect_version
from domain.shared.errors import InUse
from domain.shared.pagination import Page, PageRequest
from domain.shared.principal import Principal


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonChanges(Changes):
    name: str | Unset = UNSET
    title: str | Unset | None = UNSET
    organisation_id: UUID | Unset | None = UNSET
    email: str | Unset | None = UNSET
    phone: str | Unset | None = UNSET


class PersonUseCases(UseCases):
    async def list_persons(self, p: Principal, f: PersonFilter, page: PageRequest) -> Page[Person]:
        async with self._read(p) as uow:
            return await uow.persons.list(f, page)

    async def get_person(self, p: Principal, id: UUID) -> Person:
        async with self._read(p) as uow:
            return await uow.persons.get(id)

    async def create_person(
        self,
        p: Principal,
        *,
        name: str,
        title: str | None = None,
        organisation_id: UUID | None = None,
        email: str | None = None,
        phone: str | None = None,
    ) -> Person:
        person = Person(
            id=uuid4(),
            unit_id=p.unit_id,
            name=name.strip(),
            title=title or None,
            organisation_id=organisation_id,
            email=email or None,
            phone=phone or None,
        )
        uow_ = self._write(p)  # authorise before looking at the input
        person.check()
        async with uow_ as uow:
            await require_ref(uow.organisations, person.organisation_id, "organisationId")
            await uow.persons.add(person)
            await uow.commit()
        return person

    async def update_person(
        self,
        p: Principal,
        id: UUID,
        changes: PersonChanges,
        expected_version: int | None,
    ) -> Person:
        async with self._write(p) as uow:
            person = await uow.persons.get(id)
            expected = expect_version(person.version, expected_version)
            new = apply(person, changes.trimmed())
            new.check()
            await require_ref(uow.organisations, new.organisation_id, "organisationId")
            await uow.persons.update(new, expected)
            await uow.commit()
        return new

    async def delete_person(self, p: Principal, id: UUID, expected_version: int | None) -> None:
        async with self._write(p) as uow:
            person = await uow.persons.get(id)
            expected = expect_version(person.version, expected_version)
            if await uow.persons.in_use(id):
                raise InUse(
                    "The person holds memberships or a role in the establishment record; end those first."
                )
            await uow.persons.delete(id, expected)
            await uow.commit()
