"""Cases room: case notes (text sealed by the field cipher; written once — the table is
append-only) and the authors' answers to the duty prompts (append-only: the latest counts)."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from adapters.postgres.cases.base import CasesRepository, Row
from domain.cases.note import Duty, DutyAnswer, DutyAnswerKind, DutyTag, Note
from domain.cases.regimes import Category, SourceRegime
from domain.shared.errors import NotFound

N = "case_note"
_SELECT = (
    "SELECT id, case_id, author_person_id, organisation_id, category, regime, text_enc,"
    " duty_tags, prompted, written_at FROM case_note WHERE unit_id = $1"
)
GET = f"{_SELECT} AND id = $2"
OF_CASE = f"{_SELECT} AND case_id = $2 ORDER BY written_at DESC, id"
INSERT = (
    "INSERT INTO case_note (id, unit_id, case_id, author_person_id, organisation_id, category,"
    " regime, text_enc, duty_tags, prompted, written_at)"
    " VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
)
ANSWER = (
    "INSERT INTO case_duty_answer (id, unit_id, note_id, duty, answer, answered_by, at)"
    " VALUES ($2, $1, $3, $4, $5, $6, $7)"
)
ANSWERS = (
    "SELECT id, note_id, duty, answer, answered_by, at FROM case_duty_answer"
    " WHERE unit_id = $1 AND note_id = ANY($2::uuid[]) ORDER BY at, id"
)


class PgNoteRepository(CasesRepository):
    def _note(self, r: Row) -> Note:
        nid = r["id"]
        return Note(
            id=nid,
            case_id=r["case_id"],
            author_person_id=r["author_person_id"],
            organisation_id=r["organisation_id"],
            category=Category(r["category"]),
            regime=SourceRegime(r["regime"]),
            text=self.open(r["text_enc"], N, "text_enc", nid),
            duty_tags=frozenset(DutyTag(t) for t in r["duty_tags"]),
            written_at=r["written_at"],
            prompted=tuple(Duty(d) for d in r["prompted"]),
        )

    async def get(self, id: UUID) -> Note:
        r = await self.row(GET, id)
        if r is None:
            raise NotFound(f"No note with id {id}.")
        return self._note(r)

    async def of_case(self, case_id: UUID) -> Sequence[Note]:
        return [self._note(r) for r in await self.rows(OF_CASE, case_id)]

    async def add(self, note: Note) -> None:
        n = note
        await self.write(
            INSERT, n.id, n.case_id, n.author_person_id, n.organisation_id, n.category.value,
            n.regime.value, self.seal(n.text, N, "text_enc", n.id),
            sorted(t.value for t in n.duty_tags), [d.value for d in n.prompted], n.written_at,
        )  # fmt: skip


class PgDutyAnswers(CasesRepository):
    async def add(self, answer: DutyAnswer) -> None:
        a = answer
        await self.write(ANSWER, a.id, a.note_id, a.duty.value, a.answer.value, a.answered_by, a.at)

    async def of_notes(self, note_ids: Sequence[UUID]) -> Sequence[DutyAnswer]:
        return [
            DutyAnswer(
                id=r["id"],
                note_id=r["note_id"],
                duty=Duty(r["duty"]),
                answer=DutyAnswerKind(r["answer"]),
                answered_by=r["answered_by"],
                at=r["at"],
            )
            for r in await self.rows(ANSWERS, list(note_ids))
        ]
