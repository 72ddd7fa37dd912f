"""Distribution tests on fakes: who gets approved minutes, what they get, and what happens when the
mail server is down or refuses someone."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID, uuid4

import pytest

from domain.meetings.attendance import Presence
from domain.meetings.distribution import NoRecipients, Unreached, attachment_name
from domain.meetings.errors import IllegalTransition
from domain.meetings.meeting import OSLO, Meeting
from domain.meetings.service import MeetingsService
from domain.meetings.status import MeetingStatus
from domain.organisation.model import Membership, Person
from domain.shared.errors import Forbidden, StaleVersion
from domain.shared.mail import MailUnavailable
from domain.shared.principal import BodyRole
from tests.fakes import FakeClock, FakeMeetingsStore
from tests.fakes.mail import SENDER, FakeMail, FakeRenderer
from tests.unit.meetings.conftest import Board, drafting

SECRET = "Unntatt: bekymring for enkeltelev"
OPEN = "Innspill drøftet i gruppen."


def named(
    store: FakeMeetingsStore, board: Board, id: UUID | None, name: str, email: str | None
) -> None:
    assert id is not None
    store.put(Person(id=id, unit_id=board.unit.id, name=name, email=email))


@pytest.fixture
def people(store: FakeMeetingsStore, board: Board) -> None:
    """The seats' people: the observer has no address, two members share one (a shared mailbox)."""
    named(store, board, board.chair.person_id, "Lise Leder", "lise@example.invalid")
    named(store, board, board.secretary.person_id, "Sara Sekretær", "sara@example.invalid")
    named(store, board, board.members[0].person_id, "Mona Medlem", "mona@example.invalid")
    named(store, board, board.members[1].person_id, "Mads Medlem", "Felles@example.invalid")
    named(store, board, board.members[2].person_id, "Mia Medlem", "felles@example.invalid")
    named(store, board, board.observer.person_id, "Ola Observatør", None)


async def approved(
    meetings: MeetingsService, board: Board, clock: FakeClock, store: FakeMeetingsStore
) -> Meeting:
    """Approved minutes with an open and a restricted text, a decision, and a guest who attended."""
    guest = uuid4()
    store.put(
        Person(id=guest, unit_id=board.unit.id, name="Gunn Gjest", email="gunn@example.invalid")
    )
    m = await drafting(meetings, board, clock)
    (item,) = await meetings.agenda(board.coord, m.id)
    await meetings.record_attendance(board.coord, m.id, person_id=guest, presence=Presence.PRESENT)
    await meetings.record_attendance(
        board.coord, m.id, person_id=board.voting[0], presence=Presence.PRESENT
    )
    (draft,) = await meetings.minutes_versions(board.coord, m.id)
    await meetings.write_item_minutes(
        board.coord,
        m.id,
        item.id,
        open_text=OPEN,
        restricted_text=SECRET,
        expected_version=draft.version,
    )
    await meetings.record_decision(board.coord, m.id, item.id, "Gruppen gir innspill til budsjett.")
    m = await meetings.get_meeting(board.coord, m.id)
    await meetings.approve_by_chair(board.chair, m.id, m.version)
    return await meetings.get_meeting(board.coord, m.id)


@pytest.mark.usefixtures("people")
async def test_members_and_attendees_get_one_message_with_the_open_minutes(
    meetings: MeetingsService,
    board: Board,
    clock: FakeClock,
    store: FakeMeetingsStore,
    mail: FakeMail,
    renderer: FakeRenderer,
) -> None:
    m = await approved(meetings, board, clock, store)
    out = await meetings.distribute_minutes(board.secretary, m.id, m.version)

    assert out.meeting.status is MeetingStatus.DISTRIBUTED
    assert out.meeting.version == m.version + 1
    stored = await meetings.get_meeting(board.coord, m.id)
    assert stored.status is MeetingStatus.DISTRIBUTED and stored.version == out.meeting.version
    (message,) = mail.sent
    assert message.sender == SENDER
    assert message.to == (
        "felles@example.invalid",  # two members, one mailbox: once
        "gunn@example.invalid",  # the guest on the attendance list
        "lise@example.invalid",
        "mona@example.invalid",
        "sara@example.invalid",
    )
    assert message.subject == "Protokoll: Koordinerende gruppe 20. mars 2025"
    assert "godkjente protokollen" in message.text and "KG 1/2025" in message.text
    (pdf,) = message.attachments
    assert pdf.filename == "Protokoll KG 2025-03-20.pdf" and pdf.media_type == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and OPEN.encode() in pdf.content
    assert SECRET not in repr(renderer.rendered) and SECRET.encode() not in pdf.content
    assert len(renderer.rendered) == 1  # rendered once
    assert (out.recipients, out.addresses, out.sent) == (7, 5, 5)
    assert [(n.name, n.reason) for n in out.not_reached] == [
        ("Ola Observatør", Unreached.NO_ADDRESS)
    ]
    assert (out.filename, out.pdf_bytes, out.minutes_version) == (pdf.filename, len(pdf.content), 1)


