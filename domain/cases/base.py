"""Cases domain room: the base every use-case class shares — persons only, one unit of work per
call, a case opened only for its team (or a break-glass grant): everyone else gets ``NotFound``
and a denied entry in the access log; mail that fails never undoes what was committed."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from domain.cases.access import Action
from domain.cases.case import Case
from domain.cases.context import CaseContext, load
from domain.cases.decision import Deny, DenyReason
from domain.cases.ports import (
    CasesUnitOfWork,
    CasesUnitOfWorkFactory,
    Clock,
    FreeTextGuard,
    OutboundMail,
)
from domain.cases.regimes import Category
from domain.shared.errors import Forbidden, NotFound
from domain.shared.mail import MailMessage, MailRefused, MailUnavailable
from domain.shared.principal import Principal

DEFAULT_SENDER = "samordna@samordna.invalid"
NOT_FOUND = "No such case."


class UseCases:
    def __init__(
        self,
        uow_factory: CasesUnitOfWorkFactory,
        clock: Clock,
        mail: OutboundMail,
        guard: FreeTextGuard,
        sender: str = DEFAULT_SENDER,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._mail = mail
        self._guard = guard
        self._sender = sender

    def _open(self, p: Principal) -> CasesUnitOfWork:
        """Cases are for persons (machines never read them)."""
        if not p.is_person or p.person_id is None:
            raise Forbidden("Only a person may work with cases.")
        return self._uow(p.unit_id)

    async def _case(self, uow: CasesUnitOfWork, p: Principal, case_id: UUID) -> CaseContext:
        """The case as ``p`` may read it. Off the team and without break-glass: the attempt is
        logged (denied, ``not-on-team``) and committed, then ``NotFound`` — as if it did not exist."""
        try:
            case = await uow.cases.get(case_id)
        except NotFound:
            raise NotFound(NOT_FOUND) from None
        ctx = await load(uow, p, case, self._clock.now())
        if not ctx.visible:
            item = ctx.item(Category.INVOLVEMENT, None)
            denied = Deny(reason=DenyReason.NOT_ON_TEAM, policy_version=ctx.facts_version)
            ctx.log("case", case.id, Action.READ, item=item, decision=denied)
            await ctx.flush(uow)
            await uow.commit()
            raise NotFound(NOT_FOUND)
        return ctx

    async def _case_of(self, uow: CasesUnitOfWork, p: Principal, case: Case) -> CaseContext:
        return await self._case(uow, p, case.id)

    async def _send(self, to: Sequence[str], subject: str, text: str) -> bool:
        """Best effort after commit: True when the mail server took the message."""
        recipients = tuple(dict.fromkeys(a for a in to if a))
        if not recipients:
            return False
        try:
            await self._mail.send(
                MailMessage(sender=self._sender, to=recipients, subject=subject, text=text)
            )
        except (MailUnavailable, MailRefused):
            return False
        return True
