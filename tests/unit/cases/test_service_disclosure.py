"""Cases' unit tests: legal bases recorded by the lead, break-glass (reasoned, two hours, the
access controllers told, reviewed once), the "who has seen my information" report, retention and
real deletion, and the unit's case settings."""

from __future__ import annotations

from datetime import date

import pytest

from domain.cases.access import Action, Outcome
from domain.cases.case import ClosingReason
from domain.cases.errors import AlreadyReviewed, CaseStillOpen, NotDue
from domain.cases.policy import LegalBasisCode
from domain.cases.regimes import Category
from domain.cases.service import CasesService, NewBasis
from domain.cases.views import Shown, Withheld
from domain.meetings.guard import KernelGuard
from domain.shared.errors import Forbidden, NotFound, ValidationFailed
from domain.shared.free_text.override import PersonalDataFound
from tests.fakes.cases import FakeCasesUnitOfWorkFactory, FakeRegisteredNames
from tests.unit.cases.conftest import World

B = LegalBasisCode
REASON = "Akutt bekymring meldt av vakthavende, trenger oversikt"


def basis(world: World, **kw: object) -> NewBasis:
    values: dict[str, object] = {
        "basis": B.NECESSARY_FOR_OWN_TASKS,
        "recipient_organisation_id": world.org("cw"),
        "categories": frozenset({Category.IDENTITY, Category.GUARDIANS}),
        "justification": "Barnevernet trenger identitet for å vurdere tiltak.",
        "valid_from": date(2026, 3, 1),
    } | kw
    return NewBasis(**values)  # type: ignore[arg-type]


async def test_a_legal_basis_is_the_leads_and_opens_what_it_names(world: World) -> None:
    case = await world.open_case()
    await world.team(case, "cw", "police")
    with pytest.raises(Forbidden):
        await world.svc.record_legal_basis(world.who["cw"], case.case.id, basis(world))
    with pytest.raises(ValidationFailed) as err:
        await world.svc.record_legal_basis(
            world.who["lead"],
            case.case.id,
            basis(world, justification="For kort", basis=B.REPORT_OFFENCE, categories=frozenset()),
        )
    assert {(e.field, e.code) for e in err.value.errors} == {
        ("justification", "too-short"),
        ("agencyDecisionRef", "required"),
        ("categories", "required"),
    }
    with pytest.raises(ValidationFailed):
        await world.svc.record_legal_basis(
            world.who["lead"], case.case.id, basis(world, basis=B.CONSENT)
        )
    await world.svc.record_legal_basis(world.who["lead"], case.case.id, basis(world))
    seen = await world.svc.case_view(world.who["cw"], case.case.id)
    assert isinstance(seen.subject.identity, Shown)
    assert seen.subject.identity.access.basis is B.NECESSARY_FOR_OWN_TASKS
    assert isinstance(
        (await world.svc.case_view(world.who["police"], case.case.id)).subject.identity, Withheld
    )
    assert len(await world.svc.legal_bases(world.who["police"], case.case.id)) == 1


async def test_break_glass_is_reasoned_time_boxed_told_and_reviewed(world: World) -> None:
    case = await world.open_case()
    with pytest.raises(NotFound):  # no seat on the body, not on the team
        await world.svc.open_break_glass(
            world.who["outsider"], case.case.id, REASON, B.SAME_PURPOSE
        )
    with pytest.raises(ValidationFailed):
        await world.svc.open_break_glass(world.who["nurse"], case.case.id, "Kort", B.SAME_PURPOSE)
    with pytest.raises(PersonalDataFound):  # read outside the team: the guard screens it
        await world.svc.open_break_glass(
            world.who["nurse"], case.case.id, REASON + " 01017012345", B.SAME_PURPOSE
        )
    grant = await world.svc.open_break_glass(
        world.who["nurse"], case.case.id, REASON, B.SAME_PURPOSE
    )
    assert (grant.expires_at - grant.opened_at).total_seconds() == 2 * 3600
    assert world.mail.sent[-1].to == ("admin@example.invalid",)
    assert "SAK-2026-0001" in world.mail.sent[-1].text and REASON not in world.mail.sent[-1].text
    view = await world.svc.case_view(world.who["nurse"], case.case.id)
    assert view.break_glass_id == grant.id and view.my_role is None
    assert (
        isinstance(view.subject.identity, Shown)
        and view.subject.identity.access.basis is B.BREAK_GLASS
    )
    assert world.store.access_log[-1].break_glass_id == grant.id
    world.clock.advance(seconds=2 * 3600)
    with pytest.raises(NotFound):
        await world.svc.case_view(world.who["nurse"], case.case.id)
    with pytest.raises(Forbidden):
        await world.svc.break_glass_reviews(world.who["lead"])
    reviews = await world.svc.break_glass_reviews(world.who["admin"])
    assert [(r.case_reference, r.person_name) for r in reviews] == [
        ("SAK-2026-0001", "Nurse Person")
    ]
    done = await world.svc.review_break_glass(world.who["admin"], grant.id, "Begrunnet, i orden.")
    assert done.grant.reviewed_by == world.persons["admin"].id
    with pytest.raises(AlreadyReviewed):
        await world.svc.review_break_glass(world.who["admin"], grant.id, "Igjen")


