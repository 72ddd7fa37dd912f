"""Consents on PostgreSQL: the event log is append-only for the app role (and UPDATE refused even
for the owner), two concurrent appends of a party's next event on two real connections — one
wins; the purge is the one way a case goes, with its consents and events, leaving only a
de-identified statistics row; legal bases, break-glass, duty answers, settings round-trip."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import date, timedelta
from uuid import UUID, uuid4

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from domain.cases.bases import LegalBasisRecord
from domain.cases.breakglass import BreakGlass
from domain.cases.case import Case, CaseKind, CaseStatus, ClosingReason
from domain.cases.consent import Consent, ConsentEvent, EventKind, verify_events
from domain.cases.errors import ConsentConflict
from domain.cases.note import Duty, DutyAnswer, DutyAnswerKind, Note
from domain.cases.policy import RETENTION_DAYS_DEFAULT, LegalBasisCode
from domain.cases.regimes import Category, SourceRegime
from domain.cases.retention import CaseStatistics
from domain.cases.subject import Subject
from domain.shared.errors import Conflict, NotFound, StaleVersion, ValidationFailed
from tests.repositories.cases.conftest import AT, CASE_TABLES, CaseBackend


async def _consented(cb: CaseBackend) -> tuple[Subject, Case, Consent, ConsentEvent]:
    s, c = await cb.opened()
    k = cb.consent(c, s)
    first = cb.event(k)
    async with cb.factory(cb.unit) as uow:
        await uow.consents.add(k)
        await uow.consent_events.append(first)
        await uow.commit()
    return s, c, k, first


async def test_a_consent_and_its_events_round_trip(cb: CaseBackend) -> None:
    _, c, k, first = await _consented(cb)
    second = cb.event(k, seq=2, kind=EventKind.WITHDRAWN, prev=first.hash)
    async with cb.factory(cb.unit) as uow:
        await uow.consent_events.append(second)
        await uow.commit()
    async with cb.factory(cb.unit) as uow:
        stored = await uow.consents.get(k.id)
        assert dataclasses.replace(stored, created_at=None) == k
        assert [x.id for x in await uow.consents.of_case(c.id)] == [k.id]
        assert [x.id for x in await uow.consents.of_open_cases()] == [k.id]
        events = await uow.consent_events.of_consent(k.id)
        assert list(events) == [first, second]
        assert verify_events(events) is None  # the hashes survive the round trip


@pytest.mark.parametrize(
    "statement",
    ["UPDATE consent_event SET kind = 'given'", "DELETE FROM consent_event",
     "TRUNCATE consent_event", "DELETE FROM consent", "DELETE FROM follow_up_case",
     "DELETE FROM case_subject", "UPDATE case_note SET regime = 'slt'",
     "INSERT INTO case_statistics (id, unit_id, kind, year_opened, deleted_on)"
     " VALUES (gen_random_uuid(), samordna_current_unit(), 'other', 2026, current_date)"],
)  # fmt: skip
async def test_the_app_role_cannot_change_or_remove_what_only_the_purge_removes(
    cb: CaseBackend, statement: str
) -> None:
    await _consented(cb)
    async with cb.engines.app.connect() as conn:
        await conn.execute(
            sa.text("SELECT set_config('samordna.unit_id', :u, true)"), {"u": str(cb.unit)}
        )
        with pytest.raises(DBAPIError, match="permission denied"):
            await conn.execute(sa.text(statement))
        await conn.rollback()


async def test_even_the_owner_cannot_change_an_event(cb: CaseBackend) -> None:
    await _consented(cb)
    async with cb.engines.admin.connect() as conn:
        with pytest.raises(DBAPIError, match="append-only"):
            await conn.execute(
                sa.text("UPDATE consent_event SET kind = 'withdrawn' WHERE unit_id = :u"),
                {"u": cb.unit},
            )
        await conn.rollback()


async def test_two_concurrent_appends_of_the_next_event_one_wins(cb: CaseBackend) -> None:
    _, _, k, first = await _consented(cb)
    withdraw = cb.event(k, seq=2, kind=EventKind.WITHDRAWN, prev=first.hash)
    refuse = cb.event(k, seq=2, kind=EventKind.REFUSED, prev=first.hash)
    started = asyncio.Event()

    async def second() -> None:
        async with cb.factory(cb.unit) as uow:
            started.set()
            await uow.consent_events.append(refuse)  # waits on the first's index entry
            await uow.commit()

    async with cb.factory(cb.unit) as uow:  # two real connections
        await uow.consent_events.append(withdraw)
        loser = asyncio.create_task(second())
        await started.wait()
        await asyncio.sleep(0.2)
        await uow.commit()
    with pytest.raises(ConsentConflict):
        await loser
    async with cb.factory(cb.unit) as uow:
        assert [e.kind for e in await uow.consent_events.of_consent(k.id)] == [
            EventKind.GIVEN,
            EventKind.WITHDRAWN,
        ]


async def test_the_purge_leaves_only_a_statistics_row(cb: CaseBackend) -> None:
    _, c, _, _ = await _consented(cb)
    closed = dataclasses.replace(
        c, status=CaseStatus.CLOSED, closed_on=date(2026, 9, 1),
        closing_reason=ClosingReason.PLAN_COMPLETED, version=2,
    )  # fmt: skip
    note = Note(
        id=uuid4(), case_id=c.id, author_person_id=cb.lead.id, organisation_id=cb.school.id,
        category=Category.SCHOOL, regime=SourceRegime.SCHOOL, text="Tiril", written_at=AT,
        prompted=(Duty.AVERT_CRIME,),
    )  # fmt: skip
    stats = CaseStatistics(
        unit_id=cb.unit, kind=c.kind, year_opened=2026, year_closed=2026,
        age_band_at_start="15-17", closing_reason=ClosingReason.PLAN_COMPLETED,
    )  # fmt: skip
    async with cb.factory(cb.unit) as uow:
        await uow.cases.update(closed, 1)
        await uow.notes.add(note)
        await uow.duty_answers.add(_answer(cb, note))
        await uow.bases.add(_basis(cb, c.id))
        await uow.break_glass.add(_grant(cb, c.id))
        with pytest.raises(Conflict):
            await uow.cases.delete(c.id, 2)  # never directly
        await uow.commit()
    async with cb.factory(cb.unit) as uow:
        with pytest.raises(StaleVersion):
            await uow.cases.purge(c, stats, subject_too=True)  # version 1 was read
    async with cb.factory(cb.unit) as uow:
        await uow.cases.purge(closed, stats, subject_too=True)
        await uow.commit()
    async with cb.engines.admin.connect() as conn:
        for table in CASE_TABLES:
            sql = f"SELECT count(*) FROM {table} WHERE unit_id = :u"
            assert (await conn.execute(sa.text(sql), {"u": cb.unit})).scalar() == 0, table
        row = (
            (
                await conn.execute(
                    sa.text("SELECT * FROM case_statistics WHERE unit_id = :u"), {"u": cb.unit}
                )
            )
            .one()
            ._mapping
        )
    assert (row["kind"], row["year_opened"], row["year_closed"], row["age_band"]) == (
        "follow_up_team",
        2026,
        2026,
        "15-17",
    )
    assert row["closing_reason"] == "plan_completed"
    async with cb.factory(cb.unit) as uow:
        with pytest.raises(NotFound):
            await uow.cases.purge(closed, stats, subject_too=True)


async def test_the_subject_stays_while_another_case_names_it(cb: CaseBackend) -> None:
    s, c = await cb.opened()
    other = cb.case(s, seq=2, kind=CaseKind.OTHER)
    stats = CaseStatistics(
        unit_id=cb.unit, kind=c.kind, year_opened=2026, year_closed=None,
        age_band_at_start="15-17", closing_reason=None,
    )  # fmt: skip
    async with cb.factory(cb.unit) as uow:
        await uow.cases.add(other)
        await uow.cases.purge(c, stats, subject_too=True)
        await uow.commit()
    async with cb.factory(cb.unit) as uow:
        assert (await uow.subjects.get(s.id)).name == s.name
        assert [x.id for x in await uow.cases.of_subject(s.id)] == [other.id]


async def test_the_registered_names_version_moves_with_every_name_written(
    cb: CaseBackend,
) -> None:
    async def version() -> tuple[int, list[str]]:
        async with cb.factory(cb.unit) as uow:
            return await uow.subjects.names()

    assert await version() == (0, [])
    s, _ = await cb.opened()
    before, names = await version()
    assert before >= 1 and sorted(names) == sorted([s.name, s.guardians[0].name])
    async with cb.factory(cb.unit) as uow:
        await uow.subjects.update(dataclasses.replace(s, name="Tiril Ny", version=2), 1)
        await uow.commit()
    after, names = await version()
    assert after > before and "Tiril Ny" in names


def _answer(cb: CaseBackend, note: Note) -> DutyAnswer:
    return DutyAnswer(
        id=uuid4(), note_id=note.id, duty=Duty.AVERT_CRIME, answer=DutyAnswerKind.UNSURE,
        answered_by=cb.lead.id, at=AT,
    )  # fmt: skip


def _basis(cb: CaseBackend, case_id: UUID) -> LegalBasisRecord:
    return LegalBasisRecord(
        id=uuid4(), case_id=case_id, basis=LegalBasisCode.NECESSARY_FOR_OWN_TASKS,
        recipient_organisation_id=cb.police.id, categories=frozenset({Category.PLAN}),
        justification="Nødvendig for politiets oppfølging av planen.", recorded_by=cb.lead.id,
        valid_from=date(2026, 3, 1), recorded_at=AT,
    )  # fmt: skip


def _grant(cb: CaseBackend, case_id: UUID) -> BreakGlass:
    return BreakGlass(
        id=uuid4(), case_id=case_id, person_id=cb.officer.id,
        reason="Akutt fare, trenger oversikt over teamet nå.",
        basis=LegalBasisCode.NECESSARY_FOR_OWN_TASKS, opened_at=AT,
        expires_at=AT + timedelta(hours=2),
    )  # fmt: skip


async def test_bases_grants_answers_and_settings_round_trip(cb: CaseBackend) -> None:
    _, c = await cb.opened()
    basis, grant = _basis(cb, c.id), _grant(cb, c.id)
    note = Note(
        id=uuid4(), case_id=c.id, author_person_id=cb.lead.id, organisation_id=cb.school.id,
        category=Category.SCHOOL, regime=SourceRegime.SCHOOL, text="x", written_at=AT,
    )  # fmt: skip
    answer = _answer(cb, note)
    async with cb.factory(cb.unit) as uow:
        assert await uow.settings.retention_days() == RETENTION_DAYS_DEFAULT
        await uow.settings.set_retention_days(400)
        await uow.settings.set_retention_days(500)
        assert await uow.settings.retention_days() == 500
        await uow.bases.add(basis)
        await uow.break_glass.add(grant)
        await uow.notes.add(note)
        await uow.duty_answers.add(answer)
        await uow.commit()
    async with cb.factory(cb.unit) as uow:
        assert dataclasses.replace((await uow.bases.of_case(c.id))[0], recorded_at=AT) == basis
        assert await uow.break_glass.active(c.id, cb.officer.id, AT) == grant
        assert await uow.break_glass.active(c.id, cb.officer.id, grant.expires_at) is None
        assert await uow.break_glass.of_person(cb.officer.id, AT) == [grant]
        assert await uow.duty_answers.of_notes([note.id]) == [answer]
        reviewed = dataclasses.replace(
            grant, reviewed_at=AT, reviewed_by=cb.lead.id, review_note="OK", version=2
        )
        await uow.break_glass.update(reviewed, 1)
        with pytest.raises(StaleVersion):
            await uow.break_glass.update(reviewed, 1)
        assert await uow.break_glass.all() == [reviewed]
        assert await uow.controllers.emails() == []


async def test_the_database_holds_each_partys_chain(cb: CaseBackend) -> None:
    s, c, k, first = await _consented(cb)
    other = cb.consent(c, s)
    async with cb.factory(cb.unit) as uow:
        await uow.consents.add(other)
        await uow.commit()
    for wrong in (
        cb.event(k, seq=2, kind=EventKind.WITHDRAWN, prev="b" * 64),  # not the last hash
        cb.event(k, seq=3, kind=EventKind.WITHDRAWN, prev=first.hash),  # a gap
        cb.event(k, party=1, seq=1, prev=first.hash),  # a first event not from genesis
    ):
        async with cb.factory(cb.unit) as uow:
            with pytest.raises(ConsentConflict):
                await uow.consent_events.append(wrong)
    stray = dataclasses.replace(cb.event(k), party_id=other.parties[0].id)
    async with cb.factory(cb.unit) as uow:
        with pytest.raises(ValidationFailed):  # another consent's party
            await uow.consent_events.append(stray)
