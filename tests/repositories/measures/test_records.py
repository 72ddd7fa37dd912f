"""Measures' records through the ports, on the fakes and on PostgreSQL alike: the stage history in
sequence (a second step with the same sequence is refused), progress notes newest first,
evaluations and the evaluations due, reports in the transaction, the unit's settings."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, timedelta
from uuid import uuid4

import pytest

from domain.measures.evaluation import Conclusion, ReportInfo
from domain.measures.history import ProgressNote, replay
from domain.measures.limits import DEFAULT_EVALUATION_THRESHOLD_NOK
from domain.measures.stage import Stage
from domain.shared.errors import NotFound, StaleVersion
from tests.repositories.measures.conftest import AT, MeasureBackend

PDF = b"%PDF-1.7\n" + b"x" * 100


async def test_history_in_sequence_and_a_second_step_with_the_same_number_refused(
    mb: MeasureBackend,
) -> None:
    m = mb.measure()
    await mb.store(m)
    first = mb.first_step(m)
    step = dataclasses.replace(
        first, id=uuid4(), from_stage=Stage.PROPOSED, to_stage=Stage.ASSESSED, sequence=2,
        at=AT + timedelta(days=1), reason="Vurdert i KG",
    )  # fmt: skip
    async with mb.factory(mb.unit) as uow:
        await uow.measures.update(m.with_stage(Stage.ASSESSED), m.version)
        await uow.history.append(step)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        history = list(await uow.history.of_measure(m.id))
        assert [c.sequence for c in history] == [1, 2]
        assert history[1] == dataclasses.replace(step, id=history[1].id)
        assert replay(history) is Stage.ASSESSED
        rival = dataclasses.replace(step, id=uuid4(), to_stage=Stage.REJECTED)
        with pytest.raises(StaleVersion):
            await uow.history.append(rival)


async def test_progress_notes_newest_first(mb: MeasureBackend) -> None:
    m = mb.measure()
    await mb.store(m)
    notes = [
        ProgressNote(
            id=uuid4(),
            unit_id=mb.unit,
            measure_id=m.id,
            at=AT + timedelta(days=i),
            author_person_id=mb.owner.id,
            author_name="Kari Nordmann",
            text=f"Notat {i}",
        )
        for i in range(3)
    ]
    async with mb.factory(mb.unit) as uow:
        for n in notes:
            await uow.notes.add(n)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        assert list(await uow.notes.of_measure(m.id)) == list(reversed(notes))
    async with mb.factory(mb.other) as uow:
        assert list(await uow.notes.of_measure(m.id)) == []


async def test_evaluations_by_due_date_and_the_ones_due(mb: MeasureBackend) -> None:
    m, n = mb.measure(), mb.measure(title="Annet")
    await mb.store(m, n)
    late = mb.evaluation(m, due_on=date(2026, 2, 1))
    soon = mb.evaluation(m, due_on=date(2026, 4, 1))
    later = mb.evaluation(n, due_on=date(2026, 12, 1))
    undated = mb.evaluation(m, due_on=None)
    done = mb.evaluation(
        n, due_on=date(2026, 1, 1), findings="Virket", conclusion=Conclusion.CONTINUE,
        completed_on=date(2026, 1, 10),
    )  # fmt: skip
    async with mb.factory(mb.unit) as uow:
        for e in (undated, later, soon, late, done):
            await uow.evaluations.add(e)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        assert list(await uow.evaluations.of_measure(m.id)) == [late, soon, undated]
        both = await uow.evaluations.of_measures([m.id, n.id])
        assert {e.id for e in both} == {late.id, soon.id, undated.id, later.id, done.id}
        assert list(await uow.evaluations.due(date(2026, 5, 1))) == [late, soon]
        assert await uow.evaluations.get(done.id) == done
    async with mb.factory(mb.other) as uow:
        assert list(await uow.evaluations.due(date(2030, 1, 1))) == []
        with pytest.raises(NotFound):
            await uow.evaluations.get(late.id)


async def test_evaluation_versions_and_delete(mb: MeasureBackend) -> None:
    m = mb.measure()
    await mb.store(m)
    e = mb.evaluation(m)
    async with mb.factory(mb.unit) as uow:
        await uow.evaluations.add(e)
        await uow.commit()
    f = dataclasses.replace(
        e, findings="Godt mottatt", conclusion=Conclusion.ADJUST, completed_on=date(2026, 9, 2),
        version=2,
    )  # fmt: skip
    async with mb.factory(mb.unit) as uow:
        await uow.evaluations.update(f, 1)
        with pytest.raises(StaleVersion):
            await uow.evaluations.update(dataclasses.replace(f, version=3), 1)
    async with mb.factory(mb.unit) as uow:  # the failed update rolled the first back too
        assert await uow.evaluations.get(e.id) == e
        await uow.evaluations.update(f, 1)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        assert await uow.evaluations.get(e.id) == f
        with pytest.raises(StaleVersion):
            await uow.evaluations.delete(e.id, 1)
        await uow.evaluations.delete(e.id, 2)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        assert list(await uow.evaluations.of_measure(m.id)) == []


async def test_report_in_the_transaction(mb: MeasureBackend) -> None:
    """As ``attach_report`` writes it: the evaluation with the report's metadata, then the bytes."""
    m = mb.measure()
    await mb.store(m)
    e = mb.evaluation(m)
    digest = hashlib.sha256(PDF).hexdigest()
    info = ReportInfo(
        filename="rapport.pdf", media_type="application/pdf", size=len(PDF), sha256=digest,
        uploaded_at=AT,
    )  # fmt: skip
    with_report = dataclasses.replace(e, report=info, version=2)
    async with mb.factory(mb.unit) as uow:
        await uow.evaluations.add(e)
        await uow.evaluations.update(with_report, 1)
        await uow.reports.put(e.id, "rapport.pdf", "application/pdf", PDF, digest, AT)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        assert await uow.evaluations.get(e.id) == with_report
        assert await uow.reports.content(e.id) == PDF
    async with mb.factory(mb.other) as uow:
        assert await uow.reports.content(e.id) is None
    async with mb.factory(mb.unit) as uow:
        await uow.reports.remove(e.id)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        assert await uow.reports.content(e.id) is None


