"""Fakes room: the organisation context's repositories (``domain/organisation/ports.py``) over the
unit of work's working copy. Each keeps its Protocol's contract and the database's rules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from uuid import UUID

from domain.organisation.filters import BodyFilter, OrganisationFilter, PersonFilter
from domain.organisation.model import (
    Body,
    BodySummary,
    Establishment,
    Municipality,
    Organisation,
    OrganisationType,
    Person,
    PoliceDistrict,
    SltUnit,
)
from domain.shared.errors import Conflict, NotFound, StaleVersion
from domain.shared.pagination import Page, PageRequest
from domain.shared.principal import BodyRole
from tests.fakes import rules
from tests.fakes.paging import contains, keyset_page

if TYPE_CHECKING:
    from tests.fakes.store import FakeStore
    from tests.fakes.uow import FakeUnitOfWork

T = TypeVar("T")


class FakeEntityRepository(Generic[T]):
    """Shared get/get_many/add/update/delete over one table of the unit of work's copy."""

    table: str
    noun: str

    def __init__(self, uow: FakeUnitOfWork) -> None:
        self._uow = uow
        self.unit_id = uow.unit_id

    @property
    def _rows(self) -> dict[UUID, Any]:
        rows: dict[UUID, Any] = getattr(self._uow.tables, self.table)
        return rows

    def _mine(self) -> list[T]:
        return [r for r in self._rows.values() if r.unit_id == self.unit_id]

    def _own(self, item: Any) -> None:
        # The domain must never write a row into another unit: fail loudly, in the test.
        assert item.unit_id == self.unit_id, (
            f"{self.noun} of unit {item.unit_id} written via {self.unit_id}"
        )

    def _check(self, item: T) -> None:
        """The table's constraints (``rules``); nothing by default."""

    async def get(self, id: UUID) -> T:
        row = self._rows.get(id)
        if row is None or row.unit_id != self.unit_id:
            raise NotFound(f"No {self.noun} with id {id}.")
        return row  # type: ignore[no-any-return]

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[T]:
        wanted = set(ids)
        return [r for r in self._mine() if r.id in wanted]  # type: ignore[attr-defined]

    async def add(self, item: T) -> None:
        self._own(item)
        if item.id in self._rows:  # type: ignore[attr-defined]
            raise Conflict("The change conflicts with stored data.")
        self._check(item)
        self._rows[item.id] = item  # type: ignore[attr-defined]

    async def update(self, item: T, expected_version: int) -> None:
        self._own(item)
        stored = await self.get(item.id)  # type: ignore[attr-defined]
        if stored.version != expected_version:  # type: ignore[attr-defined]
            raise StaleVersion("Someone else changed this in the meantime.")
        self._check(item)
        self._rows[item.id] = item  # type: ignore[attr-defined]

    async def delete(self, id: UUID, expected_version: int) -> None:
        stored = await self.get(id)
        if stored.version != expected_version:  # type: ignore[attr-defined]
            raise StaleVersion("Someone else changed this in the meantime.")
        rules.refuse_delete_if_referenced(self._uow.tables, self.unit_id, self.table, id)
        del self._rows[id]


class FakeOrganisationRepository(FakeEntityRepository[Organisation]):
    table = "organisations"
    noun = "organisation"

    def _check(self, item: Organisation) -> None:
        numbers = [m.number for m in self._uow.store.municipalities]
        rules.organisation(self._uow.tables, item, numbers)

    async def list(self, f: OrganisationFilter, page: PageRequest) -> Page[Organisation]:
        rows = [
            o
            for o in self._mine()
            if (not f.q or contains(o.name, f.q))
            and (f.type is None or o.type is f.type)
            and (f.active is None or o.active is f.active)
        ]
        return keyset_page(rows, lambda o: o.name.lower(), lambda o: o.id, page)

    async def in_use(self, id: UUID) -> bool:
        return rules.referenced(self._uow.tables, self.unit_id, self.table, id)


