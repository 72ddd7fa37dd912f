"""Organisation domain room: use cases of the unit record, its establishment and the reference data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

from domain.organisation.base import UseCases, exists
from domain.organisation.model import Establishment, Municipality, PoliceDistrict, SltUnit
from domain.shared import policies as pol
from domain.shared.changes import UNSET, Changes, Unset, apply, expect_version
from domain.shared.errors import Errors
from domain.shared.principal import Principal


@dataclass(frozen=True, slots=True, kw_only=True)
class UnitChanges(Changes):
    name: str | Unset = UNSET
    language: str | Unset = UNSET


@dataclass(frozen=True, slots=True, kw_only=True)
class EstablishmentChanges(Changes):
    municipal_decision_date: date | Unset | None = UNSET
    municipal_decision_ref: str | Unset | None = UNSET
    police_confirmation_date: date | Unset | None = UNSET
    police_confirmation_ref: str | Unset | None = UNSET
    coordinator_person_id: UUID | Unset | None = UNSET
    coordinator_fte: Decimal | Unset | None = UNSET
    police_contact_person_id: UUID | Unset | None = UNSET


class UnitUseCases(UseCases):
    async def unit(self, p: Principal) -> SltUnit:
        async with self._read(p) as uow:
            return await uow.units.get(p.unit_id)

    async def update_unit(
        self, p: Principal, changes: UnitChanges, expected_version: int | None
    ) -> SltUnit:
        pol.require(pol.can_manage_unit(p), "change the unit record")
        async with self._open(p) as uow:
            unit = await uow.units.get(p.unit_id)
            expected = expect_version(unit.version, expected_version)
            new = apply(unit, changes)
            new.check()
            await uow.units.update(new, expected)
            await uow.commit()
        return new

    async def municipalities(self, p: Principal) -> Sequence[Municipality]:
        async with self._read(p) as uow:
            return await uow.reference.municipalities()

    async def police_districts(self, p: Principal) -> Sequence[PoliceDistrict]:
        async with self._read(p) as uow:
            return await uow.reference.police_districts()

    async def establishment(self, p: Principal) -> Establishment:
        async with self._read(p) as uow:
            return await uow.establishments.get(p.unit_id) or Establishment(unit_id=p.unit_id)

    async def update_establishment(
        self,
        p: Principal,
        changes: EstablishmentChanges,
        expected_version: int | None,
    ) -> Establishment:
        pol.require(pol.can_manage_establishment(p), "change the establishment record")
        async with self._open(p) as uow:
            current = await uow.establishments.get(p.unit_id) or Establishment(unit_id=p.unit_id)
            expected = expect_version(current.version, expected_version)
            new = apply(current, changes)
            new.check(self._clock.today())
            errors = Errors()
            for field, person_id in (
                ("coordinatorPersonId", new.coordinator_person_id),
                ("policeContactPersonId", new.police_contact_person_id),
            ):
                if person_id is not None and not await exists(uow.persons, person_id):
                    errors.add(field, "unknown", "No such person in this unit.")
            errors.raise_if_any()
            await uow.establishments.save(new, expected)
            await uow.commit()
        return new
