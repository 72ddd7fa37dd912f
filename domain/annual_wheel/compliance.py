"""Annual-wheel domain room: use case of meeting-norm compliance, per body and year (the Oversikt page)."""

from __future__ import annotations

from dataclasses import dataclass

from domain.annual_wheel.base import UseCases
from domain.annual_wheel.norms import Compliance, compliance, effective_norm
from domain.annual_wheel.template import check_year
from domain.organisation.model import Body
from domain.shared.principal import Principal


@dataclass(frozen=True, slots=True, kw_only=True)
class BodyCompliance:
    body: Body
    compliance: Compliance


class ComplianceUseCases(UseCases):
    async def norm_compliance(self, p: Principal, year: int) -> list[BodyCompliance]:
        """Every body of the unit against its meeting norm in ``year``: warns, never forbids."""
        check_year(year)
        async with self._read(p) as uow:
            bodies = await uow.bodies.all()
            dates = await uow.meeting_dates.of_year(year)
        today = self._clock.today()
        return [
            BodyCompliance(
                body=b,
                compliance=compliance(
                    effective_norm(b),
                    held=[d.on for d in dates if d.body_id == b.id and d.held],
                    planned=[d.on for d in dates if d.body_id == b.id and not d.held],
                    today=today,
                    year=year,
                ),
            )
            for b in bodies
        ]
