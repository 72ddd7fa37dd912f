"""Cases domain room: opening, reading, changing and closing cases. A case is opened on an
executive body by a person with a seat on it, who becomes its lead; its team sees it, nobody else."""

from __future__ import annotations

import dataclasses
from uuid import UUID, uuid4

from domain.cases import policies as pol
from domain.cases import validation as val
from domain.cases.access import Action
from domain.cases.base import UseCases
from domain.cases.case import Case, CaseMember, CaseStatus, ClosingReason, MemberRole, reference
from domain.cases.changes import CaseChanges, NewSubject, OpenCase
from domain.cases.context import CaseContext, load
from domain.cases.errors import CaseBodyNotExecutive, CaseClosed
from domain.cases.ports import CasesUnitOfWork
from domain.cases.reads import (
    commitment_views,
    consent_items,
    member_views,
    note_view,
    subject_name,
    subject_view,
)
from domain.cases.subject import Guardian, Subject
from domain.cases.views import CaseSummary, CaseView
from domain.shared.changes import apply, expect_version
from domain.shared.errors import Errors, Forbidden, NotFound, ValidationFailed
from domain.shared.policies import require
from domain.shared.principal import Principal


def _unknown(field: str, what: str) -> ValidationFailed:
    return ValidationFailed.single(field, "unknown", f"No such {what} in this unit.")


def new_subject(unit_id: UUID, s: NewSubject) -> Subject:
    guardians = tuple(
        Guardian(
            id=g.id or uuid4(),
            name=g.name.strip(),
            relation=g.relation.strip(),
            parental_responsibility=g.parental_responsibility,
            phone=g.phone or None,
            email=g.email or None,
        )
        for g in s.guardians
    )
    return Subject(
        id=uuid4(),
        unit_id=unit_id,
        name=s.name.strip(),
        birth_date=s.birth_date,
        identity_number=s.identity_number or None,
        guardians=guardians,
    )


