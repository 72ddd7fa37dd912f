"""The membership aggregate: a person's term in a body, with a role, from a first to a last day
(both inclusive); and its read model with the names a screen shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.shared import validation as v
from domain.shared.errors import Errors
from domain.shared.principal import BodyRole


@dataclass(frozen=True, slots=True, kw_only=True)
class Membership:
    id: UUID
    unit_id: UUID
    body_id: UUID
    person_id: UUID
    role: BodyRole
    valid_from: date
    organisation_id: UUID | None = None
    valid_to: date | None = None
    version: int = 1

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        if e.items:  # a null start date cannot be compared
            e.raise_if_any()
        if self.valid_to is not None and self.valid_to < self.valid_from:
            e.add("validTo", "before-start", "The end date is before the start date.")
        e.raise_if_any()

    def active_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def overlaps(self, other: Membership) -> bool:
        end_a = self.valid_to or date.max
        end_b = other.valid_to or date.max
        return self.valid_from <= end_b and other.valid_from <= end_a


@dataclass(frozen=True, slots=True, kw_only=True)
class MembershipView:
    """A membership joined with the names a screen shows (read model)."""

    membership: Membership
    person_name: str
    body_name: str
    organisation_name: str | None