async def test_the_access_report_says_who_has_seen_what(world: World) -> None:
    case = await world.open_case()
    await world.team(case, "cw")
    await world.svc.case_view(world.who["cw"], case.case.id)
    with pytest.raises(NotFound):
        await world.svc.case_view(world.who["outsider"], case.case.id)
    with pytest.raises(Forbidden):
        await world.svc.access_report(world.who["cw"], case_id=case.case.id)
    report = await world.svc.access_report(world.who["lead"], subject_id=case.subject.id)
    actors = {r.actor_name for r in report.rows}
    assert {"Lead Person", "Cw Person", "Outsider Person"} <= actors
    denied = [r for r in report.rows if r.decision is Outcome.DENY]
    assert {r.deny_reason for r in denied} >= {"not-on-team", "consent-missing"}
    assert world.store.access_log[-1].action is Action.EXPORT
    by_admin = await world.svc.access_report(world.who["admin"], subject_id=case.subject.id)
    assert len(by_admin.rows) == len(report.rows) + 1  # the lead's report is itself logged


async def test_retention_deletes_for_real_and_logs_it(world: World) -> None:
    case = await world.open_case()
    view = await world.consent(case)
    with pytest.raises(CaseStillOpen):
        await world.svc.delete_case(world.who["lead"], case.case.id, 1)
    closed = await world.svc.close_case(
        world.who["lead"], case.case.id, ClosingReason.PLAN_COMPLETED, 1
    )
    with pytest.raises(NotDue):
        await world.svc.delete_case(world.who["admin"], case.case.id, closed.case.version)
    assert await world.svc.retention_due(world.who["admin"]) == ()
    world.clock.advance(days=5 * 365)
    due = await world.svc.retention_due(world.who["admin"])
    assert [d.reference for d in due] == ["SAK-2026-0001"]
    with pytest.raises(NotFound):
        await world.svc.delete_case(world.who["coordinator"], case.case.id, closed.case.version)
    await world.svc.delete_case(world.who["admin"], case.case.id, closed.case.version)
    t = world.store.tables
    assert not t.cases and not t.subjects and not t.consents and not t.members
    assert not [e for e in t.consent_events if e.consent_id == view.consent.id]
    assert [(s.kind.value, s.year_opened, s.age_band_at_start) for s in t.statistics] == [
        ("follow_up_team", 2026, "15-17")
    ]
    assert world.store.access_log[-1].action is Action.DELETE


async def test_the_retention_period_is_the_admins_setting(world: World) -> None:
    assert (await world.svc.case_settings(world.who["coordinator"])).retention_days == 5 * 365
    with pytest.raises(Forbidden):
        await world.svc.set_retention_days(world.who["coordinator"], 400)
    with pytest.raises(ValidationFailed):
        await world.svc.set_retention_days(world.who["admin"], 5)
    assert (await world.svc.set_retention_days(world.who["admin"], 400)).retention_days == 400
    with pytest.raises(Forbidden):
        await world.svc.case_settings(world.who["lead"])


async def test_break_glass_reasons_never_name_a_registered_subject(world: World) -> None:
    case = await world.open_case()
    svc = CasesService(
        FakeCasesUnitOfWorkFactory(world.store),
        world.clock,
        world.mail,
        KernelGuard(names=FakeRegisteredNames(world.store)),
    )
    with pytest.raises(PersonalDataFound):
        await svc.open_break_glass(
            world.who["nurse"],
            case.case.id,
            "Akutt: Ola Testesen er meldt savnet i natt",
            B.SAME_PURPOSE,
        )
    with pytest.raises(PersonalDataFound):  # a guardian, one letter off
        await svc.open_break_glass(
            world.who["nurse"], case.case.id, "Akutt: Mor Testeson ringte om natten", B.SAME_PURPOSE
        )
    grant = await svc.open_break_glass(world.who["nurse"], case.case.id, REASON, B.SAME_PURPOSE)
    assert grant.case_id == case.case.id
