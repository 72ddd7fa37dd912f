"""Cases domain room: changing a subject (and their guardians) and finding one by identity
number — only among the subjects of cases the reader's team follows, and logged either way."""

from __future__ import annotations

import dataclasses
from uuid import UUID, uuid4

from domain.cases import policies as pol
from domain.cases import validation as val
from domain.cases.access import Action
from domain.cases.base import UseCases
from domain.cases.changes import GuardianInput, SubjectChanges
from domain.cases.context import CaseContext, load
from domain.cases.decision import Deny, DenyReason, Permit
from domain.cases.ports import CasesUnitOfWork
from domain.cases.reads import subject_name, subject_view
from domain.cases.regimes import Category
from domain.cases.subject import Guardian, Subject
from domain.cases.views import CaseSummary, SubjectMatch, SubjectView
from domain.shared.changes import expect_version
from domain.shared.errors import Errors, Forbidden, NotFound, ValidationFailed
from domain.shared.principal import Principal


def _guardians(
    current: tuple[Guardian, ...], sent: tuple[GuardianInput, ...]
) -> tuple[Guardian, ...]:
    known = {g.id for g in current}
    for i, g in enumerate(sent):
        if g.id is not None and g.id not in known:
            raise ValidationFailed.single(
                f"guardians.{i}.id", "unknown", "Not a guardian of this subject."
            )
    return tuple(
        Guardian(
            id=g.id or uuid4(),
            name=g.name.strip(),
            relation=g.relation.strip(),
            parental_responsibility=g.parental_responsibility,
            phone=g.phone or None,
            email=g.email or None,
        )
        for g in sent
    )


class SubjectUseCases(UseCases):
    async def _contexts(
        self, uow: CasesUnitOfWork, p: Principal, subject_id: UUID
    ) -> list[CaseContext]:
        now = self._clock.now()
        return [await load(uow, p, c, now) for c in await uow.cases.of_subject(subject_id)]

    async def update_subject(
        self, p: Principal, subject_id: UUID, changes: SubjectChanges, expected_version: int | None
    ) -> SubjectView:
        """By a lead of one of the subject's open cases who may see the identity being changed."""
        async with self._open(p) as uow:
            mine = [
                c for c in await self._contexts(uow, p, subject_id) if c.reader.seat is not None
            ]
            if not mine:
                raise NotFound("No such subject.")
            ctx = next((c for c in mine if pol.is_lead(p, c.team) and c.case.is_open), None)
            if ctx is None:
                raise Forbidden("You may not change this subject.")
            ident = ctx.item(Category.IDENTITY, ctx.case.organisation_id)
            if not isinstance(ctx.decide(ident), Permit):
                raise Forbidden("You may not change what you may not see.")
            s = ctx.subject
            expect_version(s.version, expected_version)
            sent = changes.set_fields()
            guardians = sent.pop("guardians", None)
            subject: Subject = dataclasses.replace(s, **sent, version=s.version + 1)
            if guardians is not None:
                subject = dataclasses.replace(subject, guardians=_guardians(s.guardians, guardians))
            e = Errors()
            val.subject(
                e, subject.name, subject.birth_date, subject.identity_number, self._clock.today()
            )
            val.guardians(e, subject.guardians)
            e.raise_if_any()
            await uow.subjects.update(subject, s.version)
            ctx.subject = subject
            ctx.log("subject", subject.id, Action.WRITE)
            view = subject_view(ctx)
            await ctx.flush(uow)
            await uow.commit()
        return view

    async def find_subject(self, p: Principal, identity_number: str) -> SubjectMatch | None:
        """The subject with this number if the reader's team follows one of their cases; else
        None (a probe for someone else's subject is logged as denied, and says nothing)."""
        number = identity_number.strip() if isinstance(identity_number, str) else ""
        if not val.identity_number_ok(number):
            raise ValidationFailed.single(
                "identityNumber", "invalid-identity-number", "Not a valid identity number."
            )
        async with self._open(p) as uow:
            found = await uow.subjects.find_by_identity_number(number)
            if not found:
                return None
            contexts = [c for s in found for c in await self._contexts(uow, p, s.id)]
            seen = [c for c in contexts if c.reader.seat is not None]
            subject = seen[0].subject if seen else found[0]
            contexts = [c for c in contexts if c.subject.id == subject.id] if seen else contexts
            bodies = {
                b.id: b.name for b in await uow.bodies.get_many([c.case.body_id for c in contexts])
            }
            out = []
            for ctx in contexts:
                if ctx.reader.seat is None:
                    continue
                # The match's read is the name's: decided and logged with its basis (a bare
                # "permit" without one was logged here before).
                assert ctx.reader.seat is not None
                out.append(
                    CaseSummary(
                        id=ctx.case.id,
                        reference=ctx.case.reference,
                        kind=ctx.case.kind,
                        status=ctx.case.status,
                        body_id=ctx.case.body_id,
                        body_name=bodies.get(ctx.case.body_id, ""),
                        start_on=ctx.case.start_on,
                        end_on=ctx.case.end_on,
                        my_role=ctx.reader.seat.role,
                        subject_name=subject_name(ctx),
                        version=ctx.case.version,
                    )
                )
                await ctx.flush(uow)
            if not out and contexts:
                ctx = contexts[0]
                denied = Deny(reason=DenyReason.NOT_ON_TEAM, policy_version=ctx.facts_version)
                ctx.log("subject", subject.id, Action.READ, decision=denied)
                await ctx.flush(uow)
            await uow.commit()
        return SubjectMatch(subject_id=subject.id, cases=tuple(out)) if out else None
