"""Annual-wheel domain room: the base every use-case class shares (authorise, open a unit of work).

Reading the wheel and the norms is for everyone who may see the unit's organisation; keeping the
wheel is for the coordinator and the unit admin (the shared kernel's policies).
"""

from __future__ import annotations

from uuid import UUID

from domain.annual_wheel.ports import AnnualWheelUnitOfWork, AnnualWheelUnitOfWorkFactory, Clock
from domain.shared import policies as pol
from domain.shared.principal import Principal


class UseCases:
    def __init__(self, uow_factory: AnnualWheelUnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow_factory
        self._clock = clock

    def _open(self, unit_id: UUID) -> AnnualWheelUnitOfWork:
        return self._uow(unit_id)

    def _read(self, p: Principal) -> AnnualWheelUnitOfWork:
        pol.require(pol.can_read_organisation(p), "see this unit's annual wheel")
        return self._open(p.unit_id)

    def _write(self, p: Principal) -> AnnualWheelUnitOfWork:
        pol.require(pol.can_manage_organisation(p), "change this unit's annual wheel")
        return self._open(p.unit_id)
