"""Fakes room: the agreements context's ports (``domain/agreements/ports.py``) in memory.

``FakeAgreementsStore`` is a ``FakeStore`` whose tables also hold agreements and documents, so the
organisation fakes (the parties) and the agreements share one snapshot per unit of work:
``commit`` publishes both, leaving without it drops both — a refused upload leaves nothing.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

from domain.agreements.agreement import Agreement, DocumentInfo
from domain.agreements.document import SignedDocument
from domain.agreements.filters import AgreementFilter
from domain.agreements.ports import (
    AgreementRepository,
    AgreementsUnitOfWork,
    AgreementsUnitOfWorkFactory,
    DocumentStore,
)
from domain.organisation.ports import OrganisationRepository
from domain.shared.errors import Conflict, NotFound, StaleVersion
from domain.shared.pagination import Page, PageRequest
from tests.fakes.organisation import FakeOrganisationRepository
from tests.fakes.paging import contains, keyset_page
from tests.fakes.snapshot import SnapshotUnitOfWork
from tests.fakes.store import FakeStore, Tables


@dataclasses.dataclass
class AgreementTables(Tables):
    agreements: dict[UUID, Agreement] = dataclasses.field(default_factory=dict)
    documents: dict[UUID, bytes] = dataclasses.field(default_factory=dict)

    def copy(self) -> AgreementTables:
        return AgreementTables(
            **{f.name: copy.copy(getattr(self, f.name)) for f in dataclasses.fields(self)}
        )


class FakeAgreementsStore(FakeStore):
    def __init__(self) -> None:
        super().__init__()
        self.tables: AgreementTables = AgreementTables()


class FakeAgreementRepository:
    def __init__(self, uow: FakeAgreementsUnitOfWork) -> None:
        self._uow = uow

    def _mine(self) -> list[Agreement]:
        return [a for a in self._uow.tables.agreements.values() if a.unit_id == self._uow.unit_id]

    async def get(self, id: UUID) -> Agreement:
        found = self._uow.tables.agreements.get(id)
        if found is None or found.unit_id != self._uow.unit_id:
            raise NotFound(f"No agreement with id {id}.")
        return found

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[Agreement]:
        wanted = set(ids)
        return [a for a in self._mine() if a.id in wanted]

    def _refs(self, item: Agreement) -> None:
        orgs = self._uow.tables.organisations
        if any(
            i not in orgs or orgs[i].unit_id != self._uow.unit_id for i in item.party_ids
        ):  # the composite foreign key
            raise Conflict("The change refers to a record that does not exist.")

    async def add(self, item: Agreement) -> None:
        assert item.unit_id == self._uow.unit_id, "agreement written into another unit"
        if item.id in self._uow.tables.agreements:
            raise Conflict("The change conflicts with stored data.")
        self._refs(item)
        self._uow.tables.agreements[item.id] = dataclasses.replace(item, document=None)

    async def update(self, item: Agreement, expected_version: int) -> None:
        stored = await self.get(item.id)
        if stored.version != expected_version:
            raise StaleVersion("Someone else changed this in the meantime.")
        self._refs(item)
        # The document's metadata is the store's to write, as on PostgreSQL.
        self._uow.tables.agreements[item.id] = dataclasses.replace(item, document=stored.document)

    async def delete(self, id: UUID, expected_version: int) -> None:
        stored = await self.get(id)
        if stored.version != expected_version:
            raise StaleVersion("Someone else changed this in the meantime.")
        del self._uow.tables.agreements[id]
        self._uow.tables.documents.pop(id, None)

    async def list(self, f: AgreementFilter, today: date, page: PageRequest) -> Page[Agreement]:
        rows = [
            a
            for a in self._mine()
            if (not f.q or contains(a.title, f.q))
            and (f.kind is None or a.kind is f.kind)
            and (f.status is None or a.status(today) is f.status)
        ]
        return keyset_page(rows, lambda a: a.valid_until.isoformat(), lambda a: a.id, page)


class FakeDocumentStore:
    def __init__(self, uow: FakeAgreementsUnitOfWork) -> None:
        self._uow = uow

    async def put(
        self, agreement_id: UUID, filename: str, doc: SignedDocument, at: datetime
    ) -> None:
        stored = self._uow.tables.agreements.get(agreement_id)
        if stored is None or stored.unit_id != self._uow.unit_id:
            raise Conflict("The change refers to a record that does not exist.")
        info = DocumentInfo(
            filename=filename,
            media_type=doc.media_type,
            size=doc.size,
            sha256=doc.sha256,
            pdfa=doc.pdfa,
            uploaded_at=at,
        )
        self._uow.tables.agreements[agreement_id] = dataclasses.replace(stored, document=info)
        self._uow.tables.documents[agreement_id] = doc.content

    async def content(self, agreement_id: UUID) -> bytes | None:
        stored = self._uow.tables.agreements.get(agreement_id)
        if stored is None or stored.unit_id != self._uow.unit_id:
            return None
        return self._uow.tables.documents.get(agreement_id)

    async def remove(self, agreement_id: UUID) -> None:
        stored = self._uow.tables.agreements.get(agreement_id)
        if stored is not None and stored.unit_id == self._uow.unit_id:
            self._uow.tables.agreements[agreement_id] = dataclasses.replace(stored, document=None)
            self._uow.tables.documents.pop(agreement_id, None)


class FakeAgreementsUnitOfWork(SnapshotUnitOfWork[FakeAgreementsStore, AgreementTables]):
    """One 'transaction' of the agreements over a copy of the store, published on ``commit``."""

    def __init__(self, store: FakeAgreementsStore, unit_id: UUID) -> None:
        self.store = store
        self.unit_id = unit_id
        self.tables: AgreementTables = store.tables.copy()
        self.agreements: AgreementRepository = FakeAgreementRepository(self)
        self.documents: DocumentStore = FakeDocumentStore(self)
        self.organisations: OrganisationRepository = FakeOrganisationRepository(self)  # type: ignore[arg-type]


class FakeAgreementsUnitOfWorkFactory:
    def __init__(self, store: FakeAgreementsStore | None = None) -> None:
        self.store = store or FakeAgreementsStore()

    def __call__(self, unit_id: UUID) -> FakeAgreementsUnitOfWork:
        return FakeAgreementsUnitOfWork(self.store, unit_id)


if TYPE_CHECKING:  # the fakes must satisfy the ports they stand in for
    _uow: AgreementsUnitOfWork = FakeAgreementsUnitOfWork(FakeAgreementsStore(), uuid4())
    _factory: AgreementsUnitOfWorkFactory = FakeAgreementsUnitOfWorkFactory()
