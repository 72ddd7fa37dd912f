"""Organisation domain room: the body aggregate (a group at one of the three SLT levels) and the
summary the three-level picture shows; ``model`` re-exports them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from uuid import UUID

from domain.organisation.limits import MEETING_NORM_MAX, MEETING_NORM_MIN, NAME_MAX, TEXT_MAX
from domain.shared import validation as v
from domain.shared.errors import Errors


class Level(enum.StrEnum):
    """The three levels of the SLT model, top to bottom."""

    STEERING = "steering"
    COORDINATING = "coordinating"
    EXECUTIVE = "executive"


DEFAULT_MEETING_NORM: dict[Level, int | None] = {
    Level.STEERING: 4,  # handbook 2.1: "minimum fire ganger i året"
    Level.COORDINATING: 12,  # handbook 2.1: "månedlig"
    Level.EXECUTIVE: None,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Body:
    """A group at one level: steering (often the politiråd), coordinating or executive."""

    id: UUID
    unit_id: UUID
    name: str
    level: Level
    mandate: str | None = None
    is_politiraad: bool = False
    meeting_norm_per_year: int | None = None
    version: int = 1

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        v.text(e, "name", self.name, required=True, max_len=NAME_MAX)
        v.text(e, "mandate", self.mandate, required=False, max_len=TEXT_MAX)
        if self.is_politiraad and self.level is not Level.STEERING:
            e.add(
                "isPolitiraad", "steering-only", "A politiråd can only serve at the steering level."
            )
        norm = self.meeting_norm_per_year
        if norm is not None and not MEETING_NORM_MIN <= norm <= MEETING_NORM_MAX:
            e.add(
                "meetingNormPerYear",
                "out-of-range",
                f"Between {MEETING_NORM_MIN} and {MEETING_NORM_MAX} meetings a year.",
                {"min": MEETING_NORM_MIN, "max": MEETING_NORM_MAX},
            )
        e.raise_if_any()

    @property
    def may_handle_individual_cases(self) -> bool:
        """Handbook 2.1/5: steering and coordinating bodies (a politiråd above all) never see individual cases."""
        return self.level is Level.EXECUTIVE


@dataclass(frozen=True, slots=True, kw_only=True)
class BodySummary:
    """A body with what the three-level picture shows: chair, member count, meeting norm."""

    body: Body
    chair_person_id: UUID | None
    chair_name: str | None
    member_count: int
