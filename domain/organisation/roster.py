"""A body's roster: its current members with what a contact list and a member export show."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.organisation.model import Body, MembershipView, Person
from domain.shared.principal import BodyRole

# Chair first, observers last: the order a member list is read in.
ROLE_ORDER = (BodyRole.CHAIR, BodyRole.SECRETARY, BodyRole.MEMBER, BodyRole.OBSERVER)


@dataclass(frozen=True, slots=True, kw_only=True)
class RosterLine:
    person: Person
    role: BodyRole
    organisation_name: str | None
    valid_from: date
    valid_to: date | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Roster:
    body: Body
    lines: tuple[RosterLine, ...]


def build_roster(
    body: Body, views: Sequence[MembershipView], persons: Mapping[UUID, Person]
) -> Roster:
    """Lines by role (chair first), then by name; a person the unit no longer has is left out."""
    lines = [
        RosterLine(
            person=persons[v.membership.person_id],
            role=v.membership.role,
            organisation_name=v.organisation_name,
            valid_from=v.membership.valid_from,
            valid_to=v.membership.valid_to,
        )
        for v in views
        if v.membership.person_id in persons
    ]
    lines.sort(key=lambda x: (ROLE_ORDER.index(x.role), x.person.name.casefold()))
    return Roster(body=body, lines=tuple(lines))
