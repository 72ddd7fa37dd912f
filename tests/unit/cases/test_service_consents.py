"""Cases' unit tests: registering consents and recording their events through the service — the
16-year-old's own consent decisive for health data, a minor without every required consent
denied, withdrawal effective on the next read with mail to the recipients, one winner of two
appends, reminders."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from domain.cases.consent import (
    CollectionMethod,
    ConsentEvent,
    ConsentState,
    EventKind,
    PartyKind,
    sealed,
)
from domain.cases.decision import DenyReason
from domain.cases.errors import ConsentConflict
from domain.cases.regimes import Category, SourceRegime
from domain.cases.service import NewConsent, NewNote, NewParty
from domain.cases.views import Shown, Withheld
from domain.shared.errors import Forbidden, StaleVersion, ValidationFailed
from tests.fakes.cases import FakeCasesUnitOfWorkFactory
from tests.unit.cases.conftest import NOTICE_SHA, World


async def _health_note(world: World, case_id: UUID) -> None:
    await world.svc.add_note(
        world.who["nurse"],
        case_id,
        NewNote(category=Category.HEALTH, text="Samtale om søvn."),
    )


async def test_a_16_year_olds_own_consent_decides_for_health_data(world: World) -> None:
    case = await world.open_case(born=date(2010, 1, 1))  # 16
    await world.team(case, "nurse", "teacher")
    await _health_note(world, case.case.id)
    view = await world.consent(case, give=("subject",))
    guardian = view.consent.parties[1]
    await world.event(view, guardian.id, EventKind.REFUSED)
    notes = await world.svc.notes(world.who["teacher"], case.case.id)
    assert isinstance(notes[0].note, Shown) and notes[0].note.access.basis.value == "consent"
    assert isinstance(
        (await world.svc.case_view(world.who["teacher"], case.case.id)).subject.identity, Withheld
    )


async def test_a_minor_without_every_required_consent_is_denied(world: World) -> None:
    case = await world.open_case()  # 15
    await world.team(case, "nurse", "teacher")
    await _health_note(world, case.case.id)
    view = await world.consent(case, give=("subject", "guardian0"))
    notes = await world.svc.notes(world.who["teacher"], case.case.id)
    assert (
        isinstance(notes[0].note, Withheld) and notes[0].note.reason is DenyReason.CONSENT_PENDING
    )
    statuses = view.statuses
    assert statuses[SourceRegime.HEALTH].state is ConsentState.PENDING
    assert statuses[SourceRegime.HEALTH].outstanding_party_ids == (view.consent.parties[2].id,)


async def test_withdrawal_stops_sharing_at_once_and_tells_the_recipients(world: World) -> None:
    case = await world.open_case()
    await world.team(case, "cw", "nurse")
    view = await world.consent(case, recipients=("cw",))
    assert isinstance(
        (await world.svc.case_view(world.who["cw"], case.case.id)).subject.identity, Shown
    )
    world.mail.down = True  # the withdrawal holds even when the mail cannot go
    after = await world.event(view, view.consent.parties[0].id, EventKind.WITHDRAWN)
    assert after.statuses[SourceRegime.SLT].state is ConsentState.WITHDRAWN
    seen = await world.svc.case_view(world.who["cw"], case.case.id)
    assert isinstance(seen.subject.identity, Withheld)
    assert seen.subject.identity.reason is DenyReason.CONSENT_WITHDRAWN
    world.mail.down = False
    g = after.consent.parties[1]
    await world.event(after, g.id, EventKind.WITHDRAWN)
    message = world.mail.sent[-1]
    assert message.to == ("cw@example.invalid",)  # the recipient organisation's team member
    assert "SAK-2026-0001" in message.text and "Testesen" not in message.text


async def test_events_follow_the_partys_log(world: World) -> None:
    case = await world.open_case()
    view = await world.consent(case, give=())
    party = view.consent.parties[0].id
    with pytest.raises(ConsentConflict):  # nothing given, nothing to withdraw
        await world.event(view, party, EventKind.WITHDRAWN)
    given = await world.event(view, party, EventKind.GIVEN)
    with pytest.raises(StaleVersion):  # another event came in between
        await world.svc.record_consent_event(
            world.who["lead"],
            view.consent.id,
            party,
            EventKind.REFUSED,
            CollectionMethod.WRITTEN,
            None,
            0,
        )
    with pytest.raises(ConsentConflict):
        await world.event(given, party, EventKind.GIVEN)
    events = [e for e in given.events if e.party_id == party]
    assert [e.seq for e in events] == [1] and events[0].prev_hash == "0" * 64
    assert given.chain_ok


async def test_two_appends_of_one_seq_have_one_winner(world: World) -> None:
    case = await world.open_case()
    view = await world.consent(case, give=())

    def first_given() -> ConsentEvent:
        return sealed(
            ConsentEvent(
                consent_id=view.consent.id,
                party_id=view.consent.parties[0].id,
                seq=1,
                kind=EventKind.GIVEN,
                at=world.clock.now(),
                recorded_by=None,
                method=CollectionMethod.WRITTEN,
            )
        )

    factory = FakeCasesUnitOfWorkFactory(world.store)
    async with factory(world.unit.id) as a, factory(world.unit.id) as b:
        await a.consent_events.append(first_given())
        await a.commit()
        with pytest.raises(ConsentConflict):
            await b.consent_events.append(first_given())


async def test_a_consent_is_validated(world: World) -> None:
    case = await world.open_case()
    stranger = NewParty(
        kind=PartyKind.GUARDIAN, guardian_id=case.case.id, identity_verified_by="BankID"
    )
    bad = NewConsent(
        allowed_categories=frozenset(),
        source_organisation_ids=frozenset({world.org("cw")}),
        recipient_organisation_ids=frozenset({world.other.id}),
        valid_from=date(2026, 3, 1),
        valid_to=date(2026, 2, 1),
        notice_version="",
        notice_sha256="not-a-hash",
        parties=(
            stranger,
            NewParty(kind=PartyKind.SUBJECT, identity_verified_by=""),
            NewParty(kind=PartyKind.SUBJECT, identity_verified_by="x"),
        ),
        method=CollectionMethod.ORAL_DOCUMENTED,
        collected_by_organisation_id=world.org("cw"),
    )
    with pytest.raises(ValidationFailed) as err:
        await world.svc.register_consent(world.who["lead"], case.case.id, bad)
    fields = {(e.field, e.code) for e in err.value.errors}
    assert fields >= {
        ("allowedCategories", "required"),
        ("validTo", "before-start"),
        ("noticeVersion", "required"),
        ("noticeSha256", "invalid"),
        ("parties.0.guardianId", "unknown"),
        ("parties.1.identityVerifiedBy", "required"),
        ("parties.2.kind", "duplicate"),
        ("collectedByOrganisationId", "not-your-organisation"),
        ("recipientOrganisationIds", "unknown"),
    }
    assert NOTICE_SHA  # the valid form is used by the world's helper


async def test_reminders_name_expiring_consents_and_birthdays(world: World) -> None:
    case = await world.open_case(born=date(2010, 4, 1))  # turns 16 on 1 April
    view = await world.consent(case)
    reminders = await world.svc.consent_reminders(world.who["lead"])
    assert [(r.kind, r.due_on, r.turns) for r in reminders] == [("birthday", date(2026, 4, 1), 16)]
    assert reminders[0].consent_id == view.consent.id
    world.clock.advance(days=330)  # the consent ends 2027-02-28
    reminders = await world.svc.consent_reminders(world.who["lead"])
    assert [r.kind for r in reminders] == ["expiring"]
    assert await world.svc.send_consent_reminders(world.who["lead"]) == 1
    assert "SAK-2026-0001" in world.mail.sent[-1].text
    assert await world.svc.consent_reminders(world.who["outsider"]) == ()


async def test_the_childs_view_is_free_text_of_the_collector(world: World) -> None:
    case = await world.open_case()
    await world.team(case, "cw", "police")
    view = await world.consent(case, child_view="Vil helst at skolen ikke får vite om rus.")
    assert isinstance(view.child_view, Shown)  # the collector's own
    by_cw = await world.svc.consents(world.who["cw"], case.case.id)
    seen = by_cw[0].consent
    assert isinstance(seen, Shown) and isinstance(seen.value.child_view, Shown)
    by_police = await world.svc.consents(world.who["police"], case.case.id)
    seen = by_police[0].consent
    assert isinstance(seen, Shown)  # scope and statuses: structured
    assert isinstance(seen.value.child_view, Withheld)
    assert seen.value.child_view.reason is DenyReason.POLICE_MINIMISED
    assert seen.value.consent.child_view is None
    with pytest.raises(Forbidden):  # not the lead, not the collecting organisation
        await world.event(view, view.consent.parties[0].id, EventKind.WITHDRAWN, by="cw")
