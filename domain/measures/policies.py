"""Measures domain room: who may see and change measures and plans, as plain functions, deny by
default (built on the shared kernel's policies).

Reading is for everyone who may see the unit's organisation — but only persons: no machine scope
reads measures. Proposing is for the coordinator, the unit admin and anyone with a body seat.
The coordinator and the unit admin keep everything; the proposer edits while the measure is
``proposed``, the owner while it is decided or running, and the owner follows it up (progress
notes, milestones, evaluations, the report)."""

from __future__ import annotations

from domain.measures.measure import Measure
from domain.measures.stage import RUNNING, Stage
from domain.shared import policies as kernel
from domain.shared.principal import Principal, Role

_WRITERS = (Role.UNIT_ADMIN, Role.COORDINATOR)
# What the owner keeps up to date in any stage (the rest of the fields follow ``can_edit``).
FOLLOW_UP_FIELDS = frozenset({"milestones"})


def can_read(p: Principal) -> bool:
    """Unit roles (admin, coordinator, police contact, steering reader) or any body seat."""
    return p.is_person and kernel.can_read_organisation(p)


def can_manage(p: Principal) -> bool:
    """Transitions, plans, settings, removal and reminders: the coordinator and the unit admin."""
    return p.has_role(*_WRITERS)


def can_propose(p: Principal) -> bool:
    return can_manage(p) or (p.is_person and bool(p.body_roles))


def is_owner(p: Principal, m: Measure) -> bool:
    return p.is_person and p.person_id is not None and m.owner_id == p.person_id


def is_proposer(p: Principal, m: Measure) -> bool:
    return p.is_person and p.person_id is not None and m.proposed_by == p.person_id


def can_edit(p: Principal, m: Measure) -> bool:
    """The measure's fields: managers always; the proposer while proposed; the owner while
    decided or running (a reader in both cases: a person who lost every role edits nothing)."""
    if can_manage(p):
        return True
    if not can_read(p):
        return False
    if m.stage is Stage.PROPOSED and is_proposer(p, m):
        return True
    return (m.stage is Stage.DECIDED or m.stage in RUNNING) and is_owner(p, m)


def can_follow_up(p: Principal, m: Measure) -> bool:
    """Progress notes, milestones, evaluations and their reports: managers and the owner."""
    return can_manage(p) or (can_read(p) and is_owner(p, m))


def can_change(p: Principal, m: Measure, fields: frozenset[str]) -> bool:
    """May ``p`` change these fields of ``m``? Milestones alone are follow-up."""
    if fields and fields <= FOLLOW_UP_FIELDS:
        return can_follow_up(p, m) or can_edit(p, m)
    return can_edit(p, m)


def can_lift_evaluation_duty(p: Principal, m: Measure) -> bool:
    """Once a body has decided a measure, only a manager may lift a reason it must be evaluated
    (untick a flag, lower the budget under the threshold): nobody else evades the evaluation."""
    return can_manage(p) or m.stage in (Stage.PROPOSED, Stage.ASSESSED)
