"""Meetings domain room: who attended a meeting, and whether the body had a quorum.

Quorum rule: a body has a quorum when MORE THAN HALF of its voting members on the meeting's date
are present. Voting members are the memberships active that day with role chair, deputy or
member; secretaries and observers do not count. A person present as substitute for an absent
voting member fills that member's seat (each seat counts once). A body without voting members
never has a quorum.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.organisation.model import Membership
from domain.shared import validation as v
from domain.shared.documents import Presence as Presence
from domain.shared.errors import Errors
from domain.shared.principal import BodyRole

VOTING_ROLES = frozenset({BodyRole.CHAIR, BodyRole.DEPUTY, BodyRole.MEMBER})


@dataclass(frozen=True, slots=True, kw_only=True)
class Attendance:
    """One person's attendance at one meeting (one row per person and meeting)."""

    id: UUID
    unit_id: UUID
    meeting_id: UUID
    person_id: UUID
    presence: Presence
    substitute_for_person_id: UUID | None = None
    organisation_id: UUID | None = None  # the organisation the person represented
    version: int = 1

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        if self.substitute_for_person_id is not None:
            if self.substitute_for_person_id == self.person_id:
                e.add("substituteForPersonId", "self", "A person cannot substitute for themselves.")
            elif self.presence is not Presence.PRESENT:
                e.add(
                    "substituteForPersonId",
                    "absent-substitute",
                    "Only a present person can be someone's substitute.",
                )
        e.raise_if_any()


@dataclass(frozen=True, slots=True, kw_only=True)
class Quorum:
    """What the meeting page shows: seats, seats filled and the number needed."""

    voting_members: int
    present: int

    @property
    def required(self) -> int:
        return self.voting_members // 2 + 1

    @property
    def reached(self) -> bool:
        return self.voting_members > 0 and self.present >= self.required


def quorum(memberships: Sequence[Membership], attendance: Sequence[Attendance], on: date) -> Quorum:
    """The quorum of a body's meeting on ``on`` (see the module docstring for the rule)."""
    seats = {m.person_id for m in memberships if m.role in VOTING_ROLES and m.active_on(on)}
    present = {a.person_id for a in attendance if a.presence is Presence.PRESENT}
    filled = seats & present
    for a in attendance:
        stood_in = a.substitute_for_person_id
        if a.presence is Presence.PRESENT and stood_in in seats and stood_in not in present:
            filled.add(stood_in)
    return Quorum(voting_members=len(seats), present=len(filled))
