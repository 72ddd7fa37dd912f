"""Agreements domain room: the base every use-case class shares (authorise, open a unit of work).

Reading agreements is for everyone who may see the unit's organisation; keeping them is for the
coordinator and the unit admin (the shared kernel's policies)."""

from __future__ import annotations

from domain.agreements.ports import AgreementsUnitOfWork, AgreementsUnitOfWorkFactory, Clock
from domain.shared import policies as pol
from domain.shared.principal import Principal


class UseCases:
    def __init__(self, uow_factory: AgreementsUnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow_factory
        self._clock = clock

    def _read(self, p: Principal) -> AgreementsUnitOfWork:
        pol.require(pol.can_read_organisation(p), "see this unit's agreements")
        return self._uow(p.unit_id)

    def _write(self, p: Principal) -> AgreementsUnitOfWork:
        pol.require(pol.can_manage_organisation(p), "change this unit's agreements")
        return self._uow(p.unit_id)
