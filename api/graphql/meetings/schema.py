"""GraphQL, meetings context: its Query and Mutation, merged from the aggregates'."""

from __future__ import annotations

from strawberry.tools import merge_types

from api.graphql.meetings.actions import ActionItemMutation, ActionItemQuery
from api.graphql.meetings.agenda import AgendaMutation
from api.graphql.meetings.attendance import AttendanceMutation
from api.graphql.meetings.decisions import DecisionMutation
from api.graphql.meetings.distribution import DistributionMutation
from api.graphql.meetings.meetings import MeetingMutation, MeetingQuery
from api.graphql.meetings.minutes import MinutesMutation

Query = merge_types("MeetingsQuery", (MeetingQuery, ActionItemQuery))
Mutation = merge_types(
    "MeetingsMutation",
    (
        MeetingMutation,
        AgendaMutation,
        AttendanceMutation,
        MinutesMutation,
        DecisionMutation,
        ActionItemMutation,
        DistributionMutation,
    ),
)
