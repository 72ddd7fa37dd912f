"""Cases domain room: one case as a reader meets it — the case, its subject and team, who the
reader is on it (seat, organisation, break-glass) and the facts the decision point weighs —
loaded once per request, with the access-log entries the request leaves."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID, uuid4

from domain.cases.access import AccessEntry, Action, Outcome
from domain.cases.case import Case, CaseMember, MemberRole
from domain.cases.commitment import Commitment
from domain.cases.decision import ConsentFacts, Decision, Deny, Facts, Item, Permit, Request, decide
from domain.cases.policy import POLICY, local_day
from domain.cases.ports import CasesUnitOfWork
from domain.cases.regimes import Category, SourceRegime, regime_of
from domain.cases.subject import Subject
from domain.organisation.model import Organisation, OrganisationType
from domain.shared.principal import Principal


@dataclass(frozen=True, slots=True, kw_only=True)
class Reader:
    """Who reads: the principal, their seat on the team (if any), the organisation they read for
    and its type, and their active break-glass grant (if any)."""

    principal: Principal
    seat: CaseMember | None
    organisation_id: UUID | None
    organisation_type: OrganisationType | None
    break_glass_id: UUID | None

    @property
    def role(self) -> MemberRole | None:
        return self.seat.role if self.seat else None

    @property
    def actor_role(self) -> str:
        if self.seat is not None:
            return self.seat.role.value
        return "break_glass" if self.break_glass_id else "none"


@dataclass(kw_only=True)
class CaseContext:
    case: Case
    subject: Subject
    team: tuple[CaseMember, ...]
    organisations: dict[UUID, Organisation]
    reader: Reader
    facts: Facts
    at: datetime
    commitments: tuple[Commitment, ...] = ()
    client: str | None = None
    request_id: str | None = None
    entries: list[AccessEntry] = field(default_factory=list)

    @property
    def facts_version(self) -> str:
        return POLICY.version

    @property
    def visible(self) -> bool:
        return self.reader.seat is not None or self.reader.break_glass_id is not None

    def regime(self, organisation_id: UUID | None) -> SourceRegime:
        org = self.organisations.get(organisation_id) if organisation_id else None
        return regime_of(org.type) if org else SourceRegime.SLT

    def item(self, category: Category, source: UUID | None, *, free_text: bool = False) -> Item:
        return Item(
            category=category,
            regime=self.regime(source),
            source_organisation_id=source,
            is_free_text=free_text,
        )

    def decide(self, item: Item) -> Decision:
        r = self.reader
        request = Request(
            reader_person_id=r.principal.person_id,
            reader_organisation_id=r.organisation_id,
            reader_organisation_type=r.organisation_type,
            team_role=r.role,
            item=item,
            at=self.at,
        )
        return decide(request, self.facts, POLICY)

    def read(
        self, object_type: str, object_id: UUID | None, item: Item, action: Action = Action.READ
    ) -> Decision:
        """Decide one item and log the read (permitted or denied) — the only way views read."""
        d = self.decide(item)
        self.log(object_type, object_id, action, item=item, decision=d)
        return d

    def log(
        self,
        object_type: str,
        object_id: UUID | None,
        action: Action,
        *,
        item: Item | None = None,
        decision: Decision | None = None,
    ) -> None:
        p, r = self.reader.principal, self.reader
        permit = decision if isinstance(decision, Permit) else None
        deny = decision if isinstance(decision, Deny) else None
        self.entries.append(
            AccessEntry(
                id=uuid4(),
                at=self.at,
                unit_id=p.unit_id,
                actor_person_id=p.person_id,
                actor_subject_key=p.subject_key,
                actor_organisation_id=r.organisation_id,
                actor_role=r.actor_role,
                subject_ref=self.subject.id,
                case_id=self.case.id,
                object_type=object_type,
                object_id=object_id,
                category=item.category.value if item else None,
                regime=item.regime.value if item else None,
                action=action,
                purpose="follow_up",
                basis=permit.basis.value if permit else None,
                consent_id=permit.consent_id if permit else (deny.consent_id if deny else None),
                decision=Outcome.DENY if deny else Outcome.PERMIT,
                deny_reason=deny.reason.value if deny else None,
                break_glass_id=r.break_glass_id,
                client=self.client,
                request_id=self.request_id,
            )
        )

    async def flush(self, uow: CasesUnitOfWork) -> None:
        """Append the entries in the request's unit of work (the caller commits)."""
        if self.entries:
            await uow.access_log.append(tuple(self.entries))
            self.entries.clear()


async def load(
    uow: CasesUnitOfWork, p: Principal, case: Case, at: datetime, *, with_plan: bool = True
) -> CaseContext:
    """Everything the decision point needs for ``case`` as ``p`` reads it at ``at`` (without the
    youth plan's commitments when ``with_plan`` is off: a list needs only the subject's name)."""
    team = tuple(await uow.members.of_case(case.id))
    seat = next((m for m in team if p.person_id is not None and m.person_id == p.person_id), None)
    grant = None
    if p.is_person and p.person_id is not None:
        grant = await uow.break_glass.active(case.id, p.person_id, at)
    org_id = seat.organisation_id if seat else None
    if seat is None and grant is not None:
        found = await uow.persons.get_many([p.person_id]) if p.person_id else ()
        org_id = found[0].organisation_id if found else None
    ids = {m.organisation_id for m in team} | {case.organisation_id, org_id}
    subject = await uow.subjects.get(case.subject_id)
    consents = tuple(await uow.consents.of_case(case.id))
    events = await uow.consent_events.of_consents([c.id for c in consents]) if consents else ()
    for c in consents:
        ids |= c.scope.source_organisation_ids | {c.collected_by_organisation_id}
    commitments = tuple(await uow.commitments.of_case(case.id)) if with_plan else ()
    ids |= {c.responsible_organisation_id for c in commitments}
    orgs = {o.id: o for o in await uow.organisations.get_many([i for i in ids if i])}
    reader = Reader(
        principal=p,
        seat=seat,
        organisation_id=org_id,
        organisation_type=orgs[org_id].type if org_id in orgs else None,
        break_glass_id=grant.id if grant else None,
    )
    facts = Facts(
        subject_age=subject.age_on(local_day(at)),
        guardian_ids=frozenset(g.id for g in subject.responsible_guardians),
        consents=tuple(
            ConsentFacts(consent=c, events=tuple(e for e in events if e.consent_id == c.id))
            for c in consents
        ),
        bases=tuple(await uow.bases.of_case(case.id)),
        break_glass=grant,
    )
    return CaseContext(
        case=case,
        subject=subject,
        team=team,
        organisations=orgs,
        reader=reader,
        facts=facts,
        at=at,
        commitments=commitments,
    )
