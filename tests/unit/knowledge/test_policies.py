"""Knowledge unit tests room: the role matrix — READ for every person of the unit, MANAGE for
the coordinator and the unit admin, a machine with ``import.write`` for imports only."""

from __future__ import annotations

from uuid import uuid4

import pytest

from domain.knowledge import policies as pol
from domain.shared.principal import Principal, Role, Scope
from tests.fakes import body_member, machine, person
from tests.unit.knowledge.conftest import UNIT_A

CASES: dict[str, tuple[Principal, tuple[bool, bool, bool, bool]]] = {
    # name: principal, (read, manage, import, see row errors)
    "coordinator": (person(UNIT_A, Role.COORDINATOR), (True, True, True, True)),
    "unit_admin": (person(UNIT_A, Role.UNIT_ADMIN), (True, True, True, True)),
    "police_contact": (person(UNIT_A, Role.POLICE_CONTACT), (True, False, False, False)),
    "steering_reader": (person(UNIT_A, Role.STEERING_READER), (True, False, False, False)),
    "body_member": (body_member(UNIT_A, uuid4()), (True, False, False, False)),
    "no_role": (person(UNIT_A), (False, False, False, False)),
    "machine_import": (machine(UNIT_A, [Scope.IMPORT_WRITE]), (False, False, True, True)),
    "machine_trends": (machine(UNIT_A, [Scope.TRENDS_READ]), (False, False, False, False)),
    "machine_org": (machine(UNIT_A, [Scope.ORGANISATION_READ]), (False, False, False, False)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_role_matrix(name: str) -> None:
    p, (read, manage, imports, errors) = CASES[name]
    assert pol.can_read(p) is read
    assert pol.can_manage(p) is manage
    assert pol.can_import(p) is imports
    assert pol.can_see_row_errors(p) is errors
    assert pol.can_see_imports(p) is (read or imports)
