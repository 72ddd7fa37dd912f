"""List filters of the organisation registries (what a search box and a few selects can ask).

A search text matches when it occurs in the name (or title, e-mail) ignoring case and diacritics:
"hakon" finds "Håkon", "bjorn" finds "Bjørn".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.organisation.limits import SEARCH_MAX as SEARCH_MAX
from domain.organisation.model import Level, OrganisationType
from domain.shared import validation as v
from domain.shared.errors import Errors
from domain.shared.principal import BodyRole


def _search(q: str | None) -> None:
    """A search box's text: short, and nothing the database would choke on."""
    if q is None:
        return
    e = Errors()
    if len(q) > SEARCH_MAX:
        e.add("q", "too-long", f"At most {SEARCH_MAX} characters.", {"max": SEARCH_MAX})
    v.characters(e, "q", q)
    e.raise_if_any()


@dataclass(frozen=True, slots=True, kw_only=True)
class OrganisationFilter:
    q: str | None = None
    type: OrganisationType | None = None
    active: bool | None = None

    def __post_init__(self) -> None:
        _search(self.q)


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonFilter:
    q: str | None = None
    organisation_id: UUID | None = None
    # e.g. only police staff, for the police contact
    organisation_type: OrganisationType | None = None

    def __post_init__(self) -> None:
        _search(self.q)


@dataclass(frozen=True, slots=True, kw_only=True)
class BodyFilter:
    q: str | None = None
    level: Level | None = None

    def __post_init__(self) -> None:
        _search(self.q)


@dataclass(frozen=True, slots=True, kw_only=True)
class MembershipFilter:
    body_id: UUID | None = None
    person_id: UUID | None = None
    organisation_id: UUID | None = None  # the organisation represented
    role: BodyRole | None = None
    active_on: date | None = None
