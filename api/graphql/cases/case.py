"""GraphQL, cases context: a case as its team member reads it, and the case list's summary."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from uuid import UUID

import strawberry

from api.graphql.cases import types as t
from api.graphql.cases.items import Access, Withheld
from domain.cases import views as dv


@strawberry.type
class SubjectName:
    name: str
    access: Access


@strawberry.type
class CaseSummary:
    id: UUID
    reference: str
    kind: str
    status: str
    body_id: UUID
    body_name: str
    start_on: date
    end_on: date | None
    my_role: str
    version: int
    subject_name: Annotated[SubjectName | Withheld, strawberry.union("SubjectNameItem")]

    @classmethod
    def of(cls, s: dv.CaseSummary) -> CaseSummary:
        return cls(
            id=s.id,
            reference=s.reference,
            kind=str(s.kind),
            status=str(s.status),
            body_id=s.body_id,
            body_name=s.body_name,
            start_on=s.start_on,
            end_on=s.end_on,
            my_role=str(s.my_role),
            version=s.version,
            subject_name=t.item(s.subject_name, lambda n, a: SubjectName(name=n, access=a)),
        )


def _subject(s: dv.SubjectView) -> t.Subject:
    def identity(i: dv.Identity, a: Access) -> t.SubjectIdentity:
        return t.SubjectIdentity(
            name=i.name,
            birth_date=i.birth_date,
            age=i.age,
            identity_number=i.identity_number,
            access=a,
        )

    def guardians(gs: Any, a: Access) -> t.Guardians:
        items = [
            t.Guardian(
                id=g.id,
                name=g.name,
                parental_responsibility=g.parental_responsibility,
                relation=g.relation,
                phone=g.phone,
                email=g.email,
            )
            for g in gs
        ]
        return t.Guardians(items=items, access=a)

    return t.Subject(
        id=s.id,
        version=s.version,
        identity=t.item(s.identity, identity),
        guardians=t.item(s.guardians, guardians),
    )


def _member(m: dv.MemberView) -> t.Member:
    return t.Member(
        id=m.id,
        role=str(m.role),
        organisation_id=m.organisation_id,
        member=t.item(
            m.member, lambda v, a: t.TeamMember(person_id=v.person_id, name=v.name, access=a)
        ),
    )


def _commitment(c: dv.CommitmentView) -> t.Commitment:
    return t.Commitment(
        id=c.id,
        version=c.version,
        category=str(c.category),
        regime=str(c.regime),
        commitment=t.item(
            c.commitment,
            lambda v, a: t.CommitmentFields(
                kind=str(v.kind),
                status=str(v.status),
                responsible_organisation_id=v.responsible_organisation_id,
                access=a,
            ),
        ),
        description=t.item(c.description, lambda v, a: t.CommitmentText(text=v, access=a)),
    )


@strawberry.type
class Case:
    id: UUID
    reference: str
    kind: str
    status: str
    body_id: UUID
    body_name: str
    start_on: date
    end_on: date | None
    version: int
    my_role: str | None = strawberry.field(description="None: reading under break-glass.")
    break_glass_id: UUID | None
    subject: t.Subject
    team: list[t.Member]
    commitments: list[t.Commitment]
    notes: list[t.Note]
    consents: list[t.ConsentItemUnion]

    @classmethod
    def of(cls, v: dv.CaseView) -> Case:
        c = v.case
        return cls(
            id=c.id,
            reference=c.reference,
            kind=str(c.kind),
            status=str(c.status),
            body_id=c.body_id,
            body_name=v.body_name,
            start_on=c.start_on,
            end_on=c.end_on,
            version=c.version,
            my_role=None if v.my_role is None else str(v.my_role),
            break_glass_id=v.break_glass_id,
            subject=_subject(v.subject),
            team=[_member(m) for m in v.team],
            commitments=[_commitment(x) for x in v.commitments],
            notes=[t.note(n) for n in v.notes],
            consents=[t.consent_item(i) for i in v.consents],
        )
