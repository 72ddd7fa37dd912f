"""Cases domain room: who may do what with cases, as plain functions, deny by default. Reading
case CONTENT is never decided here — that is ``decision.decide`` per item; these answer who may
open, manage and administer."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from domain.cases.case import CaseMember, MemberRole
from domain.shared.principal import BodyRole, Principal, Role

SEATS = (BodyRole.CHAIR, BodyRole.SECRETARY, BodyRole.MEMBER)


def seat_in(p: Principal, body_id: UUID) -> bool:
    """A chair, secretary or member seat (deputies and observers are not enough)."""
    return p.is_person and p.person_id is not None and p.body_roles.get(body_id) in SEATS


def can_open_case(p: Principal, body_id: UUID) -> bool:
    return seat_in(p, body_id)


def membership(p: Principal, team: Sequence[CaseMember]) -> CaseMember | None:
    """The principal's seat on the team, or None (machines and persons without an id have none)."""
    if not p.is_person or p.person_id is None:
        return None
    return next((m for m in team if m.person_id == p.person_id), None)


def is_lead(p: Principal, team: Sequence[CaseMember]) -> bool:
    m = membership(p, team)
    return m is not None and m.role is MemberRole.LEAD


def can_break_glass(p: Principal, body_id: UUID, team: Sequence[CaseMember]) -> bool:
    return seat_in(p, body_id) or membership(p, team) is not None


def is_access_controller(p: Principal) -> bool:
    """The unit admin: break-glass reviews, retention deletion, access reports — metadata only."""
    return p.has_role(Role.UNIT_ADMIN)
