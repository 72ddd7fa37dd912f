"""A cost limit for GraphQL: an upper bound on the objects a query can return, checked at validation.

Each field costs the number of times it can be resolved: list fields multiply by their ``limit``
argument (a variable counts as the maximum) or, without one, by ``DEFAULT_LIST``. A list of
scalars or enums (a measure's ids and factor codes) is one value resolved once: it costs one.
Fragments are inlined, so they cannot hide cost. Built once, like the depth and alias rules.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    get_named_type,
    is_leaf_type,
)

from domain.shared.pagination import DEFAULT_LIMIT, MAX_LIMIT

DEFAULT_LIST = DEFAULT_LIMIT


def _is_list(t: Any) -> bool:
    while isinstance(t, GraphQLNonNull):
        t = t.of_type
    return isinstance(t, GraphQLList)


def _limit(node: FieldNode) -> int | None:
    for arg in node.arguments or ():
        if arg.name.value == "limit":
            if isinstance(arg.value, IntValueNode):
                return max(1, min(int(arg.value.value), MAX_LIMIT))
            return MAX_LIMIT  # a variable: assume the worst
    return None


def create_cost_rule(max_cost: int) -> type[ValidationRule]:
    class CostLimit(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            self.ctx = context

        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            schema = self.ctx.schema
            root = {
                "query": schema.query_type,
                "mutation": schema.mutation_type,
                "subscription": schema.subscription_type,
            }[node.operation.value]
            if root is None:
                return
            cost = self._cost(node.selection_set, root, 1, None, set())
            if cost > max_cost:
                self.report_error(
                    GraphQLError(
                        f"Query cost {cost} exceeds the maximum of {max_cost}: ask for fewer "
                        "items per list, or use the REST API for bulk reads.",
                        node,
                    )
                )

        def _cost(
            self,
            selection: SelectionSetNode | None,
            parent: GraphQLObjectType,
            multiplier: int,
            page_limit: int | None,
            seen: set[str],
        ) -> int:
            total = 0
            for sel in selection.selections if selection else ():
                if isinstance(sel, FieldNode):
                    field = parent.fields.get(sel.name.value)
                    if field is None:
                        continue
                    limit = _limit(sel)
                    mult = multiplier
                    named = get_named_type(field.type)
                    if _is_list(field.type) and not is_leaf_type(named):
                        mult *= limit or page_limit or DEFAULT_LIST
                    total += mult
                    if isinstance(named, GraphQLObjectType):
                        total += self._cost(sel.selection_set, named, mult, limit, seen)
                elif isinstance(sel, InlineFragmentNode):
                    total += self._cost(sel.selection_set, parent, multiplier, page_limit, seen)
                elif isinstance(sel, FragmentSpreadNode) and sel.name.value not in seen:
                    frag = self.ctx.get_fragment(sel.name.value)
                    if frag is not None:
                        inner = seen | {sel.name.value}
                        total += self._cost(
                            frag.selection_set, parent, multiplier, page_limit, inner
                        )
            return total

    return CostLimit
