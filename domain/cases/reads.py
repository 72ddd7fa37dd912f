"""Cases domain room: building views item by item through the decision point — each item Shown
with its permit or Withheld with its reason — and logging every read in the context."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TypeVar

from domain.cases.commitment import Commitment
from domain.cases.consent import Consent, ConsentEvent, status, verify_events
from domain.cases.context import CaseContext
from domain.cases.decision import Decision, Item, Permit
from domain.cases.note import DutyAnswer, Note
from domain.cases.policy import DUTIES, local_day
from domain.cases.regimes import Category, SourceRegime
from domain.cases.views import (
    CommitmentView,
    ConsentItem,
    ConsentView,
    Field,
    Identity,
    MemberView,
    NoteView,
    Shown,
    SubjectView,
    Withheld,
)

T = TypeVar("T")


def field_of(decision: Decision, item: Item, value: T) -> Field[T]:
    """The value with its permit, or what was withheld — never the value."""
    if isinstance(decision, Permit):
        return Shown(value=value, access=decision)
    return Withheld(
        reason=decision.reason,
        category=item.category,
        regime=item.regime,
        policy_version=decision.policy_version,
    )


def subject_view(ctx: CaseContext) -> SubjectView:
    s, source = ctx.subject, ctx.case.organisation_id
    ident = ctx.item(Category.IDENTITY, source)
    guard = ctx.item(Category.GUARDIANS, source)
    identity = Identity(
        name=s.name,
        birth_date=s.birth_date,
        age=s.age_on(local_day(ctx.at)),
        identity_number=s.identity_number,
    )
    return SubjectView(
        id=s.id,
        version=s.version,
        identity=field_of(ctx.read("subject", s.id, ident), ident, identity),
        guardians=field_of(ctx.read("guardians", s.id, guard), guard, s.guardians),
    )


def subject_name(ctx: CaseContext) -> Field[str]:
    item = ctx.item(Category.IDENTITY, ctx.case.organisation_id)
    return field_of(ctx.read("subject", ctx.subject.id, item), item, ctx.subject.name)


def member_views(ctx: CaseContext) -> tuple[MemberView, ...]:
    out = []
    for m in ctx.team:
        item = ctx.item(Category.INVOLVEMENT, m.organisation_id)
        out.append(
            MemberView(
                id=m.id,
                role=m.role,
                organisation_id=m.organisation_id,
                member=field_of(ctx.read("member", m.id, item), item, m),
            )
        )
    return tuple(out)


def commitment_view(ctx: CaseContext, c: Commitment) -> CommitmentView:
    source = c.responsible_organisation_id
    facts = ctx.item(c.category, source)
    text = ctx.item(c.category, source, free_text=True)
    bare = dataclasses.replace(
        c,
        description="",
        breaches=tuple(dataclasses.replace(b, description="") for b in c.breaches),
    )
    shown_text = ctx.read("commitment_text", c.id, text)
    structured = field_of(ctx.read("commitment", c.id, facts), facts, bare)
    if isinstance(shown_text, Permit) and isinstance(structured, Shown):
        structured = Shown(value=c, access=structured.access)
    return CommitmentView(
        id=c.id,
        version=c.version,
        category=c.category,
        regime=c.regime,
        commitment=structured,
        description=field_of(shown_text, text, c.description),
    )


def commitment_views(ctx: CaseContext, items: Sequence[Commitment]) -> tuple[CommitmentView, ...]:
    return tuple(commitment_view(ctx, c) for c in items)


def note_view(ctx: CaseContext, n: Note, answers: Sequence[DutyAnswer] = ()) -> NoteView:
    item = ctx.item(n.category, n.organisation_id, free_text=True)
    item = dataclasses.replace(item, regime=n.regime)
    mine = n.author_person_id is not None and n.author_person_id == ctx.reader.principal.person_id
    return NoteView(
        id=n.id,
        category=n.category,
        regime=n.regime,
        written_at=n.written_at,
        note=field_of(ctx.read("note", n.id, item), item, n),
        duty_prompts=tuple(DUTIES[d] for d in n.prompted) if mine else (),
        duty_answers=tuple(a for a in answers if a.note_id == n.id) if mine else (),
    )


def consent_view(ctx: CaseContext, c: Consent, events: Sequence[ConsentEvent]) -> ConsentView:
    today, s = local_day(ctx.at), ctx.subject
    statuses = {
        r: status(
            c,
            events,
            r,
            s.age_on(today),
            today,
            guardian_ids=ctx.facts.guardian_ids,
            birth_date=s.birth_date,
        )
        for r in SourceRegime
    }
    return ConsentView(
        consent=c, events=tuple(events), statuses=statuses, chain_ok=verify_events(events) is None
    )


def decided_consent_view(
    ctx: CaseContext, c: Consent, events: Sequence[ConsentEvent]
) -> ConsentView:
    """The consent's view with the child's own view decided as free text of the collecting
    organisation (and logged): withheld, it is absent from ``consent`` too."""
    child_view: Field[str] | None = None
    if c.child_view is not None:
        item = ctx.item(Category.INVOLVEMENT, c.collected_by_organisation_id, free_text=True)
        child_view = field_of(ctx.read("child_view", c.id, item), item, c.child_view)
        if not isinstance(child_view, Shown):
            c = dataclasses.replace(c, child_view=None)
    return dataclasses.replace(consent_view(ctx, c, events), child_view=child_view)


def consent_items(ctx: CaseContext) -> tuple[ConsentItem, ...]:
    """A consent (scope, parties, derived statuses) is involvement information of the collecting
    organisation; the child's own view is free text and decided on its own."""
    out = []
    for cf in ctx.facts.consents:
        item = ctx.item(Category.INVOLVEMENT, cf.consent.collected_by_organisation_id)
        d = ctx.read("consent", cf.consent.id, item)
        view = decided_consent_view(ctx, cf.consent, cf.events)
        out.append(ConsentItem(id=cf.consent.id, consent=field_of(d, item, view)))
    return tuple(out)
