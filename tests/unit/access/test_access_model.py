"""Access administration's rules without a database: roles, scopes, numbers, the last admin."""

from __future__ import annotations

from uuid import uuid4

import pytest

from domain.access.accounts import AccountChanges
from domain.access.model import check_client, check_identity_number, roles_of, scopes_of
from domain.access.policies import can_administer_access, keeps_an_admin
from domain.shared.errors import Errors, ValidationFailed
from domain.shared.principal import Principal, PrincipalKind, Role, Scope


def _codes(errors: Errors) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in errors.items]


def test_roles_must_be_known_and_not_empty_without_a_person() -> None:
    e = Errors()
    assert roles_of(e, ["coordinator", "unit_admin"], person_id=None) == {
        Role.COORDINATOR,
        Role.UNIT_ADMIN,
    }
    assert e.items == []
    roles_of(e, [], person_id=None)
    assert _codes(e) == [("roles", "required")]
    e = Errors()
    assert roles_of(e, [], person_id=uuid4()) == frozenset()
    assert e.items == []
    roles_of(e, ["root"], person_id=None)
    assert _codes(e) == [("roles", "unknown-role")]


def test_scopes_must_be_known_and_given() -> None:
    e = Errors()
    assert scopes_of(e, ["samordna:trends.read"]) == {Scope.TRENDS_READ}
    scopes_of(e, [])
    scopes_of(e, ["samordna:everything"])
    assert _codes(e) == [("scopes", "required"), ("scopes", "unknown-scope")]


@pytest.mark.parametrize(
    ("number", "ok"),
    [("17858800013", True), ("17858800014", False), ("1785880001", False), ("", False)],
)
def test_identity_numbers_are_checked(number: str, ok: bool) -> None:
    e = Errors()
    check_identity_number(e, number)
    assert (e.items == []) is ok


def test_machine_clients_need_a_valid_organisation_number_and_a_name() -> None:
    e = Errors()
    check_client(e, "991904018", "Statistikk")
    assert e.items == []
    check_client(e, "991904019", " ")
    assert _codes(e) == [("organisationNumber", "invalid"), ("name", "required")]


def test_only_unit_admins_administer() -> None:
    def person(*roles: Role) -> Principal:
        return Principal(
            kind=PrincipalKind.PERSON,
            subject_key="k",
            unit_id=uuid4(),
            display_name="x",
            roles=frozenset(roles),
        )

    assert can_administer_access(person(Role.UNIT_ADMIN))
    assert not can_administer_access(person(Role.COORDINATOR))
    machine = Principal(
        kind=PrincipalKind.MACHINE, subject_key="0192:991904018", unit_id=uuid4(), display_name="m"
    )
    assert not can_administer_access(machine)


def test_the_last_admin_is_kept() -> None:
    assert keeps_an_admin(1, removes_admin=False)
    assert not keeps_an_admin(1, removes_admin=True)
    assert keeps_an_admin(2, removes_admin=True)


def test_account_changes_name_roles_and_person_only() -> None:
    assert AccountChanges.names() == {"roles", "person_id"}
    assert AccountChanges.from_mapping({"person_id": None}).set_fields() == {"person_id": None}
    for name, field in [("identity_number", "identityNumber"), ("unit_id", "unitId")]:
        with pytest.raises(ValidationFailed) as exc:
            AccountChanges.from_mapping({name: "x"})
        assert [(e.field, e.code) for e in exc.value.errors] == [(field, "read-only")]
