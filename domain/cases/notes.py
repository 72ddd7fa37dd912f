"""Cases domain room: case notes — written by a team member for the organisation they represent
(that is the note's source and regime), never edited; a note tagged as suspected abuse, neglect
or serious crime prompts the author's personal duties and records that it did, and the answer."""

from __future__ import annotations

from uuid import UUID, uuid4

from domain.cases import validation as val
from domain.cases.access import Action
from domain.cases.base import UseCases
from domain.cases.changes import NewNote
from domain.cases.errors import CaseClosed
from domain.cases.limits import NOTE_MAX
from domain.cases.note import Duty, DutyAnswer, DutyAnswerKind, Note
from domain.cases.policy import duties_for
from domain.cases.reads import note_view
from domain.cases.views import NoteView
from domain.shared.errors import Errors, Forbidden, NotFound, ValidationFailed
from domain.shared.principal import Principal


class NoteUseCases(UseCases):
    async def add_note(self, p: Principal, case_id: UUID, new: NewNote) -> NoteView:
        text = new.text.strip() if isinstance(new.text, str) else ""
        e = Errors()
        val.text(e, "text", text, required=True, max_len=NOTE_MAX)
        async with self._open(p) as uow:
            ctx = await self._case(uow, p, case_id)
            seat = ctx.reader.seat
            if seat is None or seat.organisation_id is None:
                raise Forbidden(
                    "Only the case's team writes notes, for the organisation they represent."
                )
            if not ctx.case.is_open:
                raise CaseClosed("A closed case takes no new notes.")
            e.raise_if_any()
            now = self._clock.now()
            note = Note(
                id=uuid4(),
                case_id=case_id,
                author_person_id=p.person_id,
                organisation_id=seat.organisation_id,
                category=new.category,
                regime=ctx.regime(seat.organisation_id),
                text=text,
                duty_tags=frozenset(new.duty_tags),
                written_at=now,
                prompted=duties_for(frozenset(new.duty_tags)),
            )
            await uow.notes.add(note)
            item = ctx.item(note.category, note.organisation_id, free_text=True)
            ctx.log("note", note.id, Action.WRITE, item=item)
            view = note_view(ctx, note)
            await ctx.flush(uow)
            await uow.commit()
        return view

    async def notes(self, p: Principal, case_id: UUID) -> tuple[NoteView, ...]:
        async with self._open(p) as uow:
            ctx = await self._case(uow, p, case_id)
            notes = await uow.notes.of_case(case_id)
            answers = await uow.duty_answers.of_notes([n.id for n in notes]) if notes else ()
            views = tuple(note_view(ctx, n, answers) for n in notes)
            await ctx.flush(uow)
            await uow.commit()
        return views

    async def answer_duty(
        self, p: Principal, note_id: UUID, duty: Duty, answer: DutyAnswerKind
    ) -> DutyAnswer:
        """The author's own answer to a duty the note prompted; the system decides nothing."""
        async with self._open(p) as uow:
            try:
                note = await uow.notes.get(note_id)
            except NotFound:
                raise NotFound("No such note.") from None
            ctx = await self._case(uow, p, note.case_id)
            if note.author_person_id != p.person_id:
                raise Forbidden("Only the note's author answers its duties.")
            if duty not in note.prompted:
                raise ValidationFailed.single("duty", "not-prompted", "The note did not prompt it.")
            record = DutyAnswer(
                id=uuid4(),
                note_id=note_id,
                duty=duty,
                answer=answer,
                answered_by=p.person_id,
                at=self._clock.now(),
            )
            await uow.duty_answers.add(record)
            ctx.log("duty_answer", record.id, Action.WRITE)
            await ctx.flush(uow)
            await uow.commit()
        return record
