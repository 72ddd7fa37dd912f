"""GraphQL, organisation context: its Query and Mutation, merged from the aggregates' (field order
is the schema's, so the printed schema stays as clients know it)."""

from __future__ import annotations

from strawberry.tools import merge_types

from api.graphql.organisation.bodies import BodyMutation, BodyQuery
from api.graphql.organisation.memberships import MembershipMutation, MembershipQuery
from api.graphql.organisation.organisations import OrganisationMutation, OrganisationQuery
from api.graphql.organisation.overview import OverviewQuery
from api.graphql.organisation.persons import PersonMutation, PersonQuery
from api.graphql.organisation.reference import ReferenceQuery
from api.graphql.organisation.terms import TermMutations
from api.graphql.organisation.units import UnitMutation, UnitQuery

Query = merge_types(
    "OrganisationQuery",
    (
        UnitQuery,
        OverviewQuery,
        ReferenceQuery,
        OrganisationQuery,
        PersonQuery,
        BodyQuery,
        MembershipQuery,
    ),
)
Mutation = merge_types(
    "OrganisationMutation",
    (
        TermMutations,
        UnitMutation,
        OrganisationMutation,
        PersonMutation,
        BodyMutation,
        MembershipMutation,
    ),
)
