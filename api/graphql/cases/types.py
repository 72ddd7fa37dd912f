"""GraphQL, cases context: the case view's types — each item about the subject its value with
``access`` or a ``Withheld`` member of the item's union (the REST door's mapping)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from api.graphql.cases.items import Access, Withheld
from domain.cases import views as dv
from domain.cases.consent import ConsentEvent


def item(field: Any, shown: Any) -> Any:
    """The view's ``Field`` as its GraphQL member: the value (with access) or Withheld."""
    if isinstance(field, dv.Withheld):
        return Withheld.of(field)
    return shown(field.value, Access.of(field.access))


@strawberry.type
class Guardian:
    id: UUID
    name: str
    parental_responsibility: bool
    relation: str
    phone: str | None
    email: str | None


@strawberry.type
class SubjectIdentity:
    name: str
    birth_date: date
    age: int
    identity_number: str | None
    access: Access


@strawberry.type
class Guardians:
    items: list[Guardian]
    access: Access


IdentityItem = Annotated[SubjectIdentity | Withheld, strawberry.union("SubjectIdentityItem")]
GuardiansItem = Annotated[Guardians | Withheld, strawberry.union("GuardiansItem")]


@strawberry.type
class Subject:
    id: UUID
    version: int
    identity: IdentityItem
    guardians: GuardiansItem


@strawberry.type
class TeamMember:
    person_id: UUID | None
    name: str
    access: Access


@strawberry.type
class Member:
    id: UUID
    role: str
    organisation_id: UUID | None
    member: Annotated[TeamMember | Withheld, strawberry.union("TeamMemberItem")]


@strawberry.type
class CommitmentFields:
    kind: str
    status: str
    responsible_organisation_id: UUID
    access: Access


@strawberry.type
class CommitmentText:
    text: str
    access: Access


@strawberry.type
class Commitment:
    id: UUID
    version: int
    category: str
    regime: str
    commitment: Annotated[CommitmentFields | Withheld, strawberry.union("CommitmentItem")]
    description: Annotated[CommitmentText | Withheld, strawberry.union("CommitmentTextItem")]


@strawberry.type
class DutyPrompt:
    duty: str
    citation: str
    guidance: JSON = strawberry.field(description="Language (nb, nn, en) → guidance text.")
    policy_version: str


@strawberry.type
class NoteContent:
    text: str
    author_person_id: UUID | None
    organisation_id: UUID
    duty_tags: list[str]
    access: Access


@strawberry.type
class Note:
    id: UUID
    category: str
    regime: str
    written_at: datetime
    note: Annotated[NoteContent | Withheld, strawberry.union("NoteItem")]
    duty_prompts: list[DutyPrompt]


@strawberry.type
class ConsentEventType:
    party_id: UUID
    seq: int
    kind: str
    at: datetime
    method: str


@strawberry.type
class ConsentStatus:
    regime: str
    state: str
    outstanding_party_ids: list[UUID]
    recollect: bool


@strawberry.type
class ConsentParty:
    id: UUID
    kind: str
    guardian_id: UUID | None


@strawberry.type
class ChildView:
    text: str
    access: Access


@strawberry.type
class ConsentDetails:
    id: UUID
    case_id: UUID
    version: int
    method: str
    parties: list[ConsentParty]
    events: list[ConsentEventType]
    statuses: list[ConsentStatus]
    chain_ok: bool
    child_view: Annotated[ChildView | Withheld, strawberry.union("ChildViewItem")] | None
    access: Access | None = strawberry.field(description="None: the answer to its recorder.")


ConsentItemUnion = Annotated[ConsentDetails | Withheld, strawberry.union("ConsentItem")]


def _event(e: ConsentEvent) -> ConsentEventType:
    return ConsentEventType(
        party_id=e.party_id, seq=e.seq, kind=str(e.kind), at=e.at, method=str(e.method)
    )


def consent_details(
    v: dv.ConsentView, access: Access | None, *, child_view: bool = True
) -> ConsentDetails:
    c = v.consent
    return ConsentDetails(
        id=c.id,
        case_id=c.case_id,
        version=c.version,
        method=str(c.method),
        parties=[
            ConsentParty(id=p.id, kind=str(p.kind), guardian_id=p.guardian_id) for p in c.parties
        ],
        events=[_event(e) for e in v.events],
        statuses=[
            ConsentStatus(
                regime=str(r),
                state=str(s.state),
                outstanding_party_ids=list(s.outstanding_party_ids),
                recollect=s.recollect,
            )
            for r, s in sorted(v.statuses.items())
        ],
        chain_ok=v.chain_ok,
        child_view=None
        if v.child_view is None or not child_view
        else item(v.child_view, lambda t, a: ChildView(text=t, access=a)),
        access=access,
    )


def consent_item(i: dv.ConsentItem) -> Any:
    return item(i.consent, consent_details)


def note(n: dv.NoteView) -> Note:
    return Note(
        id=n.id,
        category=str(n.category),
        regime=str(n.regime),
        written_at=n.written_at,
        note=item(
            n.note,
            lambda v, a: NoteContent(
                text=v.text,
                author_person_id=v.author_person_id,
                organisation_id=v.organisation_id,
                duty_tags=sorted(str(t) for t in v.duty_tags),
                access=a,
            ),
        ),
        duty_prompts=[
            DutyPrompt(
                duty=str(d.duty),
                citation=d.citation,
                guidance=dict(d.guidance),
                policy_version=d.policy_version,
            )
            for d in n.duty_prompts
        ],
    )
