"""The organisation context's ports: its repositories and its unit of work, as Protocols."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

from domain.organisation.filters import (
    BodyFilter,
    MembershipFilter,
    OrganisationFilter,
    PersonFilter,
)
from domain.organisation.model import (
    Body,
    BodySummary,
    Establishment,
    Membership,
    MembershipView,
    Municipality,
    Organisation,
    Person,
    PoliceDistrict,
    SltUnit,
)
from domain.shared.pagination import Page, PageRequest
from domain.shared.ports import Clock as Clock  # re-exported for the context's use cases
from domain.shared.ports import EntityRepository


class UnitRepository(Protocol):
    async def get(self, id: UUID) -> SltUnit: ...

    async def update(self, item: SltUnit, expected_version: int) -> None: ...


class EstablishmentRepository(Protocol):
    async def get(self, unit_id: UUID) -> Establishment | None: ...

    async def save(self, item: Establishment, expected_version: int) -> None:
        """Insert when ``expected_version`` is 0, else update; ``StaleVersion`` on a mismatch."""
        ...


class OrganisationRepository(EntityRepository[Organisation], Protocol):
    async def list(self, f: OrganisationFilter, page: PageRequest) -> Page[Organisation]: ...

    async def in_use(self, id: UUID) -> bool:
        """True when a person or membership still refers to the organisation."""
        ...


class PersonRepository(EntityRepository[Person], Protocol):
    async def list(self, f: PersonFilter, page: PageRequest) -> Page[Person]: ...

    async def in_use(self, id: UUID) -> bool:
        """True when a membership or the establishment record still refers to the person."""
        ...


class BodyRepository(EntityRepository[Body], Protocol):
    async def list(self, f: BodyFilter, page: PageRequest) -> Page[Body]: ...

    async def summaries(self, on: date) -> Sequence[BodySummary]:
        """Every body with its current chair and member count: one query, the three-level picture."""
        ...

    async def all(self) -> Sequence[Body]: ...


class MembershipRepository(EntityRepository[Membership], Protocol):
    async def list(self, f: MembershipFilter, page: PageRequest) -> Page[MembershipView]: ...

    async def of_body(self, body_id: UUID) -> Sequence[Membership]: ...

    async def view(self, id: UUID) -> MembershipView:
        """One membership with person, body and organisation names; ``NotFound`` if missing."""
        ...

    async def views_of_bodies(
        self, body_ids: Sequence[UUID], active_on: date | None
    ) -> Sequence[MembershipView]:
        """Memberships of several bodies at once (for DataLoaders), by person name."""
        ...

    async def all(self) -> Sequence[Membership]: ...


class ReferenceData(Protocol):
    """Municipalities and police districts, shipped with the project (not tenant data)."""

    async def municipalities(self) -> Sequence[Municipality]: ...

    async def municipality(self, number: str) -> Municipality | None: ...

    async def police_districts(self) -> Sequence[PoliceDistrict]: ...


class UnitOfWork(Protocol):
    """One transaction bound to one SLT unit. The use case calls ``commit``; leaving without it rolls back."""

    @property
    def units(self) -> UnitRepository: ...

    @property
    def establishments(self) -> EstablishmentRepository: ...

    @property
    def organisations(self) -> OrganisationRepository: ...

    @property
    def persons(self) -> PersonRepository: ...

    @property
    def bodies(self) -> BodyRepository: ...

    @property
    def memberships(self) -> MembershipRepository: ...

    @property
    def reference(self) -> ReferenceData: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self, unit_id: UUID) -> UnitOfWork: ...
