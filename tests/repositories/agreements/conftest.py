"""Repository tier, agreements: the contract cases run on the fakes (``tests/fakes/agreements.py``)
and on PostgreSQL (``adapters/postgres/agreements``) through the ports only. Each test gets two
fresh units, with two organisations (the parties) in the first."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID, uuid4

import pytest
import sqlalchemy as sa

from adapters.postgres.agreements.uow import PgAgreementsUnitOfWorkFactory
from adapters.postgres.uow import PgUnitOfWorkFactory
from domain.agreements.agreement import Agreement, AgreementKind
from domain.agreements.ports import AgreementsUnitOfWorkFactory
from domain.organisation.model import Organisation, OrganisationType
from domain.organisation.ports import UnitOfWorkFactory
from tests.fakes import FakeAgreementsStore, FakeAgreementsUnitOfWorkFactory, FakeUnitOfWorkFactory
from tests.repositories.conftest import OTHER_NAME, UNIT_NAME, Engines, _pg_units
from tests.repositories.organisation import rows as org_rows


@dataclass
class AgreementBackend:
    name: str
    factory: AgreementsUnitOfWorkFactory
    unit: UUID
    other: UUID
    parties: tuple[Organisation, Organisation]

    def agreement(self, **kw: Any) -> Agreement:
        values: dict[str, Any] = {
            "id": uuid4(),
            "unit_id": self.unit,
            "kind": AgreementKind.POLICE_COUNCIL,
            "title": "Politirådsavtale",
            "party_ids": tuple(o.id for o in self.parties),
            "signed_on": date(2026, 1, 15),
            "valid_until": date(2029, 12, 31),
            "review_on": date(2029, 9, 30),
        } | kw
        return Agreement(**values)

    async def store(self, *items: Agreement) -> None:
        async with self.factory(self.unit) as uow:
            for item in items:
                await uow.agreements.add(item)
            await uow.commit()


async def _parties(org: UnitOfWorkFactory, unit: UUID) -> tuple[Organisation, Organisation]:
    kommune = org_rows.org(unit, "Drammen kommune", OrganisationType.MUNICIPAL_ADMINISTRATION)
    politi = org_rows.org(unit, "Drammen politistasjon", OrganisationType.POLICE)
    async with org(unit) as uow:
        await uow.organisations.add(kommune)
        await uow.organisations.add(politi)
        await uow.commit()
    return kommune, politi


@pytest.fixture
async def ab(engines: Engines | None) -> AsyncIterator[AgreementBackend]:
    if engines is None:
        store = FakeAgreementsStore()
        unit = store.seed_unit(name=UNIT_NAME, police_district="vest").id
        other = store.seed_unit(name=OTHER_NAME, police_district="vest").id
        parties = await _parties(FakeUnitOfWorkFactory(store), unit)
        yield AgreementBackend("fake", FakeAgreementsUnitOfWorkFactory(store), unit, other, parties)
        return
    unit, other = uuid4(), uuid4()
    await _pg_units(
        engines.admin,
        [
            (unit, UNIT_NAME, "municipality", ["3301"]),
            (other, OTHER_NAME, "inter_municipal", ["4640", "4644"]),
        ],
    )
    try:
        parties = await _parties(PgUnitOfWorkFactory(engines.app), unit)
        factory = PgAgreementsUnitOfWorkFactory(engines.app)
        yield AgreementBackend("postgres", factory, unit, other, parties)
    finally:
        async with engines.admin.begin() as conn:
            await conn.execute(
                sa.text("DELETE FROM slt_unit WHERE id IN (:a, :b)"), {"a": unit, "b": other}
            )
