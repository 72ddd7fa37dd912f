"""REST cases room: the youth plan's commitments and their breaches — as sent and as read (the
structured fields and the free-text description are decided apart)."""

from __future__ import annotations

from datetime import date
from typing import Self
from uuid import UUID

from api.rest.cases.dtos import fields
from api.rest.cases.dtos.access import AccessRead, Shown, WithheldRead, render
from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import IsoDate, optional
from domain.cases import limits
from domain.cases.changes import CommitmentChanges, NewBreach, NewCommitment
from domain.cases.commitment import Commitment, CommitmentKind, CommitmentStatus, Consequence
from domain.cases.regimes import Category, SourceRegime
from domain.cases.views import CommitmentView
from domain.cases.views import Shown as ShownItem


class CommitmentCreate(Input):
    kind: CommitmentKind
    description: str = fields.required_text(limits.DESCRIPTION_MAX)
    responsible_organisation_id: UUID
    status: CommitmentStatus = CommitmentStatus.PLANNED

    def to_domain(self) -> NewCommitment:
        return NewCommitment(**self.model_dump(by_alias=False))


class CommitmentUpdate(Update):
    description: str = fields.new_text(limits.DESCRIPTION_MAX)
    status: CommitmentStatus = optional()
    responsible_organisation_id: UUID = optional()

    def to_changes(self) -> CommitmentChanges:
        return CommitmentChanges(**self.changes())


class BreachCreate(Input):
    occurred_on: IsoDate
    description: str = fields.required_text(limits.DESCRIPTION_MAX)
    consequence: Consequence

    def to_domain(self) -> NewBreach:
        return NewBreach(**self.model_dump(by_alias=False))


class BreachRead(Dto):
    id: UUID
    occurred_on: date
    description: str = ""
    consequence: Consequence


class CommitmentFieldsRead(Shown):
    """The structured fields; the descriptions are empty unless the free text is shown too."""

    kind: CommitmentKind
    status: CommitmentStatus
    responsible_organisation_id: UUID
    breaches: list[BreachRead]

    @classmethod
    def of(cls, s: ShownItem[Commitment]) -> Self:
        c = s.value
        return cls(
            access=AccessRead.of(s.access),
            kind=c.kind,
            status=c.status,
            responsible_organisation_id=c.responsible_organisation_id,
            breaches=[
                BreachRead(
                    id=b.id,
                    occurred_on=b.occurred_on,
                    description=b.description,
                    consequence=b.consequence,
                )
                for b in c.breaches
            ],
        )


class TextRead(Shown):
    text: str

    @classmethod
    def of(cls, s: ShownItem[str]) -> Self:
        return cls(access=AccessRead.of(s.access), text=s.value)


class CommitmentRead(Dto):
    id: UUID
    version: int
    category: Category
    regime: SourceRegime
    commitment: CommitmentFieldsRead | WithheldRead
    description: TextRead | WithheldRead

    @classmethod
    def of(cls, v: CommitmentView) -> Self:
        return cls(
            id=v.id,
            version=v.version,
            category=v.category,
            regime=v.regime,
            commitment=render(v.commitment, CommitmentFieldsRead.of),
            description=render(v.description, TextRead.of),
        )
