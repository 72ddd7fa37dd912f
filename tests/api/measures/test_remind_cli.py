"""Measures tests room: ``samordna measures remind`` — the scheduled job mails each evaluation due
to the measure's owner and the unit's coordinator, one unit or every unit, as a system caller."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from typer.testing import CliRunner

from adapters.postgres.demo import DEMO_UNIT, OTHER_UNIT
from api import cli, jobs
from domain.measures.views import ReminderReport
from domain.shared.mail import MailUnavailable
from tests.api.measures.support import active, headers, plan_of_evaluation


async def test_the_job_mails_the_unit_s_due_evaluations(client, container, mail_catcher):
    h = await headers(client)
    soon = (await active(client, h, title="Leksehjelp på Årvoll",
                         evaluationPlan=plan_of_evaluation(due_in_days=10))).json()  # fmt: skip
    await active(client, h, title="Fotball", evaluationPlan=plan_of_evaluation(due_in_days=90))
    [(unit, report)] = await jobs.remind_evaluations(container, DEMO_UNIT)
    assert unit == DEMO_UNIT
    assert report.sent >= 1 and report.sent == len(mail_catcher.caught)
    subjects = [m.message["Subject"] for m in mail_catcher.caught]
    assert all(s.startswith("Påminnelse: evaluering av tiltak") for s in subjects)
    texts = [
        m.message.get_body(preferencelist=("plain",)).get_content() for m in mail_catcher.caught
    ]
    assert any(soon["title"] in t for t in texts)
    assert not any("Fotball" in t for t in texts)  # due in 90 days: not yet
    recipients = {r for m in mail_catcher.caught for r in m.recipients}
    assert {"ola@demo.invalid", "kari@demo.invalid"} <= recipients


async def test_every_unit_by_default_and_an_unknown_unit_refused(client, container, mail_catcher):
    reports = dict(await jobs.remind_evaluations(container))
    assert {DEMO_UNIT, OTHER_UNIT} <= set(reports)
    with pytest.raises(LookupError):
        await jobs.remind_evaluations(container, uuid4())


def test_the_system_caller_is_a_coordinator_of_one_unit_and_no_person() -> None:
    p = jobs.system_principal(DEMO_UNIT)
    assert p.unit_id == DEMO_UNIT and p.person_id is None and p.is_person
    assert [r.value for r in p.roles] == ["coordinator"]


def _run(monkeypatch: pytest.MonkeyPatch, outcome: object, *args: str):
    async def fake(settings: object, unit: UUID | None) -> object:
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    monkeypatch.setattr(jobs, "run_reminders", fake)
    monkeypatch.setattr(cli.bootstrap, "start_mail_catcher", lambda s: None)
    return CliRunner().invoke(cli.app, ["measures", "remind", *args])


def test_the_command_prints_what_it_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    r = _run(monkeypatch, [(DEMO_UNIT, ReminderReport(sent=3, without_address=1))])
    assert r.exit_code == 0, r.output
    assert r.output.strip() == f"{DEMO_UNIT}: sent 3, without address 1"


def test_the_command_takes_one_unit_and_says_when_it_is_unknown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    r = _run(monkeypatch, LookupError("x"), "--unit", str(uuid4()))
    assert r.exit_code == 2
    r = _run(monkeypatch, [], "--unit", "not-a-uuid")
    assert r.exit_code == 2  # typer refuses it before anything runs
    r = _run(monkeypatch, MailUnavailable("relay down"), "--unit", str(DEMO_UNIT))
    assert r.exit_code == 1
