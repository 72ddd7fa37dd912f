"""Cases domain room: the case's team — the lead adds and removes seats; a case keeps a lead."""

from __future__ import annotations

from uuid import UUID, uuid4

from domain.cases import policies as pol
from domain.cases import validation as val
from domain.cases.access import Action
from domain.cases.base import UseCases
from domain.cases.case import CaseMember, MemberRole
from domain.cases.changes import NewMember
from domain.cases.errors import AlreadyOnTeam, CaseClosed, LastLead
from domain.cases.limits import NAME_MAX, TEAM_MAX
from domain.cases.reads import member_views
from domain.cases.views import MemberView
from domain.shared.errors import Errors, NotFound, ValidationFailed
from domain.shared.policies import require
from domain.shared.principal import Principal


class TeamUseCases(UseCases):
    async def add_member(self, p: Principal, case_id: UUID, new: NewMember) -> MemberView:
        async with self._open(p) as uow:
            ctx = await self._case(uow, p, case_id)
            require(pol.is_lead(p, ctx.team), "change this case's team")
            if not ctx.case.is_open:
                raise CaseClosed("A closed case's team is not changed.")
            if len(ctx.team) >= TEAM_MAX:
                raise ValidationFailed.single(
                    "personId", "too-many", f"At most {TEAM_MAX}.", {"max": TEAM_MAX}
                )
            org = None
            if new.organisation_id is not None:
                try:
                    org = await uow.organisations.get(new.organisation_id)
                except NotFound:
                    raise ValidationFailed.single(
                        "organisationId", "unknown", "No such organisation."
                    ) from None
            elif new.person_id is not None:
                raise ValidationFailed.single(
                    "organisationId", "required", "A person represents an organisation on the case."
                )
            name = (new.name or "").strip()
            if new.person_id is not None:
                try:
                    person = await uow.persons.get(new.person_id)
                except NotFound:
                    raise ValidationFailed.single(
                        "personId", "unknown", "No such person."
                    ) from None
                name = person.name
                if person.organisation_id not in (None, new.organisation_id):
                    # Their own organisation's items are ``own_service`` to them: seating a
                    # police officer "for" the health service would bypass every consent.
                    raise ValidationFailed.single(
                        "organisationId",
                        "not-their-organisation",
                        "A person represents the organisation they work for.",
                    )
                if any(m.person_id == new.person_id for m in ctx.team):
                    raise AlreadyOnTeam("The person already has a seat on this team.")
            e = Errors()
            val.text(e, "name", name, required=True, max_len=NAME_MAX)
            e.raise_if_any()
            member = CaseMember(
                id=uuid4(),
                case_id=case_id,
                person_id=new.person_id,
                name=name,
                organisation_id=org.id if org else None,
                role=new.role,
            )
            await uow.members.add(member)
            ctx.team = (*ctx.team, member)
            if org is not None:
                ctx.organisations[org.id] = org
            ctx.log("member", member.id, Action.WRITE)
            view = next(v for v in member_views(ctx) if v.id == member.id)
            await ctx.flush(uow)
            await uow.commit()
        return view

    async def remove_member(self, p: Principal, case_id: UUID, member_id: UUID) -> None:
        async with self._open(p) as uow:
            ctx = await self._case(uow, p, case_id)
            require(pol.is_lead(p, ctx.team), "change this case's team")
            member = next((m for m in ctx.team if m.id == member_id), None)
            if member is None:
                raise NotFound("No such member on this case.")
            leads = [m for m in ctx.team if m.role is MemberRole.LEAD]
            if member.role is MemberRole.LEAD and len(leads) == 1:
                raise LastLead("Make someone else lead first.")
            await uow.members.remove(member_id)
            ctx.log("member", member_id, Action.DELETE)
            await ctx.flush(uow)
            await uow.commit()
