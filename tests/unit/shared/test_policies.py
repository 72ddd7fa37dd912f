"""Authorisation policies: every principal kind against every policy, deny by default."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID, uuid4

import pytest

from domain.shared import policies as pol
from domain.shared.errors import Forbidden
from domain.shared.principal import BodyRole, Principal, PrincipalKind, Role, Scope
from tests import fakes

UNIT = uuid4()
BODY = uuid4()
OTHER_BODY = uuid4()

PRINCIPALS: dict[str, Callable[[], Principal]] = {
    "unit_admin": lambda: fakes.unit_admin(UNIT),
    "coordinator": lambda: fakes.coordinator(UNIT),
    "police_contact": lambda: fakes.police_contact(UNIT),
    "steering_reader": lambda: fakes.steering_reader(UNIT),
    "chair": lambda: fakes.body_member(UNIT, BODY, BodyRole.CHAIR),
    "secretary": lambda: fakes.body_member(UNIT, BODY, BodyRole.SECRETARY),
    "member": lambda: fakes.body_member(UNIT, BODY, BodyRole.MEMBER),
    "observer": lambda: fakes.body_member(UNIT, BODY, BodyRole.OBSERVER),
    "no_role": lambda: fakes.person(UNIT),
    "machine_org_read": lambda: fakes.machine(UNIT, [Scope.ORGANISATION_READ]),
    "machine_other_scopes": lambda: fakes.machine(
        UNIT, [Scope.TRENDS_READ, Scope.IMPORT_WRITE, Scope.ARCHIVE_READ]
    ),
    "machine_no_scope": lambda: fakes.machine(UNIT),
}

POLICIES: dict[str, Callable[[Principal], bool]] = {
    "read": pol.can_read_organisation,
    "manage": pol.can_manage_organisation,
    "memberships_own_body": lambda p: pol.can_manage_memberships(p, BODY),
    "memberships_other_body": lambda p: pol.can_manage_memberships(p, OTHER_BODY),
    "unit": pol.can_manage_unit,
    "establishment": pol.can_manage_establishment,
}

# Y = allowed. Columns in the order of POLICIES.
TABLE = """
                      read manage own_body other_body unit establishment
unit_admin            Y    Y      Y        Y          Y    Y
coordinator           Y    Y      Y        Y          .    Y
police_contact        Y    .      .        .          .    .
steering_reader       Y    .      .        .          .    .
chair                 Y    .      Y        .          .    .
secretary             Y    .      Y        .          .    .
member                Y    .      .        .          .    .
observer              Y    .      .        .          .    .
no_role               .    .      .        .          .    .
machine_org_read      Y    .      .        .          .    .
machine_other_scopes  .    .      .        .          .    .
machine_no_scope      .    .      .        .          .    .
"""


def _cases() -> list[tuple[str, str, bool]]:
    lines = [line.split() for line in TABLE.strip().splitlines()[1:]]
    assert {line[0] for line in lines} == set(PRINCIPALS)
    return [
        (who, policy, mark == "Y")
        for who, *marks in lines
        for policy, mark in zip(POLICIES, marks, strict=True)
    ]


@pytest.mark.parametrize(("who", "policy", "allowed"), _cases())
def test_policy_table(who: str, policy: str, allowed: bool) -> None:
    assert POLICIES[policy](PRINCIPALS[who]()) is allowed


@pytest.mark.parametrize("policy", list(POLICIES))
def test_a_person_with_machine_scopes_gets_nothing_from_them(policy: str) -> None:
    p = Principal(
        kind=PrincipalKind.PERSON,
        subject_key="x",
        unit_id=UNIT,
        display_name="Scoped person",
        scopes=frozenset(str(s) for s in Scope),
    )
    assert POLICIES[policy](p) is False


@pytest.mark.parametrize("policy", list(POLICIES))
def test_a_machine_gets_nothing_from_person_roles_or_seats(policy: str) -> None:
    p = Principal(
        kind=PrincipalKind.MACHINE,
        subject_key="0192:974760673",
        unit_id=UNIT,
        display_name="Odd machine",
        roles=frozenset(Role),
        body_roles={BODY: BodyRole.CHAIR, OTHER_BODY: BodyRole.SECRETARY},
    )
    assert POLICIES[policy](p) is False


def test_a_chair_of_two_bodies_manages_both_but_no_third() -> None:
    p = fakes.person(UNIT, body_roles={BODY: BodyRole.CHAIR, OTHER_BODY: BodyRole.SECRETARY})
    third: UUID = uuid4()
    assert pol.can_manage_memberships(p, BODY)
    assert pol.can_manage_memberships(p, OTHER_BODY)
    assert not pol.can_manage_memberships(p, third)
    assert not pol.can_manage_organisation(p)


def test_require_raises_forbidden_naming_the_action() -> None:
    pol.require(True, "do it")
    with pytest.raises(Forbidden) as exc:
        pol.require(False, "change the unit record")
    assert exc.value.detail == "You may not change the unit record."
    assert exc.value.code == "forbidden"
