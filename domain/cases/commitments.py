"""Cases domain room: the youth plan's commitments and their breaches — kept by the lead or by a
member representing the responsible organisation."""

from __future__ import annotations

import dataclasses
from uuid import UUID, uuid4

from domain.cases import policies as pol
from domain.cases import validation as val
from domain.cases.access import Action
from domain.cases.base import UseCases
from domain.cases.changes import CommitmentChanges, NewBreach, NewCommitment
from domain.cases.commitment import Breach, Commitment, CommitmentStatus
from domain.cases.context import CaseContext
from domain.cases.errors import CaseClosed
from domain.cases.limits import BREACHES_MAX, COMMITMENTS_MAX, DESCRIPTION_MAX
from domain.cases.ports import CasesUnitOfWork
from domain.cases.reads import commitment_view
from domain.cases.regimes import regime_of
from domain.cases.views import CommitmentView
from domain.shared.changes import expect_version
from domain.shared.errors import Errors, NotFound, ValidationFailed
from domain.shared.policies import require
from domain.shared.principal import Principal


def _may_keep(p: Principal, ctx: CaseContext, responsible: UUID) -> bool:
    seat = pol.membership(p, ctx.team)
    return pol.is_lead(p, ctx.team) or (seat is not None and seat.organisation_id == responsible)


class CommitmentUseCases(UseCases):
    async def _responsible(self, uow: CasesUnitOfWork, ctx: CaseContext, org_id: UUID) -> None:
        try:
            org = await uow.organisations.get(org_id)
        except NotFound:
            raise ValidationFailed.single(
                "responsibleOrganisationId", "unknown", "No such organisation."
            ) from None
        ctx.organisations[org.id] = org

    @staticmethod
    def _check(c: Commitment) -> None:
        e = Errors()
        val.text(e, "description", c.description, required=True, max_len=DESCRIPTION_MAX)
        e.raise_if_any()

    async def add_commitment(
        self, p: Principal, case_id: UUID, new: NewCommitment
    ) -> CommitmentView:
        async with self._open(p) as uow:
            ctx = await self._case(uow, p, case_id)
            require(_may_keep(p, ctx, new.responsible_organisation_id), "add to this youth plan")
            if not ctx.case.is_open:
                raise CaseClosed("A closed case's plan is not changed.")
            await self._responsible(uow, ctx, new.responsible_organisation_id)
            if len(await uow.commitments.of_case(case_id)) >= COMMITMENTS_MAX:
                raise ValidationFailed.single(
                    "kind", "too-many", f"At most {COMMITMENTS_MAX}.", {"max": COMMITMENTS_MAX}
                )
            org = ctx.organisations[new.responsible_organisation_id]
            c = Commitment(
                id=uuid4(),
                case_id=case_id,
                kind=new.kind,
                description=new.description.strip(),
                responsible_organisation_id=org.id,
                regime=regime_of(org.type),
                status=new.status,
            )
            self._check(c)
            await uow.commitments.add(c)
            return await self._done(uow, ctx, c)

    async def _done(self, uow: CasesUnitOfWork, ctx: CaseContext, c: Commitment) -> CommitmentView:
        ctx.log(
            "commitment",
            c.id,
            Action.WRITE,
            item=ctx.item(c.category, c.responsible_organisation_id),
        )
        view = commitment_view(ctx, c)
        await ctx.flush(uow)
        await uow.commit()
        return view

    async def _load(
        self, uow: CasesUnitOfWork, p: Principal, commitment_id: UUID
    ) -> tuple[CaseContext, Commitment]:
        try:
            c = await uow.commitments.get(commitment_id)
        except NotFound:
            raise NotFound("No such commitment.") from None
        ctx = await self._case(uow, p, c.case_id)
        require(_may_keep(p, ctx, c.responsible_organisation_id), "change this commitment")
        if not ctx.case.is_open:
            raise CaseClosed("A closed case's plan is not changed.")
        return ctx, c

    async def update_commitment(
        self, p: Principal, id: UUID, changes: CommitmentChanges, expected_version: int | None
    ) -> CommitmentView:
        async with self._open(p) as uow:
            ctx, c = await self._load(uow, p, id)
            expect_version(c.version, expected_version)
            sent = changes.trimmed().set_fields()
            if "responsible_organisation_id" in sent:
                await self._responsible(uow, ctx, sent["responsible_organisation_id"])
                org = ctx.organisations[sent["responsible_organisation_id"]]
                sent["regime"] = regime_of(org.type)
            new = dataclasses.replace(c, **sent, version=c.version + 1)
            self._check(new)
            await uow.commitments.update(new, c.version)
            return await self._done(uow, ctx, new)

    async def record_breach(
        self, p: Principal, commitment_id: UUID, new: NewBreach
    ) -> CommitmentView:
        async with self._open(p) as uow:
            ctx, c = await self._load(uow, p, commitment_id)
            e = Errors()
            val.text(e, "description", new.description, required=True, max_len=DESCRIPTION_MAX)
            if new.occurred_on > self._clock.today():
                e.add("occurredOn", "in-future", "The date cannot be in the future.")
            if len(c.breaches) >= BREACHES_MAX:
                e.add("occurredOn", "too-many", f"At most {BREACHES_MAX}.", {"max": BREACHES_MAX})
            e.raise_if_any()
            breach = Breach(
                id=uuid4(),
                occurred_on=new.occurred_on,
                description=new.description.strip(),
                consequence=new.consequence,
                recorded_by=p.person_id,
            )
            updated = dataclasses.replace(
                c,
                breaches=(*c.breaches, breach),
                status=CommitmentStatus.BREACHED,
                version=c.version + 1,
            )
            await uow.commitments.update(updated, c.version)
            return await self._done(uow, ctx, updated)