async def test_settings_default_then_the_units_own(mb: MeasureBackend) -> None:
    async with mb.factory(mb.unit) as uow:
        assert await uow.settings.evaluation_threshold_nok() == DEFAULT_EVALUATION_THRESHOLD_NOK
        await uow.settings.set_evaluation_threshold_nok(200_000)
        await uow.settings.set_evaluation_threshold_nok(300_000)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        assert await uow.settings.evaluation_threshold_nok() == 300_000
    async with mb.factory(mb.other) as uow:
        assert await uow.settings.evaluation_threshold_nok() == DEFAULT_EVALUATION_THRESHOLD_NOK


async def test_several_measures_history_and_notes_in_one_read(mb: MeasureBackend) -> None:
    m, n = mb.measure(), mb.measure(title="Annet")
    await mb.store(m, n)
    notes = [
        ProgressNote(
            id=uuid4(),
            unit_id=mb.unit,
            measure_id=x.id,
            at=AT + timedelta(hours=i),
            author_person_id=None,
            author_name="Kari Nordmann",
            text="Notat",
        )
        for i, x in enumerate((m, n, m))
    ]
    async with mb.factory(mb.unit) as uow:
        for note in notes:
            await uow.notes.add(note)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        history = await uow.history.of_measures([n.id, m.id, uuid4()])
        assert [c.measure_id for c in history] == sorted([m.id, n.id], key=str)
        assert list(await uow.notes.of_measures([m.id, n.id])) == list(reversed(notes))
    async with mb.factory(mb.other) as uow:
        assert list(await uow.history.of_measures([m.id, n.id])) == []
        assert list(await uow.notes.of_measures([m.id, n.id])) == []
