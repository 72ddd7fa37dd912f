"""Meetings unit tests: minutes versions (two layers, lock on approval, corrections) and approvals."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import pytest

from domain.meetings.approval import Approval, ApprovalKind
from domain.meetings.errors import MinutesLocked
from domain.meetings.minutes import ItemMinutes, MinutesVersion
from domain.shared.errors import ValidationFailed

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
ITEM = uuid4()


def draft() -> MinutesVersion:
    return MinutesVersion(id=uuid4(), unit_id=uuid4(), meeting_id=uuid4(), written_at=NOW)


def chair() -> Approval:
    return Approval(kind=ApprovalKind.CHAIR, approved_at=NOW, chair_person_id=uuid4())


def test_a_draft_is_written_per_item_in_place() -> None:
    d = draft().with_item(
        ItemMinutes(agenda_item_id=ITEM, open_text="Første", restricted_text="Intern")
    )
    d = d.with_item(ItemMinutes(agenda_item_id=ITEM, open_text="Andre"))
    assert d.version == 3 and len(d.items) == 1
    assert d.item(ITEM) == ItemMinutes(agenda_item_id=ITEM, open_text="Andre")


def test_approved_minutes_cannot_be_written_or_approved_again() -> None:
    approved = (
        draft()
        .with_item(ItemMinutes(agenda_item_id=ITEM, open_text="Vedtatt"))
        .approved_by(chair())
    )
    assert approved.approved
    with pytest.raises(MinutesLocked):
        approved.with_item(ItemMinutes(agenda_item_id=ITEM, open_text="Endret"))
    with pytest.raises(MinutesLocked):
        approved.approved_by(chair())


def test_a_correction_is_the_next_version_with_a_reason_and_leaves_the_old_one() -> None:
    v1 = (
        draft()
        .with_item(ItemMinutes(agenda_item_id=ITEM, open_text="Feil dato"))
        .approved_by(chair())
    )
    fixed = (ItemMinutes(agenda_item_id=ITEM, open_text="Riktig dato"),)
    v2 = v1.corrected(id=uuid4(), items=fixed, reason=" Dato var feil ", approval=chair())
    assert (v2.number, v2.correction_reason, v2.approved, v2.items) == (
        2,
        "Dato var feil",
        True,
        fixed,
    )
    assert v1.items[0].open_text == "Feil dato" and v1.meeting_id == v2.meeting_id
    with pytest.raises(ValidationFailed) as exc:
        v1.corrected(id=uuid4(), items=fixed, reason="  ", approval=chair())
    assert exc.value.errors[0].field == "reason"


def test_only_approved_minutes_are_corrected() -> None:
    with pytest.raises(MinutesLocked):
        draft().corrected(id=uuid4(), items=(), reason="r", approval=chair())


def test_only_members_see_the_restricted_layer_and_only_the_open_layer_leaves() -> None:
    d = draft().with_item(
        ItemMinutes(agenda_item_id=ITEM, open_text="Åpen", restricted_text="Unntatt")
    )
    assert d.as_seen(restricted=True) is d
    outsider = d.as_seen(restricted=False)
    assert outsider.items[0].restricted_text is None and outsider.items[0].open_text == "Åpen"
    assert d.open_layer() == {ITEM: "Åpen"}


def test_minutes_rules() -> None:
    with pytest.raises(ValidationFailed) as exc:
        draft().with_item(ItemMinutes(agenda_item_id=ITEM, open_text="x" * 20_001))
    assert exc.value.errors[0].code == "too-long"
    dup = (ItemMinutes(agenda_item_id=ITEM), ItemMinutes(agenda_item_id=ITEM))
    with pytest.raises(ValidationFailed, match="One minutes text per agenda item"):
        MinutesVersion(
            id=uuid4(), unit_id=uuid4(), meeting_id=uuid4(), written_at=NOW, items=dup
        ).check()


def test_an_approval_names_its_chair_or_its_meeting() -> None:
    with pytest.raises(ValidationFailed, match="names the chair"):
        Approval(kind=ApprovalKind.CHAIR, approved_at=NOW)
    with pytest.raises(ValidationFailed, match="Name the meeting"):
        Approval(kind=ApprovalKind.NEXT_MEETING, approved_at=NOW)
    with pytest.raises(ValidationFailed, match="offset"):
        Approval(
            kind=ApprovalKind.NEXT_MEETING,
            approved_at=NOW.replace(tzinfo=None),
            approving_meeting_id=uuid4(),
        )
