"""Cases domain room: the subject (a child or young person under follow-up) and their guardians.
Names, birth dates, identity numbers and contacts are encrypted by the adapter (ADR 0017); the
domain sees plain values in memory only, and ``repr`` never shows them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID


def age_on(birth_date: date, day: date) -> int:
    """Whole years on ``day`` (a 29 February birthday counts from 1 March in other years)."""
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


@dataclass(frozen=True, slots=True, kw_only=True)
class Guardian:
    id: UUID
    name: str = field(repr=False)
    parental_responsibility: bool
    relation: str  # mother, father, foster parent, …
    phone: str | None = field(default=None, repr=False)
    email: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Subject:
    id: UUID
    unit_id: UUID
    name: str = field(repr=False)
    birth_date: date = field(repr=False)
    identity_number: str | None = field(default=None, repr=False)
    guardians: tuple[Guardian, ...] = ()
    version: int = 1

    def age_on(self, day: date) -> int:
        return age_on(self.birth_date, day)

    @property
    def responsible_guardians(self) -> tuple[Guardian, ...]:
        """The guardians whose consent counts: those with parental responsibility."""
        return tuple(g for g in self.guardians if g.parental_responsibility)

    def guardian(self, guardian_id: UUID) -> Guardian | None:
        return next((g for g in self.guardians if g.id == guardian_id), None)
