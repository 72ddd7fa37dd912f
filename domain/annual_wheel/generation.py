"""Annual-wheel domain room: generating a year's tasks from the templates (a pure function).

Owners are resolved from the organisation on each task's due date: the unit's coordinator (the
establishment record), or the chair or secretary of the body at the template's level. A vacant
seat, or a level with several bodies (two coordinating groups, which names no single body, so
``body_id`` stays empty), makes the task the coordinator's to hand on; with no coordinator on
record the owner stays open.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from domain.annual_wheel.task import WheelTask, task_id
from domain.annual_wheel.template import OwnerRole, WheelTemplate, check_year
from domain.organisation.model import Body, Level, Membership
from domain.shared.principal import BodyRole


@dataclass(frozen=True, slots=True, kw_only=True)
class Seats:
    """What owner resolution needs from the organisation context."""

    coordinator_person_id: UUID | None
    bodies: Sequence[Body] = ()
    memberships: Sequence[Membership] = field(default=())

    def body_at(self, level: Level | None) -> Body | None:
        at = [b for b in self.bodies if b.level is level]
        return at[0] if len(at) == 1 else None

    def holder(self, body_id: UUID, role: BodyRole, on: date) -> UUID | None:
        seated = sorted(
            (
                m
                for m in self.memberships
                if m.body_id == body_id and m.role is role and m.active_on(on)
            ),
            key=lambda m: (m.valid_from, str(m.person_id)),
        )
        return seated[-1].person_id if seated else None  # the latest to take the seat


_BODY_ROLE = {OwnerRole.CHAIR: BodyRole.CHAIR, OwnerRole.SECRETARY: BodyRole.SECRETARY}


def owner(t: WheelTemplate, due: date, seats: Seats) -> tuple[UUID | None, UUID | None]:
    """(body id, owner person id) of ``t``'s task due on ``due``; either may be unknown."""
    body = seats.body_at(t.body_level) if t.body_level is not None else None
    if t.owner_role is OwnerRole.COORDINATOR:
        return (body.id if body else None), seats.coordinator_person_id
    if body is None:
        return None, seats.coordinator_person_id
    return body.id, seats.holder(body.id, _BODY_ROLE[t.owner_role], due) or (
        seats.coordinator_person_id
    )


def plan_year(templates: Iterable[WheelTemplate], year: int, seats: Seats) -> list[WheelTask]:
    """One task per active template for ``year``, by due date then title."""
    check_year(year)
    tasks = []
    for t in templates:
        if not t.active:
            continue
        due = t.due(year)
        body_id, person_id = owner(t, due, seats)
        tasks.append(
            WheelTask(
                id=task_id(t.id, year),
                unit_id=t.unit_id,
                template_id=t.id,
                year=year,
                title=t.title,
                due=due,
                owner_role=t.owner_role,
                body_level=t.body_level,
                body_id=body_id,
                owner_person_id=person_id,
                description=t.description,
            )
        )
    return sorted(tasks, key=lambda k: (k.due, k.title, str(k.id)))
