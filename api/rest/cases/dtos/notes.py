"""REST cases room: case notes (category and source regime; the text decided per reader) and the
duty prompts a note about suspected abuse, neglect or serious crime shows its author."""

from __future__ import annotations

from datetime import datetime
from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.cases.dtos import fields
from api.rest.cases.dtos.access import AccessRead, Shown, WithheldRead, render
from api.rest.dtos import Dto, Input
from domain.cases import limits
from domain.cases.changes import NewNote
from domain.cases.note import Duty, DutyAnswerKind, DutyPrompt, DutyTag, Note
from domain.cases.regimes import Category, SourceRegime
from domain.cases.views import NoteView
from domain.cases.views import Shown as ShownItem


class CaseNoteCreate(Input):
    category: Category
    text: str = fields.required_text(limits.NOTE_MAX)
    duty_tags: list[DutyTag] = fields.items(
        len(DutyTag), description="Suspected abuse, neglect or serious crime: prompts duties."
    )

    def to_domain(self) -> NewNote:
        return NewNote(category=self.category, text=self.text, duty_tags=frozenset(self.duty_tags))


class DutyAnswerCreate(Input):
    duty: Duty
    answer: DutyAnswerKind


class DutyPromptRead(Dto):
    duty: Duty
    citation: str
    guidance: dict[str, str] = Field(description="Language (nb, nn, en) → guidance.")
    policy_version: str

    @classmethod
    def of(cls, d: DutyPrompt) -> Self:
        return cls(
            duty=d.duty,
            citation=d.citation,
            guidance=dict(d.guidance),
            policy_version=d.policy_version,
        )


class DutyAnswerRead(Dto):
    id: UUID
    note_id: UUID
    duty: Duty
    answer: DutyAnswerKind
    answered_by: UUID | None
    at: datetime


class NoteTextRead(Shown):
    author_person_id: UUID | None
    organisation_id: UUID
    text: str
    duty_tags: list[DutyTag]

    @classmethod
    def of(cls, s: ShownItem[Note]) -> Self:
        n = s.value
        return cls(
            access=AccessRead.of(s.access),
            author_person_id=n.author_person_id,
            organisation_id=n.organisation_id,
            text=n.text,
            duty_tags=sorted(n.duty_tags),
        )


class CaseNoteRead(Dto):
    id: UUID
    category: Category
    regime: SourceRegime
    written_at: datetime
    note: NoteTextRead | WithheldRead
    duty_prompts: list[DutyPromptRead] = Field(description="To the note's author only.")
    duty_answers: list[DutyAnswerRead] = Field(
        description="Your answers, oldest first; the latest per duty counts (author only)."
    )

    @classmethod
    def of(cls, v: NoteView) -> Self:
        return cls(
            id=v.id,
            category=v.category,
            regime=v.regime,
            written_at=v.written_at,
            note=render(v.note, NoteTextRead.of),
            duty_prompts=[DutyPromptRead.of(d) for d in v.duty_prompts],
            duty_answers=[DutyAnswerRead.from_domain(a) for a in v.duty_answers],
        )
