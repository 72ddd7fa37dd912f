"""The rules the database guarantees, kept by the fakes too, with the same domain errors: unique
names, one membership of a person in a body at a time, one chair at a time, checks, references
within the unit, and rows still referred to not being deleted."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import date
from typing import Any
from uuid import uuid4

import pytest

from domain.organisation.model import Establishment, Level
from domain.organisation.ports import UnitOfWork
from domain.shared.errors import (
    ChairOverlap,
    DomainError,
    DuplicateName,
    InUse,
    MembershipOverlap,
    ValidationFailed,
)
from domain.shared.principal import BodyRole
from tests.repositories.conftest import Backend
from tests.repositories.organisation import rows

D = date
CHAIR = BodyRole.CHAIR


async def refused(b: Backend, write: Callable[[UnitOfWork], Awaitable[Any]]) -> DomainError:
    """The error a write ends in; each in a unit of work of its own (a refused write may leave a
    PostgreSQL transaction unusable)."""
    async with b.factory(b.unit) as uow:
        with pytest.raises(DomainError) as caught:
            await write(uow)
    return caught.value


def fields(e: DomainError) -> list[tuple[str, str]]:
    assert isinstance(e, ValidationFailed), e
    return [(f.field, f.code) for f in e.errors]


async def test_organisation_names_are_unique_in_a_unit_ignoring_case(backend: Backend) -> None:
    u = backend.unit
    school, other = rows.org(u, "Fjell skole"), rows.org(u, "Dal skole")
    await backend.store(school, other)
    e = await refused(backend, lambda uow: uow.organisations.add(rows.org(u, "FJELL SKOLE")))
    assert type(e) is DuplicateName
    renamed = replace(other, name="fjell skole", version=2)
    e = await refused(backend, lambda uow: uow.organisations.update(renamed, 1))
    assert type(e) is DuplicateName
    await backend.store(rows.org(backend.other, "Fjell skole"), unit=backend.other)


async def test_body_names_are_unique_in_a_unit_ignoring_case(backend: Backend) -> None:
    u = backend.unit
    await backend.store(rows.body(u, "Politirådet", Level.STEERING))
    e = await refused(backend, lambda uow: uow.bodies.add(rows.body(u, "POLITIRÅDET")))
    assert type(e) is DuplicateName
    await backend.store(rows.body(backend.other, "Politirådet"), unit=backend.other)


async def test_a_politiraad_serves_at_the_steering_level(backend: Backend) -> None:
    wrong = rows.body(backend.unit, "Råd", Level.EXECUTIVE, is_politiraad=True)
    e = await refused(backend, lambda uow: uow.bodies.add(wrong))
    assert fields(e) == [("isPolitiraad", "steering-only")]


@pytest.fixture
async def seats(backend: Backend) -> tuple[Any, Any, Any, Any]:
    """A body, a second body and two persons of the unit."""
    u = backend.unit
    made = (rows.body(u, "Gruppe A"), rows.body(u, "Gruppe B"), rows.person(u), rows.person(u))
    await backend.store(*made)
    return made


async def test_one_membership_of_a_person_in_a_body_at_a_time(
    backend: Backend, seats: tuple[Any, Any, Any, Any]
) -> None:
    a, b, kari, _ = seats
    first = rows.membership(a, kari, D(2024, 1, 1), D(2024, 6, 30))
    await backend.store(first)
    # The last day is inclusive: starting on it overlaps, starting the day after does not.
    clash = rows.membership(a, kari, D(2024, 6, 30))
    e = await refused(backend, lambda uow: uow.memberships.add(clash))
    assert type(e) is MembershipOverlap
    await backend.store(rows.membership(a, kari, D(2024, 7, 1)), rows.membership(b, kari))
    stretched = replace(first, valid_to=D(2024, 8, 1), version=2)
    e = await refused(backend, lambda uow: uow.memberships.update(stretched, 1))
    assert type(e) is MembershipOverlap


async def test_one_chair_of_a_body_at_a_time(
    backend: Backend, seats: tuple[Any, Any, Any, Any]
) -> None:
    a, b, kari, ola = seats
    await backend.store(rows.membership(a, kari, D(2024, 1, 1), D(2024, 12, 31), CHAIR))
    e = await refused(
        backend,
        lambda uow: uow.memberships.add(rows.membership(a, ola, D(2024, 6, 1), None, CHAIR)),
    )
    assert type(e) is ChairOverlap
    # The same person as chair twice breaks the membership rule first, as the check says.
    e = await refused(
        backend,
        lambda uow: uow.memberships.add(rows.membership(a, kari, D(2024, 6, 1), None, CHAIR)),
    )
    assert type(e) is MembershipOverlap
    await backend.store(
        rows.membership(a, ola, D(2025, 1, 1), None, CHAIR),
        rows.membership(b, ola, D(2024, 6, 1), None, CHAIR),
    )


async def test_a_membership_ends_on_or_after_its_start(
    backend: Backend, seats: tuple[Any, Any, Any, Any]
) -> None:
    a, _, kari, _ = seats
    backwards = rows.membership(a, kari, D(2024, 5, 1), D(2024, 4, 30))
    e = await refused(backend, lambda uow: uow.memberships.add(backwards))
    assert fields(e) == [("validTo", "before-start")]


async def test_references_stay_within_the_unit(backend: Backend) -> None:
    u, theirs = backend.unit, backend.other
    their_person, their_org = rows.person(theirs), rows.org(theirs, "Deres")
    await backend.store(their_person, their_org, unit=theirs)
    body, mine = rows.body(u), rows.person(u)
    await backend.store(body, mine)
    cases: list[tuple[Callable[[UnitOfWork], Awaitable[Any]], str]] = [
        (lambda uow: uow.memberships.add(rows.membership(body, their_person)), "personId"),
        (lambda uow: uow.memberships.add(rows.membership(body, rows.person(u))), "personId"),
        (
            lambda uow: uow.memberships.add(rows.membership(body, mine, organisation_id=uuid4())),
            "organisationId",
        ),
        (
            lambda uow: uow.persons.add(rows.person(u, organisation_id=their_org.id)),
            "organisationId",
        ),
        (
            lambda uow: uow.organisations.add(rows.org(u, "Ny", municipality_number="9999")),
            "municipalityNumber",
        ),
    ]
    for write, field in cases:
        assert fields(await refused(backend, write)) == [(field, "unknown")]


async def test_the_establishment_refers_to_persons_of_the_unit(backend: Backend) -> None:
    stranger = rows.person(backend.other)
    await backend.store(stranger, unit=backend.other)
    record = Establishment(unit_id=backend.unit, coordinator_person_id=stranger.id, version=1)
    e = await refused(backend, lambda uow: uow.establishments.save(record, 0))
    assert fields(e) == [("coordinatorPersonId", "unknown")]


async def test_rows_still_referred_to_are_in_use(backend: Backend) -> None:
    u = backend.unit
    school, spare = rows.org(u, "Skolen"), rows.org(u, "Ledig")
    teacher, idle = rows.person(u, organisation_id=school.id), rows.person(u, "Ledig")
    body, empty = rows.body(u, "Gruppe"), rows.body(u, "Tom")
    await backend.store(school, spare, teacher, idle, body, empty)
    await backend.store(rows.membership(body, teacher))
    async with backend.factory(u) as uow:
        assert await uow.organisations.in_use(school.id) is True
        assert await uow.organisations.in_use(spare.id) is False
        assert await uow.persons.in_use(teacher.id) is True
        assert await uow.persons.in_use(idle.id) is False
    for write in (
        lambda uow: uow.organisations.delete(school.id, 1),
        lambda uow: uow.persons.delete(teacher.id, 1),
        lambda uow: uow.bodies.delete(body.id, 1),
    ):
        assert type(await refused(backend, write)) is InUse
    async with backend.factory(u) as uow:
        await uow.organisations.delete(spare.id, 1)
        await uow.persons.delete(idle.id, 1)
        await uow.bodies.delete(empty.id, 1)
        await uow.commit()


async def test_the_establishment_record_counts_as_a_reference(backend: Backend) -> None:
    u = backend.unit
    coordinator = rows.person(u, "Koordinator")
    await backend.store(coordinator)
    async with backend.factory(u) as uow:
        await uow.establishments.save(
            Establishment(unit_id=u, coordinator_person_id=coordinator.id, version=1), 0
        )
        await uow.commit()
    async with backend.factory(u) as uow:
        assert await uow.persons.in_use(coordinator.id) is True
    e = await refused(backend, lambda uow: uow.persons.delete(coordinator.id, 1))
    assert type(e) is InUse
