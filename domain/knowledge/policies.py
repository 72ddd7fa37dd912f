"""Knowledge domain room: who may read the unit's knowledge base and who may change it, as plain
functions, deny by default.

READ (indicators, areas, observations, the picture, import history) is for every person of the
unit (a unit role or a body seat). MANAGE (indicators, imports, mappings, rollback) is for the
coordinator and the unit admin. A machine with ``samordna:import.write`` may import (upload, job
status, errors, commit, rollback, mappings) and nothing else. Event records are never read one
by one by anybody: only the trends context counts them."""

from __future__ import annotations

from domain.shared.principal import Principal, Role, Scope

_WRITERS = (Role.UNIT_ADMIN, Role.COORDINATOR)
_UNIT_ROLES = (Role.UNIT_ADMIN, Role.COORDINATOR, Role.POLICE_CONTACT, Role.STEERING_READER)


def can_read(p: Principal) -> bool:
    """Every person of the unit: a unit role or a seat on one of its bodies."""
    return p.is_person and (p.has_role(*_UNIT_ROLES) or bool(p.body_roles))


def can_manage(p: Principal) -> bool:
    """Indicators (create, change, remove): the coordinator and the unit admin."""
    return p.has_role(*_WRITERS)


def can_import(p: Principal) -> bool:
    """Imports and mappings: managers, or a machine granted ``samordna:import.write``."""
    return can_manage(p) or p.has_scope(Scope.IMPORT_WRITE)


def can_see_imports(p: Principal) -> bool:
    """Import history and a job's status: readers, and the machines that may import."""
    return can_read(p) or can_import(p)


def can_see_row_errors(p: Principal) -> bool:
    """Row errors quote cell values: only those who may import see them."""
    return can_import(p)
