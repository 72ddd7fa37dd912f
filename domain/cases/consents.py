"""Cases domain room: registering consents and recording their events. Status is derived from
the events at every read; a withdrawal stops sharing on the very next request and notifies the
team members of every recipient organisation (the mail carries the case reference only)."""

from __future__ import annotations

from uuid import UUID, uuid4

from domain.cases import validation as val
from domain.cases.access import Action
from domain.cases.base import UseCases
from domain.cases.case import MemberRole
from domain.cases.changes import NewConsent
from domain.cases.consent import (
    CollectionMethod,
    Consent,
    ConsentEvent,
    ConsentParty,
    ConsentScope,
    EventKind,
    Notice,
    latest,
    sealed,
)
from domain.cases.consent_rules import check_new_consent, may_follow
from domain.cases.context import CaseContext
from domain.cases.errors import CaseClosed, ConsentConflict
from domain.cases.limits import REF_MAX
from domain.cases.ports import CasesUnitOfWork
from domain.cases.reads import consent_items, decided_consent_view
from domain.cases.regimes import Category
from domain.cases.views import ConsentItem, ConsentView
from domain.shared.errors import Errors, Forbidden, NotFound, StaleVersion, ValidationFailed
from domain.shared.principal import Principal


class ConsentUseCases(UseCases):
    async def consents(self, p: Principal, case_id: UUID) -> tuple[ConsentItem, ...]:
        async with self._open(p) as uow:
            ctx = await self._case(uow, p, case_id)
            items = consent_items(ctx)
            await ctx.flush(uow)
            await uow.commit()
        return items

    async def consent(self, p: Principal, consent_id: UUID) -> ConsentItem:
        async with self._open(p) as uow:
            ctx = await self._consent_case(uow, p, consent_id)
            item = next(i for i in consent_items(ctx) if i.id == consent_id)
            await ctx.flush(uow)
            await uow.commit()
        return item

    async def _consent_case(
        self, uow: CasesUnitOfWork, p: Principal, consent_id: UUID
    ) -> CaseContext:
        try:
            c = await uow.consents.get(consent_id)
        except NotFound:
            raise NotFound("No such consent.") from None
        return await self._case(uow, p, c.case_id)

    async def register_consent(self, p: Principal, case_id: UUID, new: NewConsent) -> ConsentView:
        """By a team member, for the organisation they represent on the case."""
        async with self._open(p) as uow:
            ctx = await self._case(uow, p, case_id)
            seat = ctx.reader.seat
            if seat is None or seat.organisation_id is None:
                raise Forbidden("Only the case's team registers consents, for their organisation.")
            if not ctx.case.is_open:
                raise CaseClosed("A closed case takes no new consents.")
            e = Errors()
            check_new_consent(e, new, ctx.subject)
            if new.collected_by_organisation_id != seat.organisation_id:
                e.add(
                    "collectedByOrganisationId",
                    "not-your-organisation",
                    "A consent is collected for the organisation you represent on the case.",
                )
            ids = new.source_organisation_ids | new.recipient_organisation_ids
            known = {o.id for o in await uow.organisations.get_many(list(ids))}
            for name, group in (
                ("sourceOrganisationIds", new.source_organisation_ids),
                ("recipientOrganisationIds", new.recipient_organisation_ids),
            ):
                if not group <= known:
                    e.add(name, "unknown", "No such organisation in this unit.")
            e.raise_if_any()
            consent = Consent(
                id=uuid4(),
                case_id=case_id,
                scope=ConsentScope(
                    purposes=new.purposes,
                    allowed_categories=new.allowed_categories,
                    excluded_categories=new.excluded_categories,
                    source_organisation_ids=new.source_organisation_ids,
                    recipient_organisation_ids=new.recipient_organisation_ids,
                    forums=new.forums,
                    valid_from=new.valid_from,
                    valid_to=new.valid_to,
                    onward_sharing=new.onward_sharing,
                ),
                notice=Notice(
                    version=new.notice_version.strip(),
                    language=new.notice_language,
                    sha256=new.notice_sha256,
                    easy_read=new.easy_read,
                ),
                parties=tuple(
                    ConsentParty(
                        id=uuid4(),
                        kind=x.kind,
                        guardian_id=x.guardian_id,
                        identity_verified_by=x.identity_verified_by.strip(),
                    )
                    for x in new.parties
                ),
                collected_by_person_id=p.person_id,
                collected_by_organisation_id=new.collected_by_organisation_id,
                method=new.method,
                child_view=(new.child_view or "").strip() or None,
                created_at=self._clock.now(),
            )
            await uow.consents.add(consent)
            ctx.log(
                "consent",
                consent.id,
                Action.WRITE,
                item=ctx.item(Category.INVOLVEMENT, seat.organisation_id),
            )
            view = decided_consent_view(ctx, consent, ())
            await ctx.flush(uow)
            await uow.commit()
        return view

    async def record_consent_event(
        self,
        p: Principal,
        consent_id: UUID,
        party_id: UUID,
        kind: EventKind,
        method: CollectionMethod,
        evidence_ref: str | None,
        expected_seq: int | None,
    ) -> ConsentView:
        """Append the party's next event. ``expected_seq``: the party's latest seq the caller
        read (0 for none) — another event in between is ``StaleVersion``; a concurrent append of
        the same seq is ``ConsentConflict`` (the database's UNIQUE decides)."""
        e = Errors()
        val.text(e, "evidenceRef", evidence_ref, required=False, max_len=REF_MAX)
        e.raise_if_any()
        async with self._open(p) as uow:
            ctx = await self._consent_case(uow, p, consent_id)
            consent = await uow.consents.get(consent_id)
            seat = ctx.reader.seat
            if seat is None or not (
                seat.role is MemberRole.LEAD
                or seat.organisation_id == consent.collected_by_organisation_id
            ):
                raise Forbidden(
                    "The case lead or the collecting organisation records a consent's events."
                )
            if consent.party(party_id) is None:
                raise ValidationFailed.single("partyId", "unknown", "Not a party of this consent.")
            events = tuple(await uow.consent_events.of_consent(consent_id))
            last = latest(events).get(party_id)
            seq = last.seq if last else 0
            if expected_seq is None:
                raise StaleVersion("Send the party's latest event number you read (0 for none).")
            if expected_seq != seq:
                raise StaleVersion(f"The party's log is at {seq}, not {expected_seq}. Reload.")
            if not may_follow(kind, last):
                raise ConsentConflict(
                    f"A '{kind.value}' event cannot follow the party's latest event."
                )
            event = sealed(
                ConsentEvent(
                    consent_id=consent_id,
                    party_id=party_id,
                    seq=seq + 1,
                    kind=kind,
                    at=self._clock.now(),
                    recorded_by=p.person_id,
                    method=method,
                    evidence_ref=(evidence_ref or "").strip() or None,
                    prev_hash=last.hash if last else "0" * 64,
                )
            )
            await uow.consent_events.append(event)
            ctx.log(
                "consent_event",
                consent_id,
                Action.WRITE,
                item=ctx.item(Category.INVOLVEMENT, consent.collected_by_organisation_id),
            )
            view = decided_consent_view(ctx, consent, (*events, event))
            recipients = (
                await self._recipients(uow, ctx, consent) if kind is EventKind.WITHDRAWN else []
            )
            await ctx.flush(uow)
            await uow.commit()
        if recipients:
            ref = ctx.case.reference
            await self._send(
                recipients,
                f"Samtykke trukket tilbake i {ref}",
                f"Et samtykke i sak {ref} er trukket tilbake. Deling stanser nå.\n\n"
                f"A consent in case {ref} was withdrawn; sharing stops now.",
            )
        return view

    @staticmethod
    async def _recipients(uow: CasesUnitOfWork, ctx: CaseContext, consent: Consent) -> list[str]:
        """Addresses of the team members of every recipient organisation (no names in the mail)."""
        ids = [
            m.person_id
            for m in ctx.team
            if m.person_id and m.organisation_id in consent.scope.recipient_organisation_ids
        ]
        return [x.email for x in await uow.persons.get_many(ids) if x.email] if ids else []
