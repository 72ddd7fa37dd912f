"""Per-request GraphQL context: the principal, the services, per-context request-scoped objects
(each context's DataLoaders), and ``OneSnapshot``, which reads a whole query operation in one
transaction (ADR 0011). It knows no context: each one keeps its loaders in its own package."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, TypeVar
from uuid import UUID

from fastapi import Depends, Request
from strawberry.extensions import SchemaExtension
from strawberry.fastapi import BaseContext
from strawberry.types.graphql import OperationType

from api.principal import container, current_principal
from domain.shared.principal import Principal

Snapshot = Callable[[UUID], AbstractAsyncContextManager[None]]

# Fields whose reads write (the cases' access log is appended in the read's own transaction): a
# query naming any of them anywhere skips the shared snapshot, whose transaction is rolled back.
# A context registers its names here (``api/graphql/cases/schema.py``).
OWN_TRANSACTION_FIELDS: set[str] = set()


def _names_own_transaction(document: Any) -> bool:
    if document is None or not OWN_TRANSACTION_FIELDS:
        return False
    from graphql import FieldNode, visit
    from graphql.language import Visitor

    found = False

    class Find(Visitor):
        def enter_field(self, node: FieldNode, *_: Any) -> Any:
            nonlocal found
            if node.name.value in OWN_TRANSACTION_FIELDS:
                found = True
                return Visitor.BREAK
            return None

    visit(document, Find())
    return found


@asynccontextmanager
async def _no_snapshot(unit_id: UUID) -> AsyncIterator[None]:
    del unit_id
    yield


T = TypeVar("T")


class Context(BaseContext):
    def __init__(
        self, principal: Principal, services: Any, snapshot: Snapshot = _no_snapshot
    ) -> None:
        super().__init__()
        self.principal = principal
        self.services = services  # the composition root's container
        self.snapshot = snapshot
        self._scoped: dict[str, Any] = {}

    def scoped(self, key: str, make: Callable[[], T]) -> T:
        """One object per request and key (a context's DataLoaders), made on first use."""
        if key not in self._scoped:
            self._scoped[key] = make()
        return self._scoped[key]  # type: ignore[no-any-return]


async def get_context(
    request: Request, principal: Principal = Depends(current_principal)
) -> Context:
    """Authentication happens here, before any parsing: an anonymous request gets a 401 problem."""
    c = container(request)
    return Context(principal, c, c.connections.snapshot)


class OneSnapshot(SchemaExtension):
    """A query operation reads in one transaction, so every resolver and DataLoader sees the same
    data. A mutation's use cases each commit their own (each field reports its own outcome)."""

    async def on_execute(self) -> AsyncIterator[None]:  # type: ignore[override]
        ctx = self.execution_context.context
        if self.execution_context.operation_type is not OperationType.QUERY or not isinstance(
            ctx, Context
        ):
            yield
            return
        if _names_own_transaction(self.execution_context.graphql_document):
            yield  # each use case commits its own transaction (and its access-log entries)
            return
        async with ctx.snapshot(ctx.principal.unit_id):
            yield
