"""The agreements context's ports: its repository, the document store and its unit of work, as
Protocols. Parties are read through the organisation context's own repository (never written)."""

from __future__ import annotations

from datetime import date, datetime
from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

from domain.agreements.agreement import Agreement
from domain.agreements.document import SignedDocument
from domain.agreements.filters import AgreementFilter
from domain.organisation.ports import OrganisationRepository
from domain.shared.pagination import Page, PageRequest
from domain.shared.ports import Clock as Clock  # re-exported for the context's use cases
from domain.shared.ports import EntityRepository


class AgreementRepository(EntityRepository[Agreement], Protocol):
    """Agreements with their parties (in order) and their document's metadata. ``update`` writes
    the fields and the parties, never the document (``DocumentStore`` does)."""

    async def list(self, f: AgreementFilter, today: date, page: PageRequest) -> Page[Agreement]:
        """By valid-until date, then id; ``f.status`` is judged on ``today``."""
        ...


class DocumentStore(Protocol):
    """The signed documents' bytes, in the unit of work's transaction: a refused or failed save
    leaves nothing behind, and another unit's document is simply not there."""

    async def put(
        self, agreement_id: UUID, filename: str, doc: SignedDocument, at: datetime
    ) -> None:
        """Store (or replace) the agreement's document."""
        ...

    async def content(self, agreement_id: UUID) -> bytes | None:
        """The document's bytes; None when the agreement has none (or is not in this unit)."""
        ...

    async def remove(self, agreement_id: UUID) -> None: ...


class AgreementsUnitOfWork(Protocol):
    """One transaction bound to one SLT unit. The use case calls ``commit``; leaving without it rolls back."""

    @property
    def agreements(self) -> AgreementRepository: ...

    @property
    def documents(self) -> DocumentStore: ...

    @property
    def organisations(self) -> OrganisationRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...


class AgreementsUnitOfWorkFactory(Protocol):
    def __call__(self, unit_id: UUID) -> AgreementsUnitOfWork: ...
