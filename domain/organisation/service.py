"""Organisation domain room: ``OrganisationService``, the use cases of the SLT organisation composed
from one class per aggregate (each module holds its use cases and its typed change object).

Both front doors (REST, GraphQL) call these and nothing else, so they share rules and authorisation.
"""

from __future__ import annotations

from domain.organisation.bodies import BodyChanges as BodyChanges
from domain.organisation.bodies import BodyUseCases
from domain.organisation.memberships import MembershipChanges as MembershipChanges
from domain.organisation.memberships import MembershipUseCases
from domain.organisation.model import BodySummary as BodySummary
from domain.organisation.organisations import OrganisationChanges as OrganisationChanges
from domain.organisation.organisations import OrganisationUseCases
from domain.organisation.overview import OrganisationPicture as OrganisationPicture
from domain.organisation.overview import OverviewUseCases
from domain.organisation.persons import PersonChanges as PersonChanges
from domain.organisation.persons import PersonUseCases
from domain.organisation.terms import MembershipTerms
from domain.organisation.units import EstablishmentChanges as EstablishmentChanges
from domain.organisation.units import UnitChanges as UnitChanges
from domain.organisation.units import UnitUseCases


class OrganisationService(
    UnitUseCases,
    OrganisationUseCases,
    PersonUseCases,
    BodyUseCases,
    MembershipUseCases,
    MembershipTerms,
    OverviewUseCases,
):
    """Every use case of the organisation context, as the composition root wires it."""
