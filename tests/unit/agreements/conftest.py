"""Fixtures for the agreements' unit tests: a fake store shared with the organisation fakes."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import pytest

from domain.agreements.service import AgreementsService
from domain.organisation.model import Organisation, OrganisationType, SltUnit
from domain.shared.principal import Principal
from tests.fakes import FakeAgreementsStore, FakeAgreementsUnitOfWorkFactory, FakeClock, coordinator

# A minimal PDF: the magic bytes, one empty page, the end-of-file marker.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture
def store() -> FakeAgreementsStore:
    return FakeAgreementsStore()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 14, 9, 30, tzinfo=UTC))


@pytest.fixture
def svc(store: FakeAgreementsStore, clock: FakeClock) -> AgreementsService:
    return AgreementsService(FakeAgreementsUnitOfWorkFactory(store), clock)


@pytest.fixture
def unit(store: FakeAgreementsStore) -> SltUnit:
    return store.seed_unit()


@pytest.fixture
def other(store: FakeAgreementsStore) -> SltUnit:
    return store.seed_unit(name="SLT Indre Sogn", municipality_numbers=("4640",))


@pytest.fixture
def coord(unit: SltUnit) -> Principal:
    return coordinator(unit.id)


def organisation(unit: SltUnit, name: str, type: OrganisationType) -> Organisation:
    return Organisation(id=uuid4(), unit_id=unit.id, name=name, type=type)


@pytest.fixture
def parties(store: FakeAgreementsStore, unit: SltUnit) -> tuple[Organisation, Organisation]:
    kommune = organisation(unit, "Drammen kommune", OrganisationType.MUNICIPAL_ADMINISTRATION)
    politi = organisation(unit, "Drammen politistasjon", OrganisationType.POLICE)
    store.put(kommune, politi)
    return kommune, politi
