"""Cases' unit tests: one case from opening to a withdrawn consent, through the service and fakes."""

from __future__ import annotations

from domain.cases.consent import EventKind
from domain.cases.decision import DenyReason
from domain.cases.views import Shown, Withheld
from tests.unit.cases.conftest import World


async def test_a_withdrawal_stops_sharing_on_the_next_read(world: World) -> None:
    case = await world.open_case()
    # own service: the lead's organisation opened the case
    assert isinstance(case.subject.identity, Shown)
    await world.team(case, "cw", "nurse")
    seen = await world.svc.case_view(world.who["cw"], case.case.id)
    assert isinstance(seen.subject.identity, Withheld)
    assert seen.subject.identity.reason is DenyReason.CONSENT_MISSING
    consent = await world.consent(case)
    seen = await world.svc.case_view(world.who["cw"], case.case.id)
    assert isinstance(seen.subject.identity, Shown)
    assert seen.subject.identity.access.consent_id == consent.consent.id
    guardian = consent.consent.parties[1]
    await world.event(consent, guardian.id, EventKind.WITHDRAWN)
    seen = await world.svc.case_view(world.who["cw"], case.case.id)
    assert isinstance(seen.subject.identity, Withheld)
    assert seen.subject.identity.reason is DenyReason.CONSENT_WITHDRAWN
    assert any("SAK-2026-0001" in m.subject for m in world.mail.sent)
