"""Trends domain room: who may release, pull and see the pull log, as plain functions, deny by
default. A machine pulls with ``samordna:trends.read`` (the district scoping is the resolver's);
persons with a unit role pull their own unit's tables; coordinators and unit admins release and
read the pull log."""

from __future__ import annotations

from domain.shared.principal import Principal, Role, Scope

_MANAGERS = (Role.UNIT_ADMIN, Role.COORDINATOR)
_PERSON_READERS = (Role.UNIT_ADMIN, Role.COORDINATOR, Role.POLICE_CONTACT, Role.STEERING_READER)


def can_release(p: Principal) -> bool:
    return p.has_role(*_MANAGERS)


def can_pull(p: Principal) -> bool:
    """Machines with ``samordna:trends.read``; persons with a unit role (own unit only)."""
    return p.has_scope(Scope.TRENDS_READ) or p.has_role(*_PERSON_READERS)


def can_read_pulls(p: Principal) -> bool:
    return p.has_role(*_MANAGERS)


def can_read_releases(p: Principal) -> bool:
    """The releases with their audit and change log: the unit's person readers."""
    return p.has_role(*_PERSON_READERS)
