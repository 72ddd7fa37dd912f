"""Cases domain room: other legal bases than consent (recorded by the case lead with a
justification) and break-glass access (reasoned, two hours, the access controllers notified,
reviewed afterwards by the unit admin — who sees the grant, never the case's content)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import timedelta
from uuid import UUID, uuid4

from domain.cases import policies as pol
from domain.cases import validation as val
from domain.cases.access import AccessEntry, Action
from domain.cases.base import NOT_FOUND, UseCases
from domain.cases.bases import LegalBasisRecord
from domain.cases.breakglass import BreakGlass
from domain.cases.case import CaseMember
from domain.cases.changes import NewBasis
from domain.cases.errors import AlreadyReviewed, BreakGlassRefused, CaseClosed
from domain.cases.limits import (
    BREAK_GLASS_REASON_MAX,
    BREAK_GLASS_REASON_MIN,
    JUSTIFICATION_MAX,
    JUSTIFICATION_MIN,
    REF_MAX,
    REVIEW_NOTE_MAX,
)
from domain.cases.policy import BREAK_GLASS_HOURS, RECORDABLE_BASES, LegalBasisCode
from domain.cases.ports import CasesUnitOfWork
from domain.cases.views import BreakGlassReview
from domain.meetings.guard import screen
from domain.organisation.model import OrganisationType
from domain.shared.errors import Errors, NotFound
from domain.shared.policies import require
from domain.shared.principal import Principal, Role

GUARD_LEVEL = "coordinating"  # reasons and review notes are read outside the team


def _min_text(e: Errors, field: str, value: str, low: int, high: int) -> None:
    val.text(e, field, value, required=True, max_len=high)
    if value and len(value.strip()) < low:
        e.add(field, "too-short", f"At least {low} characters.", {"min": low})


class DisclosureUseCases(UseCases):
    async def _screen(self, p: Principal, texts: dict[str, str | None]) -> None:
        """Reasons and review notes are read outside the team: no personal data in them, the
        unit's registered subject and guardian names included (no override)."""
        await self._guard.prepare(p.unit_id)
        screen(self._guard, texts, level=GUARD_LEVEL, override_reason=None, unit_id=p.unit_id)

    async def record_legal_basis(
        self, p: Principal, case_id: UUID, new: NewBasis
    ) -> LegalBasisRecord:
        async with self._open(p) as uow:
            ctx = await self._case(uow, p, case_id)
            require(pol.is_lead(p, ctx.team), "record legal bases on this case")
            if not ctx.case.is_open:
                raise CaseClosed("A closed case takes no new legal bases.")
            e = Errors()
            if new.basis not in RECORDABLE_BASES:
                e.add(
                    "basis", "invalid", "same_purpose, necessary_for_own_tasks or report_offence."
                )
            _min_text(e, "justification", new.justification, JUSTIFICATION_MIN, JUSTIFICATION_MAX)
            if not new.categories:
                e.add("categories", "required", "At least one.")
            val.text(
                e,
                "agencyDecisionRef",
                new.agency_decision_ref,
                required=new.basis is LegalBasisCode.REPORT_OFFENCE,
                max_len=REF_MAX,
            )
            if new.valid_to is not None and new.valid_to < new.valid_from:
                e.add("validTo", "before-start", "The end date comes before the start date.")
            try:
                await uow.organisations.get(new.recipient_organisation_id)
            except NotFound:
                e.add("recipientOrganisationId", "unknown", "No such organisation in this unit.")
            e.raise_if_any()
            record = LegalBasisRecord(
                id=uuid4(),
                case_id=case_id,
                basis=new.basis,
                recipient_organisation_id=new.recipient_organisation_id,
                categories=new.categories,
                justification=new.justification.strip(),
                recorded_by=p.person_id,
                valid_from=new.valid_from,
                valid_to=new.valid_to,
                agency_decision_ref=(new.agency_decision_ref or "").strip() or None,
                recorded_at=self._clock.now(),
            )
            await uow.bases.add(record)
            ctx.log("legal_basis", record.id, Action.WRITE)
            await ctx.flush(uow)
            await uow.commit()
        return record

    async def legal_bases(self, p: Principal, case_id: UUID) -> tuple[LegalBasisRecord, ...]:
        async with self._open(p) as uow:
            ctx = await self._case(uow, p, case_id)
            ctx.log("legal_basis", None, Action.READ)
            await ctx.flush(uow)
            await uow.commit()
        return ctx.facts.bases

    async def _not_police(
        self, uow: CasesUnitOfWork, p: Principal, team: Sequence[CaseMember]
    ) -> None:
        """Police readers never break the glass: a grant comes before the police minimisation in
        the decision point, so it would show them every agency's free text. A police team member
        is refused by name; a police seat holder off the team gets the case's 404."""
        seat = pol.membership(p, team)
        org_id = seat.organisation_id if seat else None
        if seat is None and p.person_id is not None:
            me = await uow.persons.get_many([p.person_id])
            org_id = me[0].organisation_id if me else None
        orgs = await uow.organisations.get_many([org_id]) if org_id else ()
        police = p.has_role(Role.POLICE_CONTACT) or any(
            o.type is OrganisationType.POLICE for o in orgs
        )
        if police and seat is not None:
            raise BreakGlassRefused("Police readers use a recorded legal basis, not break-glass.")
        if police:
            raise NotFound(NOT_FOUND)

    async def open_break_glass(
        self, p: Principal, case_id: UUID, reason: str, basis: LegalBasisCode
    ) -> BreakGlass:
        reason = reason.strip() if isinstance(reason, str) else ""
        e = Errors()
        _min_text(e, "reason", reason, BREAK_GLASS_REASON_MIN, BREAK_GLASS_REASON_MAX)
        if basis not in RECORDABLE_BASES:
            e.add("basis", "invalid", "same_purpose, necessary_for_own_tasks or report_offence.")
        e.raise_if_any()
        uow_ = self._open(p)
        now = self._clock.now()
        async with uow_ as uow:
            await self._screen(p, {"reason": reason})
            try:
                case = await uow.cases.get(case_id)
            except NotFound:
                raise NotFound(NOT_FOUND) from None
            team = await uow.members.of_case(case_id)
            if not pol.can_break_glass(p, case.body_id, team):
                raise NotFound(NOT_FOUND)  # the case does not exist for them
            await self._not_police(uow, p, team)
            assert p.person_id is not None
            grant = BreakGlass(
                id=uuid4(),
                case_id=case_id,
                person_id=p.person_id,
                reason=reason,
                basis=basis,
                opened_at=now,
                expires_at=now + timedelta(hours=BREAK_GLASS_HOURS),
            )
            await uow.break_glass.add(grant)
            await uow.access_log.append(
                (self._entry(p, case.subject_id, case_id, grant, Action.WRITE),)
            )
            to = await uow.controllers.emails()
            await uow.commit()
        await self._send(
            to,
            f"Nødtilgang åpnet i {case.reference}",
            f"Nødtilgang er åpnet i sak {case.reference} og skal gjennomgås.\n\n"
            f"Break-glass access was opened in case {case.reference}; please review it.",
        )
        return grant

    def _entry(
        self, p: Principal, subject_id: UUID, case_id: UUID, grant: BreakGlass, action: Action
    ) -> AccessEntry:
        return AccessEntry(
            id=uuid4(),
            at=self._clock.now(),
            unit_id=p.unit_id,
            actor_person_id=p.person_id,
            actor_subject_key=p.subject_key,
            actor_organisation_id=None,
            actor_role="unit_admin" if pol.is_access_controller(p) else "break_glass",
            subject_ref=subject_id,
            case_id=case_id,
            object_type="break_glass",
            object_id=grant.id,
            category=None,
            regime=None,
            action=action,
            purpose="follow_up",
            basis=grant.basis.value,
            break_glass_id=grant.id,
        )

    async def _reviews(
        self, uow: CasesUnitOfWork, grants: list[BreakGlass]
    ) -> list[BreakGlassReview]:
        cases = {c.id: c for c in await uow.cases.get_many([g.case_id for g in grants])}
        people = {x.id: x for x in await uow.persons.get_many([g.person_id for g in grants])}
        return [
            BreakGlassReview(
                grant=g,
                case_reference=cases[g.case_id].reference if g.case_id in cases else "",
                person_name=people[g.person_id].name if g.person_id in people else None,
            )
            for g in grants
        ]

    async def break_glass_reviews(self, p: Principal) -> tuple[BreakGlassReview, ...]:
        require(pol.is_access_controller(p), "review break-glass access")
        async with self._open(p) as uow:
            grants = list(await uow.break_glass.all())
            reviews = await self._reviews(uow, grants)
            cases = {c.id: c for c in await uow.cases.get_many([g.case_id for g in grants])}
            await uow.access_log.append(
                tuple(
                    self._entry(p, cases[g.case_id].subject_id, g.case_id, g, Action.READ)
                    for g in grants
                    if g.case_id in cases
                )
            )
            await uow.commit()
        return tuple(reviews)

    async def review_break_glass(self, p: Principal, id: UUID, note: str) -> BreakGlassReview:
        require(pol.is_access_controller(p), "review break-glass access")
        note = note.strip() if isinstance(note, str) else ""
        e = Errors()
        val.text(e, "note", note, required=True, max_len=REVIEW_NOTE_MAX)
        e.raise_if_any()
        async with self._open(p) as uow:
            await self._screen(p, {"note": note})
            grant = await uow.break_glass.get(id)
            if grant.reviewed:
                raise AlreadyReviewed("Each break-glass access is reviewed once.")
            done = dataclasses.replace(
                grant,
                reviewed_at=self._clock.now(),
                reviewed_by=p.person_id,
                review_note=note,
                version=grant.version + 1,
            )
            await uow.break_glass.update(done, grant.version)
            case = await uow.cases.get(grant.case_id)
            await uow.access_log.append(
                (self._entry(p, case.subject_id, case.id, done, Action.WRITE),)
            )
            review = (await self._reviews(uow, [done]))[0]
            await uow.commit()
        return review