class FakePersonRepository(FakeEntityRepository[Person]):
    table = "persons"
    noun = "person"

    def _check(self, item: Person) -> None:
        rules.person(self._uow.tables, item)

    async def list(self, f: PersonFilter, page: PageRequest) -> Page[Person]:
        rows = [
            p
            for p in self._mine()
            if (
                not f.q or contains(p.name, f.q) or contains(p.title, f.q) or contains(p.email, f.q)
            )
            and (f.organisation_id is None or p.organisation_id == f.organisation_id)
            and (f.organisation_type is None or self._org_type(p) is f.organisation_type)
        ]
        return keyset_page(rows, lambda p: p.name.lower(), lambda p: p.id, page)

    def _org_type(self, p: Person) -> OrganisationType | None:
        org = self._uow.tables.organisations.get(p.organisation_id) if p.organisation_id else None
        return org.type if org is not None and org.unit_id == self.unit_id else None

    async def in_use(self, id: UUID) -> bool:
        return rules.referenced(self._uow.tables, self.unit_id, self.table, id)


class FakeBodyRepository(FakeEntityRepository[Body]):
    table = "bodies"
    noun = "body"

    def _check(self, item: Body) -> None:
        rules.body(self._uow.tables, item)

    async def list(self, f: BodyFilter, page: PageRequest) -> Page[Body]:
        rows = [
            b
            for b in self._mine()
            if (not f.q or contains(b.name, f.q)) and (f.level is None or b.level is f.level)
        ]
        return keyset_page(rows, lambda b: b.name.lower(), lambda b: b.id, page)

    async def all(self) -> Sequence[Body]:
        return sorted(self._mine(), key=lambda b: (b.name.lower(), str(b.id)))

    async def summaries(self, on: date) -> Sequence[BodySummary]:
        t = self._uow.tables
        out = []
        for b in await self.all():
            current = [
                m
                for m in t.memberships.values()
                if m.unit_id == self.unit_id and m.body_id == b.id and m.active_on(on)
            ]
            chairs = sorted(
                (m for m in current if m.role is BodyRole.CHAIR),
                key=lambda m: m.valid_from,
                reverse=True,
            )
            chair = chairs[0] if chairs else None
            person = t.persons.get(chair.person_id) if chair else None
            out.append(
                BodySummary(
                    body=b,
                    chair_person_id=chair.person_id if chair else None,
                    chair_name=person.name if person else None,
                    member_count=len(current),
                )
            )
        return out


class FakeUnitRepository:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self._uow = uow
        self.unit_id = uow.unit_id

    async def get(self, id: UUID) -> SltUnit:
        unit = self._uow.tables.units.get(id)
        if unit is None or id != self.unit_id:
            raise NotFound("No such SLT unit.")
        return unit

    async def update(self, item: SltUnit, expected_version: int) -> None:
        stored = await self.get(item.id)
        if stored.version != expected_version:
            raise StaleVersion("Someone else changed the unit in the meantime.")
        self._uow.tables.units[item.id] = item


class FakeEstablishmentRepository:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self._uow = uow
        self.unit_id = uow.unit_id

    async def get(self, unit_id: UUID) -> Establishment | None:
        if unit_id != self.unit_id:
            return None
        return self._uow.tables.establishments.get(unit_id)

    async def save(self, item: Establishment, expected_version: int) -> None:
        assert item.unit_id == self.unit_id, "establishment written into another unit"
        stored = self._uow.tables.establishments.get(self.unit_id)
        stored_version = 0 if stored is None else stored.version
        if stored_version != expected_version:
            raise StaleVersion("Someone else changed the record in the meantime.")
        rules.establishment(self._uow.tables, item)
        self._uow.tables.establishments[self.unit_id] = item


class FakeReferenceData:
    def __init__(self, store: FakeStore) -> None:
        self._store = store

    async def municipalities(self) -> Sequence[Municipality]:
        return sorted(self._store.municipalities, key=lambda m: m.number)

    async def municipality(self, number: str) -> Municipality | None:
        return next((m for m in self._store.municipalities if m.number == number), None)

    async def police_districts(self) -> Sequence[PoliceDistrict]:
        return sorted(self._store.police_districts, key=lambda d: d.name)
