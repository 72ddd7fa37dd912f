"""GraphQL, measures context: its Query and Mutation, merged from the aggregates'."""

from __future__ import annotations

from strawberry.tools import merge_types

from api.graphql.measures.evaluations import EvaluationMutation, EvaluationQuery
from api.graphql.measures.measures import MeasureMutation, MeasureQuery
from api.graphql.measures.overview import OverviewQuery, SettingsMutation
from api.graphql.measures.plans import PlanMutation, PlanQuery

Query = merge_types("MeasuresQuery", (MeasureQuery, EvaluationQuery, PlanQuery, OverviewQuery))
Mutation = merge_types(
    "MeasuresMutation", (MeasureMutation, EvaluationMutation, PlanMutation, SettingsMutation)
)
