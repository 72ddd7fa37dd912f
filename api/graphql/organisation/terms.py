"""GraphQL mutations of the dated membership changes (a new role from a day, handing over the
chair), and the one way every membership mutation answers: with the names, as REST does."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import date
from typing import Any
from uuid import UUID

import strawberry
from strawberry.types import Info

from api.graphql.context import Context
from api.graphql.organisation import types as t
from domain.organisation.model import Membership, MembershipView
from domain.shared.errors import DomainError
from domain.shared.principal import BodyRole

I = Info[Context, None]  # noqa: E741


async def named(c: Context, change: Awaitable[Membership]) -> MembershipView:
    """The changed membership read back with person, body and organisation names."""
    x = await change
    return await c.svc.get_membership_view(c.principal, x.id)


async def answer(c: Context, change: Awaitable[Membership]) -> Any:
    """A membership mutation's result: the named membership, or the domain error as a problem."""
    try:
        return t.Membership.of_view(await named(c, change))
    except DomainError as exc:
        return t.problem_of(exc)


@strawberry.type
class TermMutations:
    @strawberry.mutation(
        description="A new role from a given day (default today): the current term ends the day "
        "before and a new term starts, so the earlier role stays on record. Returns the new term."
    )
    async def change_membership_role(
        self,
        info: I,
        id: UUID,
        version: int,
        role: t.BodyRole,  # type: ignore[valid-type]
        on: date | None = None,
    ) -> t.MembershipResult:
        c = info.context
        return await answer(c, c.svc.change_role(c.principal, id, role, on, version))

    @strawberry.mutation(
        description="Hand a body's chair over in one step; the previous chair goes on in "
        "`previousChairRole` (default member; null: they leave). Returns the new chair's term."
    )
    async def hand_over_chair(
        self,
        info: I,
        body_id: UUID,
        person_id: UUID,
        on: date | None = None,
        previous_chair_role: t.BodyRole | None = BodyRole.MEMBER,  # type: ignore[valid-type]
    ) -> t.MembershipResult:
        c = info.context
        return await answer(
            c, c.svc.hand_over_chair(c.principal, body_id, person_id, on, previous_chair_role)
        )
