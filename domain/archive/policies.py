"""Archive domain room: who may see and steer the unit's archive delivery (deny by default)."""

from __future__ import annotations

from domain.shared.principal import Principal, Role, Scope

_MANAGERS = (Role.UNIT_ADMIN, Role.COORDINATOR)
_READERS = (Role.UNIT_ADMIN, Role.COORDINATOR, Role.POLICE_CONTACT, Role.STEERING_READER)


def can_manage_archive(p: Principal) -> bool:
    """Messages, retries, settings and extracts: the coordinator and the unit admin."""
    return p.has_role(*_MANAGERS)


def can_read_messages(p: Principal) -> bool:
    """Message status: the managers, and a machine granted ``samordna:archive.read``."""
    return can_manage_archive(p) or p.has_scope(Scope.ARCHIVE_READ)


def can_read_record_status(p: Principal) -> bool:
    """A record's archive badge ("Arkivert: sak 2026/123"): whoever may read the unit's records
    sees where they went; the references carry no content."""
    return p.has_role(*_READERS) or bool(p.body_roles) or p.has_scope(Scope.ARCHIVE_READ)
