"""The remaining organisation reads on the fakes and on PostgreSQL: the unit, its establishment
record, reference data, the three-level picture (body summaries) and membership views."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import uuid4

import pytest

from domain.organisation.filters import MembershipFilter
from domain.organisation.model import Establishment, Level, OrganisationType, UnitKind
from domain.shared.errors import NotFound, StaleVersion
from domain.shared.pagination import PageRequest
from domain.shared.principal import BodyRole
from tests.repositories.conftest import UNIT_NAME, Backend
from tests.repositories.organisation import rows
from tests.repositories.organisation.test_lists import walk

D = date


async def test_the_unit_and_only_the_unit(backend: Backend) -> None:
    async with backend.factory(backend.unit) as uow:
        unit = await uow.units.get(backend.unit)
        with pytest.raises(NotFound):
            await uow.units.get(backend.other)
    assert (unit.name, unit.kind, unit.municipality_numbers) == (
        UNIT_NAME,
        UnitKind.MUNICIPALITY,
        ("3301",),
    )
    async with backend.factory(backend.unit) as uow:
        with pytest.raises(StaleVersion):
            await uow.units.update(replace(unit, name="Kupp", version=3), 2)
    async with backend.factory(backend.unit) as uow:
        await uow.units.update(replace(unit, name="SLT Drammen og omegn", version=2), 1)
        await uow.commit()
    async with backend.factory(backend.unit) as uow:
        assert (await uow.units.get(backend.unit)).name == "SLT Drammen og omegn"


async def test_the_establishment_record_is_saved_by_version(backend: Backend) -> None:
    u = backend.unit
    coordinator = rows.person(u)
    await backend.store(coordinator)
    record = Establishment(
        unit_id=u,
        municipal_decision_date=D(2023, 5, 2),
        municipal_decision_ref="PS 23/17",
        coordinator_person_id=coordinator.id,
        coordinator_fte=Decimal("0.5"),
        version=1,
    )
    async with backend.factory(u) as uow:
        assert await uow.establishments.get(u) is None
        await uow.establishments.save(record, 0)
        await uow.commit()
    async with backend.factory(u) as uow:
        assert await uow.establishments.get(u) == record
        assert await uow.establishments.get(backend.other) is None
    async with backend.factory(u) as uow:
        with pytest.raises(StaleVersion):  # a second first save: created in the meantime
            await uow.establishments.save(record, 0)
    async with backend.factory(u) as uow:
        with pytest.raises(StaleVersion):
            await uow.establishments.save(replace(record, version=3), 2)
    changed = replace(record, police_confirmation_ref="POL-1", version=2)
    async with backend.factory(u) as uow:
        await uow.establishments.save(changed, 1)
        await uow.commit()
    async with backend.factory(u) as uow:
        assert await uow.establishments.get(u) == changed


async def test_reference_data(backend: Backend) -> None:
    async with backend.factory(backend.unit) as uow:
        drammen = await uow.reference.municipality("3301")
        assert await uow.reference.municipality("9999") is None
        numbers = [m.number for m in await uow.reference.municipalities()]
        districts = await uow.reference.police_districts()
    assert drammen is not None and drammen.name == "Drammen"
    assert numbers == sorted(numbers) and {"0301", "3301", "4640"} <= set(numbers)
    names = [d.name for d in districts]
    assert names == sorted(names) and "Vest" in names


@pytest.fixture
async def picture(backend: Backend) -> dict[str, Any]:
    """Two bodies; a chair who served 2023, two members from 2024, a secretary in the other."""
    u = backend.unit
    police = rows.org(u, "Politiet", OrganisationType.POLICE)
    a, b = rows.body(u, "Koordineringsgruppa"), rows.body(u, "Politirådet", Level.STEERING)
    anne, berit, carl = rows.person(u, "anne"), rows.person(u, "Berit"), rows.person(u, "Carl")
    await backend.store(police, a, b, anne, berit, carl)
    m = {
        "berit_chair": rows.membership(a, berit, D(2023, 1, 1), D(2023, 12, 31), BodyRole.CHAIR),
        "anne": rows.membership(a, anne, D(2024, 1, 1), organisation_id=police.id),
        "berit": rows.membership(a, berit, D(2024, 1, 1)),
        "carl": rows.membership(b, carl, D(2024, 6, 1), role=BodyRole.SECRETARY),
    }
    await backend.store(*m.values())
    theirs = rows.body(backend.other, "Koordineringsgruppa")
    await backend.store(theirs, unit=backend.other)
    return {"a": a, "b": b, "police": police, "person_carl": carl, **m}


async def test_body_summaries_on_a_day(backend: Backend, picture: dict[str, Any]) -> None:
    a, b = picture["a"], picture["b"]
    async with backend.factory(backend.unit) as uow:
        then = await uow.bodies.summaries(D(2023, 6, 1))
        now = await uow.bodies.summaries(D(2024, 7, 1))
    assert [(s.body, s.chair_name, s.member_count) for s in then] == [(a, "Berit", 1), (b, None, 0)]
    assert [(s.body, s.chair_person_id, s.member_count) for s in now] == [
        (a, None, 2),
        (b, None, 1),
    ]


async def test_membership_views_and_filters(backend: Backend, picture: dict[str, Any]) -> None:
    p = picture
    by_name = [p["anne"], *sorted([p["berit_chair"], p["berit"]], key=lambda m: str(m.id))]
    async with backend.factory(backend.unit) as uow:
        seen, totals = await walk(uow.memberships.list, MembershipFilter(body_id=p["a"].id), 1)
        assert ([v.membership for v in seen], totals) == (by_name, {3})

        async def listed(f: MembershipFilter) -> list[Any]:
            return [v.membership for v in (await uow.memberships.list(f, PageRequest())).items]

        assert await listed(MembershipFilter(active_on=D(2023, 6, 1))) == [p["berit_chair"]]
        assert await listed(MembershipFilter(role=BodyRole.CHAIR)) == [p["berit_chair"]]
        assert await listed(MembershipFilter(person_id=p["person_carl"].id)) == [p["carl"]]
        assert await listed(MembershipFilter(organisation_id=p["police"].id)) == [p["anne"]]
        view = await uow.memberships.view(p["anne"].id)
        assert (view.person_name, view.body_name, view.organisation_name) == (
            "anne",
            "Koordineringsgruppa",
            "Politiet",
        )
        with pytest.raises(NotFound):
            await uow.memberships.view(uuid4())
        current = await uow.memberships.views_of_bodies([p["a"].id, p["b"].id], D(2024, 7, 1))
        assert [v.membership for v in current] == [p["anne"], p["berit"], p["carl"]]
        of_a = await uow.memberships.of_body(p["a"].id)
        assert sorted(m.id for m in of_a) == sorted(m.id for m in by_name)
        every = await uow.memberships.all()
        assert len(every) == 4
