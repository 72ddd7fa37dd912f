"""Meetings unit tests: the policies, deny by default, for every kind of principal."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

import pytest

from domain.meetings import policies as pol
from domain.organisation.model import Membership
from domain.shared.principal import BodyRole, Principal, Role, Scope
from tests.fakes import machine, person

UNIT, BODY = uuid4(), uuid4()


def seat(role: BodyRole, body: UUID = BODY) -> Principal:
    return person(UNIT, body_roles={body: role})


CASES = [
    # principal, read, manage, restricted
    (person(UNIT, Role.COORDINATOR), True, True, False),
    (person(UNIT, Role.UNIT_ADMIN), True, True, False),
    (person(UNIT, Role.POLICE_CONTACT), True, False, False),
    (person(UNIT, Role.STEERING_READER), True, False, False),
    (seat(BodyRole.CHAIR), True, True, True),
    (seat(BodyRole.SECRETARY), True, True, True),
    (seat(BodyRole.DEPUTY), True, False, True),
    (seat(BodyRole.MEMBER), True, False, True),
    (seat(BodyRole.OBSERVER), True, False, True),
    (seat(BodyRole.CHAIR, uuid4()), False, False, False),  # another body's chair
    (person(UNIT), False, False, False),
    (machine(UNIT, [Scope.ORGANISATION_READ, Scope.ARCHIVE_READ]), False, False, False),
]


@pytest.mark.parametrize(("p", "read", "manage", "restricted"), CASES)
def test_who_may_read_manage_and_see_the_restricted_layer(
    p: Principal, read: bool, manage: bool, restricted: bool
) -> None:
    assert pol.can_read_meetings(p, BODY) is read
    assert pol.can_manage_meetings(p, BODY) is manage
    assert pol.can_see_restricted(p, BODY) is restricted


def test_the_chair_is_read_on_the_day() -> None:
    chair, other = uuid4(), uuid4()
    terms = [
        Membership(
            id=uuid4(),
            unit_id=UNIT,
            body_id=BODY,
            person_id=chair,
            role=BodyRole.CHAIR,
            valid_from=date(2025, 1, 1),
            valid_to=date(2025, 6, 30),
        ),
        Membership(
            id=uuid4(),
            unit_id=UNIT,
            body_id=BODY,
            person_id=other,
            role=BodyRole.MEMBER,
            valid_from=date(2025, 1, 1),
        ),
    ]
    assert pol.chaired_on(terms, chair, date(2025, 6, 30))
    assert not pol.chaired_on(terms, chair, date(2025, 7, 1))
    assert not pol.chaired_on(terms, other, date(2025, 3, 1))
    assert not pol.chaired_on(terms, None, date(2025, 3, 1))
