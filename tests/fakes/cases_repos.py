"""Fakes room: the cases context's repositories in memory, holding the rules the database holds
(migration 0011): one open case per subject, body and kind; one seat per person per case; one
identity number per unit; consent events unique per (consent, party, seq) and never changed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any
from uuid import UUID

from domain.cases.bases import LegalBasisRecord
from domain.cases.case import Case, CaseMember, CaseStatus, MemberRole
from domain.cases.commitment import Commitment
from domain.cases.errors import AlreadyOnTeam, OpenCaseExists
from domain.cases.note import DutyAnswer, Note
from domain.cases.retention import CaseStatistics
from domain.cases.subject import Subject
from domain.shared.errors import NotFound, StaleVersion
from tests.fakes.organisation import FakeEntityRepository

if TYPE_CHECKING:
    from tests.fakes.cases import FakeCasesUnitOfWork


class _Child:
    """Rows that belong to a case: they are the unit's when their case is."""

    def __init__(self, uow: FakeCasesUnitOfWork) -> None:
        self._uow = uow
        self.unit_id = uow.unit_id

    def _case_ok(self, case_id: UUID) -> bool:
        c = self._uow.tables.cases.get(case_id)
        return c is not None and c.unit_id == self.unit_id


class _Repo(FakeEntityRepository[Any]):
    _uow: FakeCasesUnitOfWork  # type: ignore[assignment]


class FakeSubjectRepository(_Repo):
    table = "subjects"
    noun = "subject"

    async def find_by_identity_number(self, identity_number: str) -> Sequence[Subject]:
        return [s for s in self._mine() if s.identity_number == identity_number]


class FakeCaseRepository(_Repo):
    table = "cases"
    noun = "case"

    def _check(self, item: Case) -> None:
        if item.status is not CaseStatus.OPEN:
            return
        for c in self._mine():
            if (
                c.id != item.id
                and c.is_open
                and (c.subject_id, c.body_id, c.kind) == (item.subject_id, item.body_id, item.kind)
            ):
                raise OpenCaseExists("The subject already has an open case of this kind here.")

    async def of_person(self, person_id: UUID) -> Sequence[Case]:
        ids = {m.case_id for m in self._uow.tables.members.values() if m.person_id == person_id}
        rows = [c for c in self._mine() if c.id in ids]
        return sorted(rows, key=lambda c: (c.start_on, c.reference), reverse=True)

    async def of_subject(self, subject_id: UUID) -> Sequence[Case]:
        return [c for c in self._mine() if c.subject_id == subject_id]

    async def next_seq(self, year: int) -> int:
        key = (self.unit_id, year)
        counters: dict[tuple[UUID, int], int] = self._uow.tables.case_counters
        counters[key] = counters.get(key, 0) + 1
        return counters[key]

    async def closed_on_or_before(self, day: date) -> Sequence[Case]:
        return [c for c in self._mine() if c.closed_on is not None and c.closed_on <= day]

    async def purge(self, case: Case, statistics: CaseStatistics, *, subject_too: bool) -> None:
        t = self._uow.tables
        stored = await self.get(case.id)
        if stored.version != case.version:
            raise StaleVersion("Someone else changed this in the meantime.")
        consents = {c.id for c in t.consents.values() if c.case_id == case.id}
        notes = {n.id for n in t.notes.values() if n.case_id == case.id}

        def keep(r: Any) -> bool:
            return bool(r.case_id != case.id)

        for table in (
            "members",
            "commitments",
            "notes",
            "bases",
            "break_glass",
            "consents",
        ):
            rows: dict[UUID, Any] = getattr(t, table)
            setattr(t, table, {k: v for k, v in rows.items() if keep(v)})
        t.consent_events = [e for e in t.consent_events if e.consent_id not in consents]
        t.duty_answers = [a for a in t.duty_answers if a.note_id not in notes]
        del t.cases[case.id]
        if subject_too and not any(c.subject_id == case.subject_id for c in t.cases.values()):
            t.subjects.pop(case.subject_id, None)
        t.statistics.append(statistics)


