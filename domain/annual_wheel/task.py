"""Annual-wheel domain room: the task aggregate — one template's dated task in one year."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from uuid import UUID, uuid5

from domain.annual_wheel.limits import TEXT_MAX, TITLE_MAX
from domain.annual_wheel.template import OwnerRole, year_in_range
from domain.organisation.model import Level
from domain.shared import validation as v
from domain.shared.errors import Errors

# Fixed forever: task ids derive from it, and a changed namespace would duplicate every year.
_TASKS = UUID("6f3c1e0a-5b7d-4c2e-9a41-0d8e2b7f5a10")


class TaskStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


def task_id(template_id: UUID, year: int) -> UUID:
    """The stable key of a template's task in a year: generating again finds the same id."""
    return uuid5(_TASKS, f"{template_id}/{year}")


@dataclass(frozen=True, slots=True, kw_only=True)
class WheelTask:
    """A dated task generated from a template; title and description are copied, so editing the
    template later does not rewrite a past year."""

    id: UUID
    unit_id: UUID
    template_id: UUID
    year: int
    title: str
    due: date
    owner_role: OwnerRole
    body_level: Level | None = None
    body_id: UUID | None = None
    owner_person_id: UUID | None = None
    description: str | None = None
    status: TaskStatus = TaskStatus.OPEN
    version: int = 1

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        v.text(e, "title", self.title, required=True, max_len=TITLE_MAX)
        v.text(e, "description", self.description, required=False, max_len=TEXT_MAX)
        if self.id != task_id(self.template_id, self.year):
            e.add("id", "not-derived", "A task's id derives from its template and year.")
        if self.due.year != self.year:
            e.add("due", "other-year", "The due date lies in the task's year.")
        year_in_range(e, self.year)
        e.raise_if_any()

    def is_overdue(self, today: date) -> bool:
        return self.status is TaskStatus.OPEN and self.due < today
