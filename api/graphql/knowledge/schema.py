"""GraphQL, knowledge context: its Query and Mutation (upload stays REST-only: multipart)."""

from __future__ import annotations

from api.graphql.knowledge.mutations import KnowledgeMutation
from api.graphql.knowledge.queries import KnowledgeQuery

Query = KnowledgeQuery
Mutation = KnowledgeMutation