class CaseUseCases(UseCases):
    async def my_cases(self, p: Principal) -> tuple[CaseSummary, ...]:
        """The cases whose team ``p`` is on (nobody else's — the list is empty for the rest)."""
        now = self._clock.now()
        async with self._open(p) as uow:
            assert p.person_id is not None
            cases = await uow.cases.of_person(p.person_id)
            bodies = {b.id: b for b in await uow.bodies.get_many([c.body_id for c in cases])}
            out = []
            for case in cases:
                ctx = await load(uow, p, case, now, with_plan=False)
                if ctx.reader.seat is None:
                    continue
                body = bodies.get(case.body_id)
                out.append(
                    CaseSummary(
                        id=case.id,
                        reference=case.reference,
                        kind=case.kind,
                        status=case.status,
                        body_id=case.body_id,
                        body_name=body.name if body else "",
                        start_on=case.start_on,
                        end_on=case.end_on,
                        my_role=ctx.reader.seat.role,
                        subject_name=subject_name(ctx),
                        version=case.version,
                    )
                )
                await ctx.flush(uow)
            await uow.commit()
        return tuple(out)

    async def open_case(self, p: Principal, cmd: OpenCase) -> CaseView:
        uow_ = self._open(p)
        today, now = self._clock.today(), self._clock.now()
        async with uow_ as uow:
            try:
                body = await uow.bodies.get(cmd.body_id)
            except NotFound:
                raise _unknown("bodyId", "body") from None
            if not body.may_handle_individual_cases:
                raise CaseBodyNotExecutive(
                    "Individual cases belong to executive bodies, never steering or coordinating ones."
                )
            require(pol.can_open_case(p, body.id), "open a case on this body")
            try:
                await uow.organisations.get(cmd.organisation_id)
            except NotFound:
                raise _unknown("organisationId", "organisation") from None
            await self._represents(uow, p, cmd.organisation_id)
            subject, is_new = await self._subject_for(uow, p, cmd)
            e = Errors()
            val.case_period(e, cmd.kind, cmd.start_on, cmd.end_on, subject.birth_date, today)
            e.raise_if_any()
            if is_new:
                await uow.subjects.add(subject)
            seq = await uow.cases.next_seq(today.year)
            case = Case(
                id=uuid4(),
                unit_id=p.unit_id,
                reference=reference(today.year, seq),
                subject_id=subject.id,
                body_id=body.id,
                kind=cmd.kind,
                organisation_id=cmd.organisation_id,
                start_on=cmd.start_on,
                end_on=cmd.end_on,
                created_at=now,
            )
            await uow.cases.add(case)
            assert p.person_id is not None
            lead = CaseMember(
                id=uuid4(),
                case_id=case.id,
                person_id=p.person_id,
                name=p.display_name,
                organisation_id=cmd.organisation_id,
                role=MemberRole.LEAD,
            )
            await uow.members.add(lead)
            ctx = await load(uow, p, case, now)
            ctx.log("case", case.id, Action.WRITE)
            if is_new:
                ctx.log("subject", subject.id, Action.WRITE)
            return await self._finish(uow, ctx)

    async def _subject_for(
        self, uow: CasesUnitOfWork, p: Principal, cmd: OpenCase
    ) -> tuple[Subject, bool]:
        """A known subject whose identity and guardians are already the opener's own service's
        information, or a new record of what the opener registered. A new subject joins a
        registered one with the same identity number only on those terms: the new case's items
        have the opener's organisation as their source, so joining anyone else's would show (and
        let them change) what another service registered, and an error would tell them that the
        child is followed up (ADR 0017)."""
        s, organisation_id = cmd.subject, cmd.organisation_id
        if isinstance(s, UUID):
            known = await self._own_subject(uow, p, s, organisation_id)
            if known is None:
                raise _unknown("subject", "subject")
            return known, False
        e = Errors()
        val.subject(e, s.name, s.birth_date, s.identity_number, self._clock.today(), "subject.")
        val.guardians(e, s.guardians, "subject.")
        e.raise_if_any()
        if s.identity_number:
            for found in await uow.subjects.find_by_identity_number(s.identity_number):
                known = await self._own_subject(uow, p, found.id, organisation_id)
                if known is not None and not await self._hidden_twin(uow, p, known.id, cmd):
                    return known, False
        return new_subject(p.unit_id, s), True

    async def _represents(self, uow: CasesUnitOfWork, p: Principal, organisation_id: UUID) -> None:
        """The opener opens for the organisation they work for: the case's own items are that
        organisation's information (``own_service``), so claiming another service's name would
        file their notes under its regime and consents."""
        me = await uow.persons.get_many([p.person_id]) if p.person_id else ()
        if me and me[0].organisation_id not in (None, organisation_id):
            raise Forbidden("A case is opened for the organisation you work for.")

    async def _hidden_twin(
        self, uow: CasesUnitOfWork, p: Principal, subject_id: UUID, cmd: OpenCase
    ) -> bool:
        """An open case of the subject on the same body and kind that ``p`` is not on: joining
        would end in a 409 telling them it exists, so the opening gets a record of its own."""
        for case in await uow.cases.of_subject(subject_id):
            if case.is_open and case.body_id == cmd.body_id and case.kind is cmd.kind:
                return pol.membership(p, await uow.members.of_case(case.id)) is None
        return False

    async def _own_subject(
        self, uow: CasesUnitOfWork, p: Principal, subject_id: UUID, organisation_id: UUID
    ) -> Subject | None:
        """The subject if ``p`` sits on a case of theirs that ``organisation_id`` opened, for
        that organisation — their identity and guardians are ``p``'s own service's already."""
        now = self._clock.now()
        for case in await uow.cases.of_subject(subject_id):
            if case.organisation_id != organisation_id:
                continue
            ctx = await load(uow, p, case, now, with_plan=False)
            if ctx.reader.seat is not None and ctx.reader.organisation_id == organisation_id:
                return ctx.subject
        return None

    async def case_view(self, p: Principal, id: UUID) -> CaseView:
        async with self._open(p) as uow:
            ctx = await self._case(uow, p, id)
            return await self._finish(uow, ctx)

    async def _finish(self, uow: CasesUnitOfWork, ctx: CaseContext) -> CaseView:
        """Build the view (every item through the decision point), log, commit."""
        view = await self._view(uow, ctx)
        await ctx.flush(uow)
        await uow.commit()
        return view

    async def _view(self, uow: CasesUnitOfWork, ctx: CaseContext) -> CaseView:
        case = ctx.case
        body = (await uow.bodies.get_many([case.body_id])) or ()
        notes = await uow.notes.of_case(case.id)
        answers = await uow.duty_answers.of_notes([n.id for n in notes]) if notes else ()
        return CaseView(
            case=case,
            body_name=body[0].name if body else "",
            my_role=ctx.reader.role,
            my_organisation_id=ctx.reader.organisation_id,
            break_glass_id=ctx.reader.break_glass_id,
            subject=subject_view(ctx),
            team=member_views(ctx),
            commitments=commitment_views(ctx, ctx.commitments),
            notes=tuple(note_view(ctx, n, answers) for n in notes),
            consents=consent_items(ctx),
        )

    async def _lead_case(
        self, uow: CasesUnitOfWork, p: Principal, id: UUID, action: str
    ) -> CaseContext:
        ctx = await self._case(uow, p, id)
        require(pol.is_lead(p, ctx.team), action)
        return ctx

    async def update_case(
        self, p: Principal, id: UUID, changes: CaseChanges, expected_version: int | None
    ) -> CaseView:
        async with self._open(p) as uow:
            ctx = await self._lead_case(uow, p, id, "change this case")
            expect_version(ctx.case.version, expected_version)
            if not ctx.case.is_open:
                raise CaseClosed("A closed case is not changed.")
            case = apply(ctx.case, changes.trimmed())
            e = Errors()
            val.case_period(
                e,
                case.kind,
                case.start_on,
                case.end_on,
                ctx.subject.birth_date,
                self._clock.today(),
            )
            e.raise_if_any()
            await uow.cases.update(case, ctx.case.version)
            ctx.case = case
            ctx.log("case", case.id, Action.WRITE)
            return await self._finish(uow, ctx)

    async def close_case(
        self, p: Principal, id: UUID, reason: ClosingReason, expected_version: int | None
    ) -> CaseView:
        async with self._open(p) as uow:
            ctx = await self._lead_case(uow, p, id, "close this case")
            expect_version(ctx.case.version, expected_version)
            if not ctx.case.is_open:
                raise CaseClosed("The case is already closed.")
            case = dataclasses.replace(
                ctx.case,
                status=CaseStatus.CLOSED,
                version=ctx.case.version + 1,
                closed_on=self._clock.today(),
                closing_reason=reason,
            )
            await uow.cases.update(case, ctx.case.version)
            ctx.case = case
            ctx.log("case", case.id, Action.WRITE)
            return await self._finish(uow, ctx)
