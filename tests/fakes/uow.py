"""Fakes room: the organisation context's unit of work and its factory over one ``FakeStore``."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Self
from uuid import UUID, uuid4

from domain.organisation.ports import (
    BodyRepository,
    EstablishmentRepository,
    MembershipRepository,
    OrganisationRepository,
    PersonRepository,
    ReferenceData,
    UnitOfWork,
    UnitOfWorkFactory,
    UnitRepository,
)
from tests.fakes.memberships import FakeMembershipRepository
from tests.fakes.organisation import (
    FakeBodyRepository,
    FakeEstablishmentRepository,
    FakeOrganisationRepository,
    FakePersonRepository,
    FakeReferenceData,
    FakeUnitRepository,
)
from tests.fakes.store import FakeStore


class FakeUnitOfWork:
    """One 'transaction' bound to one unit: a copy of the store, published on ``commit``."""

    def __init__(self, store: FakeStore, unit_id: UUID) -> None:
        self.store = store
        self.unit_id = unit_id
        self.committed = False
        self.tables = store.tables.copy()
        # Typed as the ports, so mypy checks that every fake keeps its Protocol.
        self.units: UnitRepository = FakeUnitRepository(self)
        self.establishments: EstablishmentRepository = FakeEstablishmentRepository(self)
        self.organisations: OrganisationRepository = FakeOrganisationRepository(self)
        self.persons: PersonRepository = FakePersonRepository(self)
        self.bodies: BodyRepository = FakeBodyRepository(self)
        self.memberships: MembershipRepository = FakeMembershipRepository(self)
        self.reference: ReferenceData = FakeReferenceData(store)

    async def __aenter__(self) -> Self:
        self.tables = self.store.tables.copy()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Without commit the working copy is simply dropped: that is the rollback.
        self.tables = self.store.tables.copy()

    async def commit(self) -> None:
        self.store.tables = self.tables.copy()
        self.store.commits += 1
        self.committed = True


class FakeUnitOfWorkFactory:
    """Hands out units of work over one shared store; remembers which units were opened."""

    def __init__(self, store: FakeStore | None = None) -> None:
        self.store = store or FakeStore()
        self.opened: list[UUID] = []

    def __call__(self, unit_id: UUID) -> FakeUnitOfWork:
        self.opened.append(unit_id)
        return FakeUnitOfWork(self.store, unit_id)


if TYPE_CHECKING:  # the fakes must satisfy the ports they stand in for
    _uow: UnitOfWork = FakeUnitOfWork(FakeStore(), uuid4())
    _factory: UnitOfWorkFactory = FakeUnitOfWorkFactory()
