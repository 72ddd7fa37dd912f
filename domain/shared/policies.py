"""Authorisation policies as plain functions, deny by default.

Each ``can_*`` answers one question for one principal; ``require`` turns a ``False`` into ``Forbidden``.
Both front doors call the use cases, and the use cases call these: one rule, one place.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from domain.shared.errors import Forbidden
from domain.shared.principal import BodyRole, Principal, Role, Scope

_WRITERS = (Role.UNIT_ADMIN, Role.COORDINATOR)
_UNIT_READERS = (Role.UNIT_ADMIN, Role.COORDINATOR, Role.POLICE_CONTACT, Role.STEERING_READER)


def can_read_organisation(p: Principal) -> bool:
    """Every person with a role in the unit or a seat on one of its bodies may see its organisation;
    so may a machine granted ``samordna:organisation.read`` (e.g. the municipal archive system)."""
    if p.is_machine:
        return p.has_scope(Scope.ORGANISATION_READ)
    return p.has_role(*_UNIT_READERS) or bool(p.body_roles)


def can_manage_organisation(p: Principal) -> bool:
    """Organisations, persons, bodies and memberships are kept by the coordinator and the unit admin."""
    return p.has_role(*_WRITERS)


def can_manage_memberships(p: Principal, body_id: UUID) -> bool:
    """The chair or secretary of a body may keep its membership list; coordinators any body's."""
    if can_manage_organisation(p):
        return True
    return p.is_person and p.body_roles.get(body_id) in (BodyRole.CHAIR, BodyRole.SECRETARY)


def can_manage_unit(p: Principal) -> bool:
    """The unit record itself (name, municipalities, police district) belongs to the unit admin."""
    return p.has_role(Role.UNIT_ADMIN)


def can_manage_establishment(p: Principal) -> bool:
    """The establishment record (decision, police confirmation, coordinator) is kept by admin or coordinator."""
    return p.has_role(*_WRITERS)


def require(allowed: bool, action: str) -> None:
    """Raise ``Forbidden`` unless ``allowed``: the one way a policy says no."""
    if not allowed:
        raise Forbidden(f"You may not {action}.")


Policy = Callable[[Principal], bool]
