"""REST cases room: the subject and guardians — as sent (new, changed, searched) and as read."""

from __future__ import annotations

from datetime import date
from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.cases.dtos import fields
from api.rest.cases.dtos.access import AccessRead, Shown, WithheldRead, render
from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import Bool, IsoDate, optional
from domain.cases import limits
from domain.cases.changes import GuardianInput, NewSubject, SubjectChanges
from domain.cases.subject import Guardian
from domain.cases.views import Identity, SubjectView
from domain.cases.views import Shown as ShownItem


class GuardianIn(Input):
    id: UUID | None = Field(default=None, description="Left out: a new guardian.")
    name: str = fields.required_text(limits.NAME_MAX)
    parental_responsibility: Bool
    relation: str = fields.required_text(
        limits.RELATION_MAX, description="Mother, foster parent, …"
    )
    phone: str | None = fields.text(limits.PHONE_MAX)
    email: str | None = fields.text(limits.EMAIL_MAX)

    def to_domain(self) -> GuardianInput:
        return GuardianInput(**self.model_dump(by_alias=False))


class SubjectCreate(Input):
    name: str = fields.required_text(limits.NAME_MAX)
    birth_date: IsoDate
    identity_number: str | None = fields.identity_number()
    guardians: list[GuardianIn] = fields.items(limits.GUARDIANS_MAX)

    def to_domain(self) -> NewSubject:
        return NewSubject(
            name=self.name,
            birth_date=self.birth_date,
            identity_number=self.identity_number,
            guardians=tuple(g.to_domain() for g in self.guardians),
        )


class SubjectUpdate(Update):
    name: str = fields.new_text(limits.NAME_MAX)
    birth_date: IsoDate = optional()
    identity_number: str | None = fields.identity_number()
    guardians: list[GuardianIn] = optional(
        max_length=limits.GUARDIANS_MAX, description="Sent whole: replaces the guardians."
    )

    def to_changes(self) -> SubjectChanges:
        sent = self.changes()
        if "guardians" in sent:
            sent["guardians"] = tuple(g.to_domain() for g in self.guardians)
        return SubjectChanges(**sent)


class SubjectSearch(Input):
    """Find a subject by national identity number — in the body, so it never reaches a log."""

    identity_number: str = fields.identity_number(required=True)


class IdentityRead(Shown):
    name: str
    birth_date: date
    age: int = Field(description="Whole years today.")
    identity_number: str | None

    @classmethod
    def of(cls, s: ShownItem[Identity]) -> Self:
        v = s.value
        return cls(
            access=AccessRead.of(s.access),
            name=v.name,
            birth_date=v.birth_date,
            age=v.age,
            identity_number=v.identity_number,
        )


class GuardianRead(Dto):
    id: UUID
    name: str
    parental_responsibility: bool
    relation: str
    phone: str | None
    email: str | None


class GuardiansRead(Shown):
    items: list[GuardianRead]

    @classmethod
    def of(cls, s: ShownItem[tuple[Guardian, ...]]) -> Self:
        return cls(
            access=AccessRead.of(s.access),
            items=[GuardianRead.from_domain(g) for g in s.value],
        )


class SubjectRead(Dto):
    id: UUID
    version: int
    identity: IdentityRead | WithheldRead
    guardians: GuardiansRead | WithheldRead

    @classmethod
    def of(cls, v: SubjectView) -> Self:
        return cls(
            id=v.id,
            version=v.version,
            identity=render(v.identity, IdentityRead.of),
            guardians=render(v.guardians, GuardiansRead.of),
        )
