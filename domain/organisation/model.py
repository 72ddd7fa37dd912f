"""Entities and value objects of the SLT organisation. Each validates itself on ``check()``.

The body and membership aggregates live in their own modules and the limits in ``limits``;
this module re-exports them, so ``model`` names every entity of the context."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

from domain.organisation.body import DEFAULT_MEETING_NORM as DEFAULT_MEETING_NORM
from domain.organisation.body import Body as Body
from domain.organisation.body import BodySummary as BodySummary
from domain.organisation.body import Level as Level
from domain.organisation.limits import (  # re-exported: the front doors read the limits here too
    EMAIL_MAX as EMAIL_MAX,
)
from domain.organisation.limits import FTE_MAX as FTE_MAX
from domain.organisation.limits import FTE_MIN_EXCLUSIVE as FTE_MIN_EXCLUSIVE
from domain.organisation.limits import FTE_PLACES as FTE_PLACES
from domain.organisation.limits import LANGUAGES as LANGUAGES
from domain.organisation.limits import MEETING_NORM_MAX as MEETING_NORM_MAX
from domain.organisation.limits import MEETING_NORM_MIN as MEETING_NORM_MIN
from domain.organisation.limits import MUNICIPALITY_NUMBER_PATTERN as MUNICIPALITY_NUMBER_PATTERN
from domain.organisation.limits import NAME_MAX as NAME_MAX
from domain.organisation.limits import PHONE_MAX as PHONE_MAX
from domain.organisation.limits import REF_MAX as REF_MAX
from domain.organisation.limits import SEARCH_MAX as SEARCH_MAX
from domain.organisation.limits import TEXT_MAX as TEXT_MAX
from domain.organisation.membership import Membership as Membership
from domain.organisation.membership import MembershipView as MembershipView
from domain.shared import validation as v
from domain.shared.errors import Errors


class UnitKind(enum.StrEnum):
    MUNICIPALITY = "municipality"
    INTER_MUNICIPAL = "inter_municipal"
    OSLO_DISTRICT = "oslo_district"


class OrganisationType(enum.StrEnum):
    SCHOOL = "school"
    KINDERGARTEN = "kindergarten"
    EDUCATIONAL_PSYCHOLOGICAL_SERVICE = "educational_psychological_service"
    CHILD_WELFARE = "child_welfare"
    HEALTH_STATION = "health_station"
    SCHOOL_HEALTH_SERVICE = "school_health_service"
    NAV = "nav"
    POLICE = "police"
    MEDIATION_SERVICE = "mediation_service"
    CULTURE_AND_LEISURE = "culture_and_leisure"
    SUBSTANCE_USE_AND_MENTAL_HEALTH = "substance_use_and_mental_health"
    REFUGEE_SERVICE = "refugee_service"
    UPPER_SECONDARY = "upper_secondary"
    VOLUNTEER = "volunteer"
    BUSINESS = "business"
    FAITH_COMMUNITY = "faith_community"
    MUNICIPAL_ADMINISTRATION = "municipal_administration"
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True)
class Municipality:
    number: str
    name: str
    county: str
    police_district: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PoliceDistrict:
    code: str
    name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SltUnit:
    """One SLT organisation. Everything else is owned by exactly one unit."""

    id: UUID
    name: str
    kind: UnitKind
    municipality_numbers: tuple[str, ...]
    police_district: str
    oslo_district_number: str | None = None
    language: str = "nb"
    version: int = 1

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        v.text(e, "name", self.name, required=True, max_len=NAME_MAX)
        if not self.municipality_numbers:
            e.add("municipalityNumbers", "required", "At least one municipality.")
        if len(set(self.municipality_numbers)) != len(self.municipality_numbers):
            e.add("municipalityNumbers", "duplicate", "A municipality is listed twice.")
        if self.kind is UnitKind.MUNICIPALITY and len(self.municipality_numbers) > 1:
            e.add(
                "municipalityNumbers",
                "too-many",
                "A single-municipality unit has one municipality.",
                {"max": 1},
            )
        if self.kind is UnitKind.INTER_MUNICIPAL and len(self.municipality_numbers) < 2:
            e.add(
                "municipalityNumbers",
                "too-few",
                "An inter-municipal unit has two or more.",
                {"min": 2},
            )
        if self.kind is UnitKind.OSLO_DISTRICT:
            if self.municipality_numbers != ("0301",):
                e.add(
                    "municipalityNumbers",
                    "oslo-only",
                    "An Oslo district unit belongs to 0301 Oslo.",
                )
            if not self.oslo_district_number:
                e.add("osloDistrictNumber", "required", "Which Oslo district.")
        elif self.oslo_district_number:
            e.add("osloDistrictNumber", "not-allowed", "Only an Oslo district unit has one.")
        if self.language is not None and self.language not in LANGUAGES:
            e.add("language", "invalid", "Bokmål (nb) or nynorsk (nn).")
        e.raise_if_any()


@dataclass(frozen=True, slots=True, kw_only=True)
class Establishment:
    """How the unit became an SLT unit (municipal decision + police confirmation) and who drives it."""

    unit_id: UUID
    municipal_decision_date: date | None = None
    municipal_decision_ref: str | None = None
    police_confirmation_date: date | None = None
    police_confirmation_ref: str | None = None
    coordinator_person_id: UUID | None = None
    coordinator_fte: Decimal | None = None
    police_contact_person_id: UUID | None = None
    version: int = 0

    def check(self, today: date) -> None:
        e = Errors()
        v.well_formed(e, self)
        v.text(
            e, "municipalDecisionRef", self.municipal_decision_ref, required=False, max_len=REF_MAX
        )
        v.text(
            e,
            "policeConfirmationRef",
            self.police_confirmation_ref,
            required=False,
            max_len=REF_MAX,
        )
        for name, d in (
            ("municipalDecisionDate", self.municipal_decision_date),
            ("policeConfirmationDate", self.police_confirmation_date),
        ):
            if d is not None and d > today:
                e.add(name, "in-future", "The date cannot be in the future.")
        fte = self.coordinator_fte
        if fte is not None and not (fte.is_finite() and FTE_MIN_EXCLUSIVE < fte <= FTE_MAX):
            e.add(
                "coordinatorFte",
                "out-of-range",
                "A share of a full-time position: above 0, at most 1.",
            )
        elif fte is not None and -int(fte.normalize().as_tuple().exponent) > FTE_PLACES:
            e.add(
                "coordinatorFte",
                "too-precise",
                f"At most {FTE_PLACES} decimals.",
                {"max": FTE_PLACES},
            )
        if self.coordinator_fte is not None and self.coordinator_person_id is None:
            e.add("coordinatorFte", "without-coordinator", "Name the coordinator first.")
        e.raise_if_any()

    @property
    def is_established(self) -> bool:
        return (
            self.municipal_decision_date is not None and self.police_confirmation_date is not None
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Organisation:
    id: UUID
    unit_id: UUID
    name: str
    type: OrganisationType
    organisation_number: str | None = None
    municipality_number: str | None = None
    active: bool = True
    version: int = 1

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        v.text(e, "name", self.name, required=True, max_len=NAME_MAX)
        if self.municipality_number and not re.fullmatch(
            MUNICIPALITY_NUMBER_PATTERN, self.municipality_number
        ):
            e.add(
                "municipalityNumber",
                "municipality-number-invalid",
                "A municipality number has four digits.",
            )
        if self.organisation_number and not v.organisation_number_ok(self.organisation_number):
            e.add(
                "organisationNumber",
                "org-number-invalid",
                "Not a valid organisation number (9 digits, mod 11).",
            )
        e.raise_if_any()


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """A staff member or representative, never a young person under follow-up."""

    id: UUID
    unit_id: UUID
    name: str
    title: str | None = None
    organisation_id: UUID | None = None
    email: str | None = None
    phone: str | None = None
    version: int = 1

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        v.text(e, "name", self.name, required=True, max_len=NAME_MAX)
        v.text(e, "title", self.title, required=False, max_len=NAME_MAX)
        v.email(e, "email", self.email, max_len=EMAIL_MAX)
        v.phone(e, "phone", self.phone, max_len=PHONE_MAX)
        e.raise_if_any()
