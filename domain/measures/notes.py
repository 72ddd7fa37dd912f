"""Measures domain room: progress notes — short, dated, append-only reports on how a measure is
going, written by its owner or a manager, screened by the free-text guard."""

from __future__ import annotations

from uuid import UUID, uuid4

from domain.measures import policies as pol
from domain.measures.base import UseCases
from domain.measures.history import ProgressNote
from domain.measures.limits import TEXT_MAX
from domain.shared import validation as v
from domain.shared.errors import Errors
from domain.shared.policies import require
from domain.shared.principal import Principal


class NoteUseCases(UseCases):
    async def add_progress_note(
        self, p: Principal, id: UUID, text: str, override_reason: str | None = None
    ) -> ProgressNote:
        uow_ = self._read(p)
        text = text.strip() if isinstance(text, str) else ""
        e = Errors()
        v.text(e, "text", text, required=True, max_len=TEXT_MAX)
        v.characters(e, "text", text)
        async with uow_ as uow:
            m = await uow.measures.get(id)
            require(pol.can_follow_up(p, m), "write progress notes on this measure")
            e.raise_if_any()
            await self._screen(uow, p, id, {"text": text}, override_reason)
            note = ProgressNote(
                id=uuid4(),
                unit_id=p.unit_id,
                measure_id=id,
                at=self._clock.now(),
                author_person_id=p.person_id,
                author_name=p.display_name,
                text=text,
            )
            await uow.notes.add(note)
            await uow.commit()
        return note

    async def progress_notes(self, p: Principal, id: UUID) -> tuple[ProgressNote, ...]:
        async with self._read(p) as uow:
            await uow.measures.get(id)
            return tuple(await uow.notes.of_measure(id))
