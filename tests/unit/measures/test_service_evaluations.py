"""Evaluations, reports and reminders through the use cases: who may keep them, completion by a
conclusion, completed evaluations kept, reports judged by their bytes, the evaluations due, and
reminder mails to the owner and the coordinator that never carry findings or other measures."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from domain.measures.changes import EvaluationChanges, MeasureChanges
from domain.measures.errors import (
    EvaluationCompleted,
    MeasureNotRunning,
    ReportTooLarge,
    UnsupportedReport,
)
from domain.measures.evaluation import Conclusion
from domain.measures.limits import REPORT_MAX_BYTES
from domain.measures.measure import Aspect, Performer
from domain.measures.reports import DOCX, ODT, PDF, clean_filename, media_type
from domain.measures.stage import Stage
from domain.shared.errors import Forbidden, NotFound, StaleVersion, ValidationFailed
from domain.shared.free_text import PersonalDataFound
from domain.shared.mail import MailUnavailable
from domain.shared.principal import BodyRole
from tests.fakes import coordinator, person, police_contact
from tests.unit.measures.conftest import MARKER, World

S = Stage
NEW = EvaluationChanges(
    aspects=frozenset({Aspect.USER_EXPERIENCE}), performer=Performer.JOINT, method="Fokusgrupper"
)


def zipped(**files: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, content in files.items():
            z.writestr(name, content)
    return buf.getvalue()


async def test_add_and_complete(world: World) -> None:
    v = await world.to(await world.propose(), S.ACTIVE)
    ev = await world.svc.add_evaluation(world.coord, v.measure.id, NEW)
    assert not ev.completed and ev.version == 1
    with pytest.raises(ValidationFailed) as caught:  # a conclusion needs findings
        await world.svc.update_evaluation(
            world.coord, ev.id, EvaluationChanges(conclusion=Conclusion.ADJUST), 1
        )
    assert caught.value.errors[0].field == "findings"
    done = await world.svc.update_evaluation(
        world.coord,
        ev.id,
        EvaluationChanges(findings="Godt mottatt", conclusion=Conclusion.ADJUST),
        1,
    )
    assert done.completed and done.completed_on == date(2026, 3, 14)
    with pytest.raises(EvaluationCompleted):
        await world.svc.update_evaluation(world.coord, ev.id, EvaluationChanges(conclusion=None), 2)
    with pytest.raises(EvaluationCompleted):
        await world.svc.delete_evaluation(world.coord, ev.id, 2)
    fixed = await world.svc.update_evaluation(
        world.coord, ev.id, EvaluationChanges(findings="Rettet"), 2
    )
    assert fixed.findings == "Rettet" and fixed.completed
    given = await world.svc.add_evaluation(
        world.coord,
        v.measure.id,
        EvaluationChanges(
            **NEW.set_fields(),
            findings="F",
            conclusion=Conclusion.STOP,
            completed_on=date(2026, 2, 1),
        ),
    )
    assert given.completed_on == date(2026, 2, 1)
    with pytest.raises(ValidationFailed) as caught:
        await world.svc.update_evaluation(
            world.coord, given.id, EvaluationChanges(completed_on=date(2026, 3, 15)), 1
        )
    assert (caught.value.errors[0].field, caught.value.errors[0].code) == (
        "completedOn",
        "in-future",
    )


async def test_only_a_decided_or_running_measure_is_evaluated(world: World) -> None:
    v = await world.propose()
    with pytest.raises(MeasureNotRunning):
        await world.svc.add_evaluation(world.coord, v.measure.id, NEW)
    w = await world.to(v, S.DECIDED)
    assert (
        await world.svc.add_evaluation(world.coord, w.measure.id, NEW)
    ).measure_id == w.measure.id


async def test_who_keeps_evaluations(world: World) -> None:
    u = world.unit.id
    owner = person(u, body_roles={world.unit.id: BodyRole.MEMBER}, person_id=world.owner.id)
    v = await world.to(await world.propose(), S.ACTIVE)  # owned by world.owner
    ev = await world.svc.add_evaluation(owner, v.measure.id, NEW)
    await world.svc.delete_evaluation(owner, ev.id, 1)
    with pytest.raises(NotFound):
        await world.svc.get_evaluation(world.coord, ev.id)
    for p in (police_contact(u), person(u, body_roles={world.unit.id: BodyRole.CHAIR})):
        with pytest.raises(Forbidden):
            await world.svc.add_evaluation(p, v.measure.id, NEW)
    foreign = coordinator(world.other.id)
    with pytest.raises(NotFound):
        await world.svc.add_evaluation(foreign, v.measure.id, NEW)
    (planned,) = await world.svc.evaluations_of(world.coord, v.measure.id)
    with pytest.raises(NotFound):
        await world.svc.get_evaluation(foreign, planned.id)
    with pytest.raises(NotFound):
        await world.svc.report(foreign, planned.id)
    assert await world.svc.evaluations_due(foreign) == ()


async def test_findings_are_screened(world: World) -> None:
    v = await world.to(await world.propose(), S.ACTIVE)
    (ev,) = await world.svc.evaluations_of(world.coord, v.measure.id)
    bad = EvaluationChanges(findings=f"Intervju med {MARKER}")
    with pytest.raises(PersonalDataFound):
        await world.svc.update_evaluation(world.coord, ev.id, bad, 1)
    await world.svc.update_evaluation(
        world.coord, ev.id, bad, 1, override_reason="Anonymisert senere"
    )
    assert world.store.tables.measure_overrides[0].field == "findings"


def test_reports_are_judged_by_their_bytes() -> None:
    assert media_type(b"%PDF-1.7\n...") == PDF
    assert media_type(zipped(**{"word/document.xml": b"<w/>", "[Content_Types].xml": b""})) == DOCX
    assert media_type(zipped(mimetype=ODT.encode(), **{"content.xml": b""})) == ODT
    for bad in (b"", b"GIF89a", zipped(**{"xl/workbook.xml": b""}), b"PK\x03\x04broken"):
        with pytest.raises(UnsupportedReport):
            media_type(bad)
    with pytest.raises(ReportTooLarge):
        media_type(b"%PDF-" + b"0" * REPORT_MAX_BYTES)
    assert clean_filename("C:\\tmp\\rap\x00port.PDF", PDF) == "rapport.pdf"
    assert clean_filename('"../x".docx', PDF) == "x.docx.pdf"
    assert clean_filename(None, ODT) == "evalueringsrapport.odt"


async def test_attach_and_download_a_report(world: World) -> None:
    v = await world.to(await world.propose(), S.ACTIVE)
    (ev,) = await world.svc.evaluations_of(world.coord, v.measure.id)
    with pytest.raises(NotFound):
        await world.svc.report(world.coord, ev.id)
    with pytest.raises(UnsupportedReport):
        await world.svc.attach_report(world.coord, ev.id, "x.pdf", b"MZ\x90", 1)
    assert world.store.tables.reports == {}
    new = await world.svc.attach_report(world.coord, ev.id, "Rapport.pdf", b"%PDF-1.4 body", 1)
    assert new.version == 2 and new.report is not None and new.report.size == 13
    info, content = await world.svc.report(police_contact(world.unit.id), ev.id)
    assert (info.filename, info.media_type, content) == ("Rapport.pdf", PDF, b"%PDF-1.4 body")
    with pytest.raises(StaleVersion):
        await world.svc.attach_report(world.coord, ev.id, "R.pdf", b"%PDF-2", 1)
    with pytest.raises(Forbidden):
        await world.svc.attach_report(police_contact(world.unit.id), ev.id, "R.pdf", b"%PDF-2", 2)


async def test_evaluations_due_and_overdue(world: World) -> None:
    soon = await world.to(await world.propose(title="Snart"), S.ACTIVE)  # due 1 April
    late = await world.propose(title="Forfalt")
    late = await world.to(late, S.DECIDED)
    await world.svc.add_evaluation(
        world.coord, late.measure.id, EvaluationChanges(**NEW.set_fields(), due_on=date(2026, 3, 1))
    )
    far = await world.to(await world.propose(title="Langt fram"), S.DECIDED)
    await world.svc.add_evaluation(
        world.coord, far.measure.id, EvaluationChanges(**NEW.set_fields(), due_on=date(2026, 9, 1))
    )
    stopped = await world.to(await world.propose(title="Stoppet"), S.ACTIVE)
    await world.move(stopped, S.STOPPED, reason="Nedlagt")
    due = await world.svc.evaluations_due(police_contact(world.unit.id))
    assert [(d.measure_title, d.overdue) for d in due] == [("Forfalt", True), ("Snart", False)]
    assert due[1].owner_id == soon.measure.owner_id


async def test_reminders_go_to_owner_and_coordinator_without_findings(world: World) -> None:
    v = await world.to(await world.propose(title="Natteravner"), S.ACTIVE)
    (ev,) = await world.svc.evaluations_of(world.coord, v.measure.id)
    await world.svc.update_evaluation(
        world.coord, ev.id, EvaluationChanges(findings="HEMMELIG FUNN"), 1
    )
    other = await world.to(await world.propose(title="Annet tiltak"), S.DECIDED)
    await world.svc.update_measure(
        world.coord, other.measure.id, MeasureChanges(owner_id=None), other.measure.version
    )
    await world.svc.add_evaluation(
        world.coord,
        other.measure.id,
        EvaluationChanges(**NEW.set_fields(), due_on=date(2026, 3, 20)),
    )
    with pytest.raises(Forbidden):
        await world.svc.send_evaluation_reminders(police_contact(world.unit.id))
    report = await world.svc.send_evaluation_reminders(world.coord)
    assert (report.sent, report.without_address) == (2, 0)
    by_title = {("Natteravner" in m.text): m for m in world.mail.sent}
    mine = by_title[True]
    assert set(mine.to) == {"ola@example.org", "kari@example.org"}
    assert "Natteravner" in mine.text and "01.04.2026" in mine.text
    assert "HEMMELIG" not in mine.text and "Annet tiltak" not in mine.text
    assert by_title[False].to == ("kari@example.org",)  # no owner: the coordinator alone
    assert all(m.subject.startswith("Påminnelse") for m in world.mail.sent)


async def test_reminders_without_address_and_with_the_server_down(world: World) -> None:
    world.store.tables.establishments.clear()  # no coordinator named
    world.store.tables.persons[world.owner.id] = world.owner.__class__(
        id=world.owner.id, unit_id=world.unit.id, name=world.owner.name
    )
    await world.to(await world.propose(), S.ACTIVE)
    report = await world.svc.send_evaluation_reminders(world.coord)
    assert (report.sent, report.without_address) == (0, 1)
    assert world.mail.sent == []
    world.store.tables.persons[world.owner.id] = world.owner
    world.mail.down = True
    with pytest.raises(MailUnavailable):
        await world.svc.send_evaluation_reminders(world.coord)
