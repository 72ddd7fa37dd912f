"""The GraphQL schema's root: each context's Query and Mutation merged, plus the limits.

Limits (depth, aliases, tokens, cost) are built once as validation rules so Strawberry's
validation cache keeps working (building limiter extensions per request made small queries 12x
slower). A new context adds its Query and Mutation to the two tuples below.
"""

from __future__ import annotations

import strawberry
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, ParserCache, ValidationCache
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.fastapi import GraphQLRouter
from strawberry.tools import merge_types

from api.graphql.access import schema as access
from api.graphql.agreements import schema as agreements
from api.graphql.annual_wheel import schema as annual_wheel
from api.graphql.archive import schema as archive
from api.graphql.cases import schema as cases
from api.graphql.context import Context, OneSnapshot, get_context
from api.graphql.cost import create_cost_rule
from api.graphql.error_log import Schema
from api.graphql.knowledge import schema as knowledge
from api.graphql.measures import schema as measures
from api.graphql.meetings import schema as meetings
from api.graphql.organisation import schema as organisation
from api.graphql.router import SamordnaGraphQLRouter
from api.graphql.trends import schema as trends

QUERIES = (
    organisation.Query,
    access.Query,
    meetings.Query,
    agreements.Query,
    annual_wheel.Query,
    measures.Query,
    archive.Query,
    cases.Query,
    knowledge.Query,
    trends.Query,
)
MUTATIONS = (
    organisation.Mutation,
    access.Mutation,
    meetings.Mutation,
    agreements.Mutation,
    annual_wheel.Mutation,
    measures.Mutation,
    archive.Mutation,
    cases.Mutation,
    knowledge.Mutation,
    trends.Mutation,
)


def build_schema(
    *, max_depth: int = 10, max_aliases: int = 15, max_tokens: int = 2000, max_cost: int = 50_000
) -> strawberry.Schema:
    # The rule classes are created here, once: the validation cache is keyed on them, so the
    # per-request extension objects below (cheap wrappers) still hit it.
    rules = (depth_rule(max_depth, None, None), alias_rule(max_aliases), create_cost_rule(max_cost))
    return Schema(
        query=merge_types("Query", QUERIES),
        mutation=merge_types("Mutation", MUTATIONS),
        extensions=[
            lambda: AddValidationRules(list(rules)),
            lambda: MaxTokensLimiter(max_token_count=max_tokens),
            ParserCache,
            ValidationCache,
            OneSnapshot,  # a query reads in one transaction (ADR 0011)
        ],
    )


def build_router(schema: strawberry.Schema, *, graphiql: bool) -> GraphQLRouter[Context, None]:
    return SamordnaGraphQLRouter(
        schema,
        context_getter=get_context,
        graphql_ide="graphiql" if graphiql else None,
        allow_queries_via_get=False,
    )
