"""Measures domain room: the action plan (handlingsplan) — a period, a status, and its tree of
focus areas (innsatsområder) with their goals and strategies. Measures hang under goals (and
focus areas); progress rolls up the tree from the measures (``progress``).

``draft`` plans are edited freely; a steering body's approved decision adopts a plan, after
which its tree is what was decided (``PlanLocked``). ``expired`` is derived from the period's
end and today, never stored."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from uuid import UUID


class PlanStatus(enum.StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"
    EXPIRED = "expired"  # derived: adopted and its period has ended


class Weighting(enum.StrEnum):
    """How measures count towards a goal's progress: each the same, or by budget."""

    EQUAL = "equal"
    BUDGET = "budget"


@dataclass(frozen=True, slots=True, kw_only=True)
class Goal:
    id: UUID
    title: str
    weight: int = 1  # how much the goal counts within its focus area


@dataclass(frozen=True, slots=True, kw_only=True)
class FocusArea:
    id: UUID
    title: str
    goals: tuple[Goal, ...] = ()
    strategies: tuple[str, ...] = ()
    weight: int = 1  # how much the focus area counts within the plan


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionPlan:
    id: UUID
    unit_id: UUID
    title: str
    period_start: date
    period_end: date
    focus_areas: tuple[FocusArea, ...] = ()
    weighting: Weighting = Weighting.EQUAL
    adopted: bool = False
    decision_id: UUID | None = None  # the steering body's decision that adopted it
    description: str | None = None
    version: int = 1

    def check(self) -> None:
        """Raise ``ValidationFailed`` naming every invalid field (``other_checks``)."""
        from domain.measures.other_checks import check_action_plan  # imports this module

        check_action_plan(self)

    def goal_ids(self) -> dict[UUID, UUID]:
        """Every goal of the plan → its focus area."""
        return {g.id: fa.id for fa in self.focus_areas for g in fa.goals}

    def status(self, today: date) -> PlanStatus:
        if not self.adopted:
            return PlanStatus.DRAFT
        return PlanStatus.EXPIRED if today > self.period_end else PlanStatus.ADOPTED
