"""Cases domain room: source regimes, information categories (a versioned vocabulary) and the
policy data that maps an organisation type to its regime and a commitment kind to its category."""

from __future__ import annotations

import enum
from types import MappingProxyType
from typing import Final

from domain.organisation.model import OrganisationType


class SourceRegime(enum.StrEnum):
    """The confidentiality regime the information comes from (who may say what differs by law)."""

    HEALTH = "health"
    CHILD_WELFARE = "child_welfare"
    SCHOOL = "school"
    NAV = "nav"
    POLICE = "police"
    SLT = "slt"


class Category(enum.StrEnum):
    """Information categories a consent, a legal basis and the decision point speak of."""

    IDENTITY = "identity"  # name, birth date, identity number
    GUARDIANS = "guardians"
    INVOLVEMENT = "involvement"  # the team and which services are involved
    PLAN = "plan"  # youth plan commitments
    SCHOOL = "school"
    HEALTH = "health"
    SUBSTANCE_USE = "substance_use"
    FAMILY = "family"
    CRIMINAL_MATTERS = "criminal_matters"
    CHILD_WELFARE = "child_welfare"
    LEISURE = "leisure"
    OTHER = "other"


class CommitmentKind(enum.StrEnum):
    """What a youth plan commitment is about (``commitment`` re-exports it)."""

    SCHOOL_ATTENDANCE = "school_attendance"
    COURSE = "course"
    DRUG_TESTING = "drug_testing"
    LEISURE_ACTIVITY = "leisure_activity"
    RESTRAINING_ORDER = "restraining_order"
    OTHER = "other"


_T = OrganisationType
REGIME_OF_ORGANISATION: Final = MappingProxyType(
    {
        _T.CHILD_WELFARE: SourceRegime.CHILD_WELFARE,
        _T.HEALTH_STATION: SourceRegime.HEALTH,
        _T.SCHOOL_HEALTH_SERVICE: SourceRegime.HEALTH,
        _T.SUBSTANCE_USE_AND_MENTAL_HEALTH: SourceRegime.HEALTH,
        _T.SCHOOL: SourceRegime.SCHOOL,
        _T.KINDERGARTEN: SourceRegime.SCHOOL,
        _T.EDUCATIONAL_PSYCHOLOGICAL_SERVICE: SourceRegime.SCHOOL,
        _T.UPPER_SECONDARY: SourceRegime.SCHOOL,
        _T.NAV: SourceRegime.NAV,
        _T.POLICE: SourceRegime.POLICE,
    }
)

CATEGORY_OF_COMMITMENT: Final = MappingProxyType(
    {
        CommitmentKind.DRUG_TESTING: Category.SUBSTANCE_USE,
        CommitmentKind.SCHOOL_ATTENDANCE: Category.SCHOOL,
    }
)


def regime_of(organisation_type: OrganisationType) -> SourceRegime:
    """Everything not named (konfliktråd, culture and leisure, refugee service, …) is SLT's own."""
    return REGIME_OF_ORGANISATION.get(organisation_type, SourceRegime.SLT)


def category_of(kind: CommitmentKind) -> Category:
    return CATEGORY_OF_COMMITMENT.get(kind, Category.PLAN)
