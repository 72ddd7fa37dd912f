"""Organisation room: the repositories of the organisation context, one module per aggregate,
gathered for the unit of work (``adapters/postgres/uow.py``)."""

from __future__ import annotations

from adapters.postgres.organisation.bodies import PgBodyRepository
from adapters.postgres.organisation.memberships import PgMembershipRepository
from adapters.postgres.organisation.organisations import PgOrganisationRepository
from adapters.postgres.organisation.persons import PgPersonRepository
from adapters.postgres.organisation.units import (
    PgEstablishmentRepository,
    PgReferenceData,
    PgUnitRepository,
)

__all__ = [
    "PgBodyRepository",
    "PgEstablishmentRepository",
    "PgMembershipRepository",
    "PgOrganisationRepository",
    "PgPersonRepository",
    "PgReferenceData",
    "PgUnitRepository",
]
