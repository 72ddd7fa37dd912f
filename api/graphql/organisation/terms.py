"""GraphQL, organisation context: the dated membership changes (a new role from a day, handing
over the chair); they answer as every membership mutation does, with the names."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import strawberry

from api.graphql.organisation.context import org
from api.graphql.organisation.enums import BodyRole
from api.graphql.organisation.memberships import MembershipResult, answer
from api.graphql.shared.resolvers import I
from domain.shared.principal import BodyRole as DBodyRole


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
        role: BodyRole,  # type: ignore[valid-type]
        on: date | None = None,
    ) -> MembershipResult:
        c = info.context
        return await answer(c, org(c).change_role(c.principal, id, role, on, version))

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
        previous_chair_role: BodyRole | None = DBodyRole.MEMBER,  # type: ignore[valid-type]
    ) -> MembershipResult:
        c = info.context
        return await answer(
            c, org(c).hand_over_chair(c.principal, body_id, person_id, on, previous_chair_role)
        )
