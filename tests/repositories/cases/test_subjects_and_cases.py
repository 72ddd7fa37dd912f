"""Cases on PostgreSQL: subjects, cases, teams, plans and notes round-trip through the field
cipher; nothing personal is readable in the raw tables; another unit sees none of it (row-level
security); the database holds the rules two concurrent requests could otherwise both pass."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import date
from uuid import uuid4

import pytest
import sqlalchemy as sa

from adapters.postgres.cases.consent_tables import TENANT_TABLES
from domain.cases.case import CaseKind, CaseStatus, ClosingReason, MemberRole
from domain.cases.commitment import Breach, Commitment, CommitmentStatus, Consequence
from domain.cases.errors import AlreadyOnTeam, LastLead, OpenCaseExists
from domain.cases.note import Duty, DutyTag, Note
from domain.cases.regimes import Category, CommitmentKind, SourceRegime
from domain.shared.errors import NotFound, StaleVersion
from tests.repositories.cases.conftest import (
    AT,
    CASE_TABLES,
    GUARDIAN_NAME,
    NUMBER,
    SUBJECT_NAME,
    CaseBackend,
)

NOTE_TEXT = "Tiril møtte ikke på skolen tirsdag; mor bekymret."


async def test_a_subject_round_trips_and_is_found_by_its_number_only(cb: CaseBackend) -> None:
    s = cb.subject()
    async with cb.factory(cb.unit) as uow:
        await uow.subjects.add(s)
        await uow.commit()
    async with cb.factory(cb.unit) as uow:
        assert await uow.subjects.get(s.id) == s
        assert await uow.subjects.find_by_identity_number(NUMBER) == [s]
        assert await uow.subjects.find_by_identity_number("01821012346") == []
        assert await uow.subjects.get_many([s.id, uuid4()]) == [s]


async def test_a_subjects_guardians_are_rewritten_with_it(cb: CaseBackend) -> None:
    s = cb.subject()
    async with cb.factory(cb.unit) as uow:
        await uow.subjects.add(s)
        await uow.commit()
    second = dataclasses.replace(s.guardians[0], id=uuid4(), name="Mona Testesen", relation="mor")
    changed = dataclasses.replace(
        s, name="Tiril T. Testesen", identity_number=None, version=2,
        guardians=(second, dataclasses.replace(s.guardians[0], phone=None)),
    )  # fmt: skip
    async with cb.factory(cb.unit) as uow:
        await uow.subjects.update(changed, 1)
        await uow.commit()
    async with cb.factory(cb.unit) as uow:
        assert await uow.subjects.get(s.id) == changed
        assert await uow.subjects.find_by_identity_number(NUMBER) == []
        with pytest.raises(StaleVersion):
            await uow.subjects.update(changed, 1)


async def test_each_opening_registers_its_own_record_of_a_number(cb: CaseBackend) -> None:
    """Not unique (ADR 0017): a second service's opening never reaches the first's record."""
    first, second = cb.subject(), cb.subject()
    async with cb.factory(cb.unit) as uow:
        await uow.subjects.add(first)
        await uow.subjects.add(second)
        await uow.commit()
    async with cb.factory(cb.unit) as uow:
        found = await uow.subjects.find_by_identity_number(NUMBER)
        assert {s.id for s in found} == {first.id, second.id}


async def test_nothing_personal_is_readable_in_the_raw_tables(cb: CaseBackend) -> None:
    _, c = await cb.opened()
    commitment = Commitment(
        id=uuid4(), case_id=c.id, kind=CommitmentKind.SCHOOL_ATTENDANCE,
        description="Tiril møter hver dag", responsible_organisation_id=cb.school.id,
        regime=SourceRegime.SCHOOL,
    )  # fmt: skip
    note = Note(
        id=uuid4(), case_id=c.id, author_person_id=cb.lead.id, organisation_id=cb.school.id,
        category=Category.SCHOOL, regime=SourceRegime.SCHOOL, text=NOTE_TEXT, written_at=AT,
    )  # fmt: skip
    async with cb.factory(cb.unit) as uow:
        await uow.commitments.add(commitment)
        await uow.notes.add(note)
        await uow.commit()
    raw = b""
    async with cb.engines.admin.connect() as conn:
        for table, columns in (
            ("case_subject", "name_enc, birth_date_enc, identity_number_enc, identity_hash"),
            ("case_guardian", "name_enc, phone_enc, email_enc"),
            ("case_commitment", "description_enc"),
            ("case_note", "text_enc"),
        ):
            sql = f"SELECT {columns} FROM {table} WHERE unit_id = :u"
            for row in await conn.execute(sa.text(sql), {"u": cb.unit}):
                raw += b"".join(bytes(v) for v in row if v is not None)
    for secret in (SUBJECT_NAME, "Tiril", "Testesen", GUARDIAN_NAME, NUMBER, "2010-02-01",
                   "41234567", "gunnar@", "skolen tirsdag", "hver dag"):  # fmt: skip
        assert secret.encode() not in raw
    assert b"\x02t1" in raw  # the key id travels with each value


async def test_another_unit_sees_nothing(cb: CaseBackend) -> None:
    s, c = await cb.opened()
    async with cb.factory(cb.other) as uow:
        with pytest.raises(NotFound):
            await uow.subjects.get(s.id)
        with pytest.raises(NotFound):
            await uow.cases.get(c.id)
        assert await uow.subjects.find_by_identity_number(NUMBER) == []
        assert await uow.cases.of_person(cb.lead.id) == []
        assert await uow.members.of_case(c.id) == []
        assert await uow.cases.of_subject(s.id) == []
    # Raw, as the app role: row-level security hides every row of every table.
    async with cb.engines.app.connect() as conn:
        await conn.execute(
            sa.text("SELECT set_config('samordna.unit_id', :u, false)"), {"u": str(cb.other)}
        )
        for table in CASE_TABLES:
            assert (await conn.execute(sa.text(f"SELECT count(*) FROM {table}"))).scalar() == 0
        await conn.execute(sa.text("RESET samordna.unit_id"))


async def test_cases_round_trip_and_update_names_the_version(cb: CaseBackend) -> None:
    _, c = await cb.opened()
    async with cb.factory(cb.unit) as uow:
        stored = await uow.cases.get(c.id)
        assert dataclasses.replace(stored, created_at=None) == c
        assert [x.id for x in await uow.cases.of_person(cb.lead.id)] == [c.id]
        assert await uow.cases.of_person(cb.officer.id) == []
        closed = dataclasses.replace(
            c, status=CaseStatus.CLOSED, closed_on=date(2026, 6, 1),
            closing_reason=ClosingReason.GOALS_MET, version=2,
        )  # fmt: skip
        await uow.cases.update(closed, 1)
        with pytest.raises(StaleVersion):
            await uow.cases.update(closed, 1)
        assert [x.id for x in await uow.cases.closed_on_or_before(date(2026, 6, 1))] == [c.id]
        assert await uow.cases.closed_on_or_before(date(2026, 5, 31)) == []


async def test_references_count_per_unit_and_year(cb: CaseBackend) -> None:
    async with cb.factory(cb.unit) as uow:
        assert [await uow.cases.next_seq(2026) for _ in range(3)] == [1, 2, 3]
        assert await uow.cases.next_seq(2027) == 1
        await uow.commit()
    async with cb.factory(cb.other) as uow:
        assert await uow.cases.next_seq(2026) == 1


async def test_one_open_case_per_subject_body_and_kind(cb: CaseBackend) -> None:
    s, _ = await cb.opened()
    async with cb.factory(cb.unit) as uow:
        with pytest.raises(OpenCaseExists):
            await uow.cases.add(cb.case(s, seq=2))
    async with cb.factory(cb.unit) as uow:  # another kind is another case
        await uow.cases.add(cb.case(s, seq=2, kind=CaseKind.OTHER))
        await uow.commit()


async def test_a_person_sits_once_on_a_team(cb: CaseBackend) -> None:
    _, c = await cb.opened()
    async with cb.factory(cb.unit) as uow:
        officer = dataclasses.replace(cb.member(c, cb.officer, MemberRole.MEMBER), name="Pål")
        await uow.members.add(officer)
        private = dataclasses.replace(officer, id=uuid4(), person_id=None, organisation_id=None)
        await uow.members.add(private)
        assert [m.role for m in await uow.members.of_case(c.id)] == [
            MemberRole.LEAD,
            MemberRole.MEMBER,
            MemberRole.MEMBER,
        ]
        await uow.members.remove(officer.id)
        with pytest.raises(NotFound):
            await uow.members.remove(officer.id)
        with pytest.raises(AlreadyOnTeam):
            await uow.members.add(dataclasses.replace(cb.member(c, cb.lead), id=uuid4()))


async def test_commitments_with_breaches_and_notes_with_duties(cb: CaseBackend) -> None:
    _, c = await cb.opened()
    commitment = Commitment(
        id=uuid4(), case_id=c.id, kind=CommitmentKind.DRUG_TESTING, description="Urinprøve",
        responsible_organisation_id=cb.school.id, regime=SourceRegime.HEALTH,
    )  # fmt: skip
    breach = Breach(
        id=uuid4(), occurred_on=date(2026, 4, 1), description="Uteble",
        consequence=Consequence.WARNING, recorded_by=cb.lead.id,
    )  # fmt: skip
    note = Note(
        id=uuid4(), case_id=c.id, author_person_id=cb.lead.id, organisation_id=cb.school.id,
        category=Category.FAMILY, regime=SourceRegime.SCHOOL, text=NOTE_TEXT, written_at=AT,
        duty_tags=frozenset({DutyTag.SUSPECTED_NEGLECT}),
        prompted=(Duty.REPORT_TO_CHILD_WELFARE,),
    )  # fmt: skip
    async with cb.factory(cb.unit) as uow:
        await uow.commitments.add(commitment)
        breached = dataclasses.replace(
            commitment, status=CommitmentStatus.BREACHED, breaches=(breach,), version=2
        )
        await uow.commitments.update(breached, 1)
        await uow.notes.add(note)
        await uow.commit()
    async with cb.factory(cb.unit) as uow:
        assert await uow.commitments.of_case(c.id) == [breached]
        assert await uow.notes.of_case(c.id) == [note]
        assert await uow.notes.get(note.id) == note
        with pytest.raises(StaleVersion):
            await uow.commitments.update(breached, 1)


async def test_row_level_security_is_forced_on_every_cases_table(cb: CaseBackend) -> None:
    query = sa.text(
        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,"
        " EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid) AS policy"
        " FROM pg_class c WHERE c.relname = ANY(:names) AND c.relkind = 'r'"
    )
    async with cb.engines.admin.connect() as conn:
        found = (await conn.execute(query, {"names": list(TENANT_TABLES)})).all()
    assert sorted(r[0] for r in found) == sorted(TENANT_TABLES)
    assert all(r[1] and r[2] and r[3] for r in found), found


async def test_two_concurrent_removals_of_the_last_two_leads_one_wins(cb: CaseBackend) -> None:
    _, c = await cb.opened()
    second = cb.member(c, cb.officer)  # a second lead
    async with cb.factory(cb.unit) as uow:
        await uow.members.add(second)
        first = next(m for m in await uow.members.of_case(c.id) if m.person_id == cb.lead.id)
        await uow.commit()
    started = asyncio.Event()

    async def remove_second() -> None:
        async with cb.factory(cb.unit) as uow:
            await uow.members.remove(second.id)
            started.set()
            await asyncio.sleep(0.3)  # the first commits meanwhile
            await uow.commit()

    loser = asyncio.create_task(remove_second())
    await started.wait()
    async with cb.factory(cb.unit) as uow:  # each saw the other lead still there
        await uow.members.remove(first.id)
        await uow.commit()
    with pytest.raises(LastLead):
        await loser
    async with cb.factory(cb.unit) as uow:
        assert [m.id for m in await uow.members.of_case(c.id)] == [second.id]