@pytest.mark.usefixtures("people")
async def test_only_memberships_active_on_the_meeting_day_count(
    meetings: MeetingsService,
    board: Board,
    clock: FakeClock,
    store: FakeMeetingsStore,
    mail: FakeMail,
) -> None:
    m = await approved(meetings, board, clock, store)
    for name, since, until in (
        ("Før Går", date(2020, 1, 1), m.day - timedelta(days=1)),
        ("Etter Kommer", m.day + timedelta(days=1), None),
    ):
        pid = uuid4()
        store.put(Person(id=pid, unit_id=board.unit.id, name=name, email=f"{pid}@example.invalid"))
        store.put(
            Membership(
                id=uuid4(),
                unit_id=board.unit.id,
                body_id=board.body.id,
                person_id=pid,
                role=BodyRole.MEMBER,
                valid_from=since,
                valid_to=until,
            )
        )
    out = await meetings.distribute_minutes(board.coord, m.id, m.version)
    assert out.addresses == 5 and len(mail.sent[0].to) == 5


@pytest.mark.usefixtures("people")
async def test_mail_down_leaves_the_status_and_a_retry_succeeds(
    meetings: MeetingsService,
    board: Board,
    clock: FakeClock,
    store: FakeMeetingsStore,
    mail: FakeMail,
) -> None:
    m = await approved(meetings, board, clock, store)
    mail.down = True
    with pytest.raises(MailUnavailable):
        await meetings.distribute_minutes(board.coord, m.id, m.version)
    after = await meetings.get_meeting(board.coord, m.id)
    assert after.status is MeetingStatus.MINUTES_APPROVED and after.version == m.version
    mail.down = False
    out = await meetings.distribute_minutes(board.coord, m.id, m.version)
    assert out.meeting.status is MeetingStatus.DISTRIBUTED and len(mail.sent) == 1


@pytest.mark.usefixtures("people")
async def test_refused_addresses_are_reported_and_the_rest_distributed(
    meetings: MeetingsService,
    board: Board,
    clock: FakeClock,
    store: FakeMeetingsStore,
    mail: FakeMail,
) -> None:
    m = await approved(meetings, board, clock, store)
    mail.refuse = frozenset({"felles@example.invalid"})
    out = await meetings.distribute_minutes(board.coord, m.id, m.version)
    assert out.meeting.status is MeetingStatus.DISTRIBUTED
    assert (out.addresses, out.sent) == (5, 4)
    assert sorted((n.name, n.reason.value) for n in out.not_reached) == [
        ("Mads Medlem", "refused"),
        ("Mia Medlem", "refused"),
        ("Ola Observatør", "no-address"),
    ]


async def test_nobody_with_an_address_sends_nothing_and_moves_nothing(
    meetings: MeetingsService,
    board: Board,
    clock: FakeClock,
    store: FakeMeetingsStore,
    mail: FakeMail,
) -> None:
    m = await approved(meetings, board, clock, store)
    guest = next(p for p in store.tables.persons.values() if p.name == "Gunn Gjest")
    store.put(
        Person(id=guest.id, unit_id=board.unit.id, name=guest.name, version=guest.version + 1)
    )
    with pytest.raises(NoRecipients):
        await meetings.distribute_minutes(board.coord, m.id, m.version)
    assert mail.sent == []
    assert (await meetings.get_meeting(board.coord, m.id)).status is MeetingStatus.MINUTES_APPROVED


@pytest.mark.usefixtures("people")
async def test_refusals_send_nothing(
    meetings: MeetingsService,
    board: Board,
    clock: FakeClock,
    store: FakeMeetingsStore,
    mail: FakeMail,
) -> None:
    m = await approved(meetings, board, clock, store)
    with pytest.raises(Forbidden):
        await meetings.distribute_minutes(board.members[0], m.id, m.version)
    with pytest.raises(StaleVersion):
        await meetings.distribute_minutes(board.coord, m.id, m.version - 1)
    out = await meetings.distribute_minutes(board.chair, m.id, m.version)
    with pytest.raises(IllegalTransition, match="only approved minutes are distributed"):
        await meetings.distribute_minutes(board.coord, m.id, out.meeting.version)
    assert len(mail.sent) == 1


@pytest.mark.usefixtures("people")
async def test_draft_minutes_are_not_distributed(
    meetings: MeetingsService, board: Board, clock: FakeClock, mail: FakeMail
) -> None:
    m = await drafting(meetings, board, clock)
    with pytest.raises(IllegalTransition):
        await meetings.distribute_minutes(board.coord, m.id, m.version)
    assert mail.sent == []


def test_a_correction_names_its_version_in_the_file_name() -> None:
    m = Meeting(
        id=uuid4(),
        unit_id=uuid4(),
        body_id=uuid4(),
        starts_at=datetime(2026, 3, 4, 18, 0, tzinfo=OSLO),
        ends_at=datetime(2026, 3, 4, 18, 0, tzinfo=OSLO) + timedelta(hours=2),
    )
    assert attachment_name(m, "Koordinerende gruppe for barn", 1) == "Protokoll KGFB 2026-03-04.pdf"
    assert attachment_name(m, "Politirådet", 2) == "Protokoll POL 2026-03-04 v2.pdf"