class FakeMemberRepository(_Child):
    async def get(self, id: UUID) -> CaseMember:
        m: CaseMember | None = self._uow.tables.members.get(id)
        if m is None or not self._case_ok(m.case_id):
            raise NotFound("No such member.")
        return m

    async def of_case(self, case_id: UUID) -> Sequence[CaseMember]:
        rows = [m for m in self._uow.tables.members.values() if m.case_id == case_id]
        rows = [m for m in rows if self._case_ok(m.case_id)]
        return sorted(rows, key=lambda m: (m.role is not MemberRole.LEAD, m.name, str(m.id)))

    async def of_person(self, person_id: UUID) -> Sequence[CaseMember]:
        rows = self._uow.tables.members.values()
        return [m for m in rows if m.person_id == person_id and self._case_ok(m.case_id)]

    async def add(self, member: CaseMember) -> None:
        assert self._case_ok(member.case_id), "member of an unknown case"
        for m in self._uow.tables.members.values():
            if m.case_id == member.case_id and member.person_id and m.person_id == member.person_id:
                raise AlreadyOnTeam("The person already has a seat on this team.")
        self._uow.tables.members[member.id] = member

    async def remove(self, id: UUID) -> None:
        await self.get(id)
        del self._uow.tables.members[id]


class FakeCommitmentRepository(_Repo):
    table = "commitments"
    noun = "commitment"

    def _mine(self) -> list[Commitment]:
        cases = self._uow.tables.cases
        return [
            c
            for c in self._rows.values()
            if c.case_id in cases and cases[c.case_id].unit_id == self.unit_id
        ]

    def _own(self, item: Any) -> None:
        c = self._uow.tables.cases.get(item.case_id)
        assert c is not None and c.unit_id == self.unit_id, "commitment of another unit"

    async def get(self, id: UUID) -> Commitment:
        row = next((c for c in self._mine() if c.id == id), None)
        if row is None:
            raise NotFound("No such commitment.")
        return row

    async def of_case(self, case_id: UUID) -> Sequence[Commitment]:
        return [c for c in self._mine() if c.case_id == case_id]


class FakeNoteRepository(_Child):
    async def get(self, id: UUID) -> Note:
        n: Note | None = self._uow.tables.notes.get(id)
        if n is None or not self._case_ok(n.case_id):
            raise NotFound("No such note.")
        return n

    async def add(self, note: Note) -> None:
        assert self._case_ok(note.case_id), "note of an unknown case"
        self._uow.tables.notes[note.id] = note

    async def of_case(self, case_id: UUID) -> Sequence[Note]:
        rows = [n for n in self._uow.tables.notes.values() if n.case_id == case_id]
        rows = [n for n in rows if self._case_ok(n.case_id)]
        return sorted(rows, key=lambda n: (n.written_at, str(n.id)), reverse=True)


class FakeDutyAnswers(_Child):
    async def add(self, answer: DutyAnswer) -> None:
        assert answer.note_id in self._uow.tables.notes, "answer to an unknown note"
        self._uow.tables.duty_answers.append(answer)

    async def of_notes(self, note_ids: Sequence[UUID]) -> Sequence[DutyAnswer]:
        wanted = set(note_ids)
        return [a for a in self._uow.tables.duty_answers if a.note_id in wanted]


class FakeLegalBases(_Child):
    async def add(self, record: LegalBasisRecord) -> None:
        assert self._case_ok(record.case_id), "basis of an unknown case"
        self._uow.tables.bases[record.id] = record

    async def of_case(self, case_id: UUID) -> Sequence[LegalBasisRecord]:
        rows = [b for b in self._uow.tables.bases.values() if b.case_id == case_id]
        return [b for b in rows if self._case_ok(b.case_id)]
