"""Meetings domain room: who may see and change a body's meetings, as plain functions, deny by default."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from domain.organisation.model import Membership
from domain.shared.principal import BodyRole, Principal, Role

_UNIT_READERS = (Role.UNIT_ADMIN, Role.COORDINATOR, Role.POLICE_CONTACT, Role.STEERING_READER)
_WRITERS = (Role.UNIT_ADMIN, Role.COORDINATOR)


def can_read_meetings(p: Principal, body_id: UUID) -> bool:
    """The unit's readers see every body's meetings (open layer); a body's seat holders see its
    own. No machine scope reads meetings yet."""
    return p.has_role(*_UNIT_READERS) or (p.is_person and body_id in p.body_roles)


def reads_every_body(p: Principal) -> bool:
    """The unit's readers see every body's meetings: a batch read for them needs no per-body
    check (the unit of work's unit still bounds it)."""
    return p.has_role(*_UNIT_READERS)


def can_manage_meetings(p: Principal, body_id: UUID) -> bool:
    """Plan meetings, keep agendas, attendance and minutes: the coordinator, the unit admin, and
    the body's chair or secretary."""
    if p.has_role(*_WRITERS):
        return True
    return p.is_person and p.body_roles.get(body_id) in (BodyRole.CHAIR, BodyRole.SECRETARY)


def can_see_restricted(p: Principal, body_id: UUID) -> bool:
    """The restricted layer of minutes is for the body's members only: a seat on the body, of any
    role. A coordinator without a seat sees the open layer like everyone else."""
    return p.is_person and body_id in p.body_roles


def chaired_on(memberships: Sequence[Membership], person_id: UUID | None, day: date) -> bool:
    """True when ``person_id`` held the chair of the body on ``day`` (the memberships are the body's)."""
    return person_id is not None and any(
        m.person_id == person_id and m.role is BodyRole.CHAIR and m.active_on(day)
        for m in memberships
    )
