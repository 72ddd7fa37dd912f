"""GraphQL, annual-wheel context: its Query and Mutation, merged from the aggregates'."""

from __future__ import annotations

from strawberry.tools import merge_types

from api.graphql.annual_wheel.feeds import FeedMutation, FeedQuery
from api.graphql.annual_wheel.templates import TemplateMutation, TemplateQuery
from api.graphql.annual_wheel.wheel import WheelMutation, WheelQuery

Query = merge_types("AnnualWheelQuery", (TemplateQuery, WheelQuery, FeedQuery))
Mutation = merge_types("AnnualWheelMutation", (TemplateMutation, WheelMutation, FeedMutation))
