"""Meeting-norm compliance per body and year through the use case (meeting dates from the port)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.annual_wheel.norms import NormStatus, NormWarning
from domain.annual_wheel.service import AnnualWheelService
from domain.organisation.model import Level, SltUnit
from domain.shared.errors import Forbidden, ValidationFailed
from domain.shared.principal import Principal
from tests.fakes import FakeAnnualWheelStore, coordinator, person, police_contact
from tests.unit.annual_wheel.conftest import body


async def test_each_body_against_its_norm(
    wheel: AnnualWheelService, coord: Principal, store: FakeAnnualWheelStore, unit: SltUnit
) -> None:
    steering = body(unit, "Politirådet", Level.STEERING, 4)
    coordinating = body(unit, "Koordineringsgruppa", Level.COORDINATING, 12)
    youth = body(unit, "Ungdomsteamet", Level.EXECUTIVE)
    store.put(steering, coordinating, youth)
    store.meeting(unit.id, steering.id, date(2026, 2, 10), held=True)
    for m in (5, 9, 11):
        store.meeting(unit.id, steering.id, date(2026, m, 10), held=False)
    store.meeting(unit.id, coordinating.id, date(2026, 1, 20), held=True)
    store.meeting(unit.id, coordinating.id, date(2026, 2, 20), held=False)  # never recorded
    store.meeting(unit.id, coordinating.id, date(2025, 12, 1), held=True)  # last year
    store.meeting(unit.id, youth.id, date(2026, 3, 1), held=True)

    by_name = {c.body.name: c.compliance for c in await wheel.norm_compliance(coord, 2026)}
    assert by_name["Politirådet"].status is NormStatus.OK
    c = by_name["Koordineringsgruppa"]
    assert (c.status, c.held, c.planned, c.unrecorded) == (NormStatus.AT_RISK, 1, 0, 1)
    assert c.warnings == (NormWarning.UNRECORDED, NormWarning.UNPLANNED)
    assert by_name["Ungdomsteamet"].status is NormStatus.NOT_APPLICABLE


async def test_another_units_meetings_do_not_count(
    wheel: AnnualWheelService, store: FakeAnnualWheelStore, unit: SltUnit
) -> None:
    other = store.seed_unit(
        name="SLT Bærum", municipality_numbers=("3201",), police_district="oslo"
    )
    steering = body(unit, "Politirådet", Level.STEERING, 4)
    store.put(steering)
    store.meeting(other.id, steering.id, date(2026, 2, 10), held=True)
    (c,) = await wheel.norm_compliance(coordinator(unit.id), 2026)
    assert c.compliance.held == 0
    assert await wheel.norm_compliance(coordinator(other.id), 2026) == []


async def test_readers_may_see_it_others_not(wheel: AnnualWheelService, unit: SltUnit) -> None:
    assert await wheel.norm_compliance(police_contact(unit.id), 2026) == []
    with pytest.raises(Forbidden):
        await wheel.norm_compliance(person(unit.id), 2026)
    with pytest.raises(ValidationFailed):
        await wheel.norm_compliance(coordinator(unit.id), 3000)
