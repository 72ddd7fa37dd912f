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
from domain.cases.note import Duty, DutyAnswerKind, DutyRecord, Note
from domain.cases.policy import POLICY, duties_for
from domain.cases.reads import note_view
from domain.cases.views import NoteView
from domain.shared.errors import Errors, Forbidden, NotFound
from domain.shared.principal import Principal


class NoteUseCases(UseCases):
    async def add_note(self, p: Principal, case_id: UUID, new: NewNote) -> NoteView:
        text = new.text.strip() if isinstance(new.text, str) else ""
        e = Errors()
        val.text(e, "text", text, required=True, max_len=NOTE_MAX)
        async with self._open(p) as uow:
            ctx = await self._case(uow, p, case_id)
            seat = ctx.reader.seat
            if seat is None:
                raise Forbidden("Only the case's team writes notes.")
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
            )
            await uow.notes.add(note)
            records = tuple(
                DutyRecord(
                    id=uuid4(),
                    note_id=note.id,
                    duty=d,
                    guidance_version=POLICY.version,
                    shown_to=p.person_id,
                    shown_at=now,
                )
                for d in duties_for(note.duty_tags)
            )
            if records:
                await uow.duty_prompts.add(records)
            item = ctx.item(note.category, note.organisation_id, free_text=True)
            ctx.log("note", note.id, Action.WRITE, item=item)
            view = note_view(ctx, note, records)
            await ctx.flush(uow)
            await uow.commit()
        return view

    async def notes(self, p: Principal, case_id: UUID) -> tuple[NoteView, ...]:
        async with self._open(p) as uow:
            ctx = await self._case(uow, p, case_id)
            notes = await uow.notes.of_case(case_id)
            duties = await uow.duty_prompts.of_notes([n.id for n in notes]) if notes else ()
            views = tuple(note_view(ctx, n, duties) for n in notes)
            await ctx.flush(uow)
            await uow.commit()
        return views

    async def answer_duty(
        self, p: Principal, note_id: UUID, duty: Duty, answer: DutyAnswerKind
    ) -> DutyRecord:
        """The author's own answer to a duty the note prompted; the system decides nothing."""
        async with self._open(p) as uow:
            try:
                note = await uow.notes.get(note_id)
            except NotFound:
                raise NotFound("No such note.") from None
            ctx = await self._case(uow, p, note.case_id)
            if note.author_person_id != p.person_id:
                raise Forbidden("Only the note's author answers its duties.")
            record = await uow.duty_prompts.answer(
                note_id, duty.value, answer, p.person_id, self._clock.now()
            )
            ctx.log("duty_answer", record.id, Action.WRITE)
            await ctx.flush(uow)
            await uow.commit()
        return record
